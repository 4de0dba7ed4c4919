import { describe, expect, it } from 'vitest';
import { parseInspectionFeed, parseMinistryFeed } from '../../src/registries/feed';
import { RegistryFileError } from '@xf/domain/registries/records';
import { id, inspectionSnapshot, ministrySnapshot } from './fixtures';

/** What arrives over HTTP: JSON text, with null for absent values. */
const overTheWire = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === undefined ? null : v))) as unknown;

describe('ministry feed', () => {
  it('accepts the record shapes, with nulls for absent values', () => {
    const snap = ministrySnapshot();
    const r = parseMinistryFeed(
      overTheWire({ ...snap, persons: snap.persons.map((p) => ({ mobile: undefined, ...p })) }),
    );
    expect(r.rowErrors).toEqual([]);
    expect(r.snapshot).toEqual(snap);
  });

  it('reports a broken item by array name and position (index + 1) and imports the rest', () => {
    const snap = ministrySnapshot();
    const persons = [...snap.persons] as unknown[];
    persons[1] = { ...snap.persons[1]!, operatorCertificate: { number: 'X1', grade: 'expert' } };
    persons.push('not a person');
    const r = parseMinistryFeed(overTheWire({ institutions: snap.institutions, persons }));
    expect(r.rowErrors).toEqual([
      {
        sheet: 'persons',
        row: 2,
        field: 'operatorCertificate.grade',
        reason: '操作员证书等级应为：初级、中级、高级、技师、高级技师',
        key: id(2),
      },
      { sheet: 'persons', row: 5, field: '整行', reason: '第5项应为对象' },
    ]);
    expect(r.snapshot.persons.map((p) => p.idNumber)).toEqual([id(1), id(3), id(4)]);
  });

  it('tells a missing value from a value of the wrong type', () => {
    const [first, second] = ministrySnapshot().institutions;
    const noName: Record<string, unknown> = { ...first! };
    delete noName.name;
    const r = parseMinistryFeed({ institutions: [noName, { ...second!, name: 42 }], persons: [] });
    expect(r.rowErrors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [1, 'name', '机构名称不能为空'],
      [2, 'name', '机构名称必须是文本'],
    ]);
  });

  it('refuses a body without the two arrays', () => {
    expect(() => parseMinistryFeed({ institutions: [] })).toThrow(
      new RegistryFileError('部局社会消防技术服务信息系统数据源缺少“persons”数组'),
    );
    expect(() => parseMinistryFeed([])).toThrow(RegistryFileError);
    expect(() => parseMinistryFeed(null)).toThrow('数据源返回的内容不是JSON对象');
  });
});

describe('inspection feed', () => {
  it('accepts the record shapes', () => {
    const r = parseInspectionFeed(overTheWire(inspectionSnapshot()));
    expect(r.rowErrors).toEqual([]);
    expect(r.snapshot).toEqual(inspectionSnapshot());
  });

  it('refuses an unknown detachment code and a duplicate project number', () => {
    const snap = inspectionSnapshot();
    const r = parseInspectionFeed({
      socialUnits: [{ ...snap.socialUnits[0]!, detachmentCode: 'beijing' }, snap.socialUnits[1]],
      registryProjects: [...snap.registryProjects, snap.registryProjects[0]],
    });
    expect(r.rowErrors.map((e) => [e.sheet, e.row, e.field, e.reason])).toEqual([
      ['socialUnits', 1, 'detachmentCode', '管辖支队不是北京市消防救援总队的支队'],
      ['registryProjects', 3, 'externalId', '与registryProjects第1行重复，本行未导入'],
    ]);
    expect(r.snapshot.socialUnits).toHaveLength(1);
    expect(r.snapshot.registryProjects).toHaveLength(2);
  });

  it('refuses a body without registryProjects', () => {
    expect(() => parseInspectionFeed({ socialUnits: [] })).toThrow(
      '双随机一公开监督检查系统数据源缺少“registryProjects”数组',
    );
  });
});
