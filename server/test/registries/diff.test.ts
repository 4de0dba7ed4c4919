import { describe, expect, it } from 'vitest';
import { diffInspection, diffMinistry } from '../../src/registries/diff';
import { id, inspectionSnapshot, ministrySnapshot, USCC_A, USCC_B } from './fixtures';

describe('diffMinistry', () => {
  it('reports everything as joined on the first import', () => {
    const next = ministrySnapshot();
    const d = diffMinistry(null, next);
    expect(d.map((c) => [c.entity, c.change])).toEqual([
      ['institution', 'joined'],
      ['institution', 'joined'],
      ['person', 'joined'],
      ['person', 'joined'],
      ['person', 'joined'],
      ['person', 'joined'],
    ]);
    expect(d[2]).toEqual({
      entity: 'person',
      key: id(1),
      name: '赵一',
      change: 'joined',
      after: next.persons[0],
    });
  });

  it('reports nothing when nothing changed, even if lists and keys are reordered', () => {
    const prev = ministrySnapshot();
    const next = ministrySnapshot();
    next.persons.reverse();
    next.institutions[0] = Object.fromEntries(
      Object.entries(next.institutions[0]!).reverse(),
    ) as (typeof prev.institutions)[0];
    expect(diffMinistry(prev, next)).toEqual([]);
  });

  it('reports changed fields, a person moving institution, joins and leaves', () => {
    const prev = ministrySnapshot();
    const next = ministrySnapshot();
    next.institutions[1]!.publicityStatus = 'effective';
    next.persons[1]!.institutionUscc = USCC_B;
    next.persons[0]!.registeredEngineer = { ...next.persons[0]!.registeredEngineer!, validTo: '2029-01-01' };
    next.persons.splice(2, 1);
    next.persons.push({ idNumber: id(9), name: '周九', institutionUscc: USCC_A, post: 'other' });
    const d = diffMinistry(prev, next);
    expect(d.map((c) => [c.entity, c.key, c.change, c.fields])).toEqual([
      ['institution', USCC_B, 'changed', ['publicityStatus']],
      ['person', id(1), 'changed', ['registeredEngineer']],
      ['person', id(2), 'changed', ['institutionUscc']],
      ['person', id(9), 'joined', undefined],
      ['person', id(3), 'left', undefined],
    ]);
    const moved = d[2]!;
    expect(moved.before).toMatchObject({ institutionUscc: USCC_A });
    expect(moved.after).toMatchObject({ institutionUscc: USCC_B });
    expect(d[4]).toMatchObject({ name: '孙三', before: prev.persons[2] });
  });

  it('never reports as left a record whose row was broken in the new import', () => {
    const prev = ministrySnapshot();
    const next = { institutions: prev.institutions.slice(0, 1), persons: prev.persons.slice(0, 1) };
    const d = diffMinistry(prev, next, new Set([USCC_B, id(2), id(4)]));
    expect(d.map((c) => [c.key, c.change])).toEqual([[id(3), 'left']]);
  });
});

describe('diffInspection', () => {
  it('keys units without USCC by name and projects by external id', () => {
    const prev = inspectionSnapshot();
    const next = inspectionSnapshot();
    next.socialUnits[1]!.address = '北京市朝阳区新址路1号';
    next.registryProjects[0]!.endDate = '2025-06-30';
    next.registryProjects.splice(1, 1);
    const d = diffInspection(prev, next, new Set());
    expect(d.map((c) => [c.entity, c.key, c.change, c.fields])).toEqual([
      ['social_unit', 'NULL:朝阳区测试养老服务中心', 'changed', ['address']],
      ['registry_project', 'WB0001', 'changed', ['endDate']],
      ['registry_project', 'JC0001', 'left', undefined],
    ]);
    expect(diffInspection(prev, next, new Set(['JC0001'])).some((c) => c.change === 'left')).toBe(false);
  });
});
