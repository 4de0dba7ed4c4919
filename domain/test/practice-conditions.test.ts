import { describe, expect, it } from 'vitest';
import {
  evaluatePracticeConditions,
  practiceConditions,
  type PracticeInstitution,
  type PracticePerson,
} from '../src/rules/practice-conditions';

const ON = '2024-06-15';
const engineer = (
  level: 1 | 2,
  validTo = '2026-01-01',
  post: PracticePerson['post'] = 'project_lead',
): PracticePerson => ({
  post,
  registeredEngineer: { level, validFrom: '2021-01-01', validTo },
});
const operator = (
  grade: NonNullable<PracticePerson['operatorCertificate']>['grade'],
  validTo?: string,
): PracticePerson => ({
  post: 'operator',
  operatorCertificate: { grade, validTo },
});

/** A staff that meets every condition of both service types. */
function fullStaff(): PracticePerson[] {
  return [
    engineer(1, '2026-01-01', 'technical_lead'),
    engineer(1),
    engineer(2),
    operator('intermediate'),
    operator('senior'),
    operator('junior'),
    operator('junior'),
    operator('junior'),
    operator('junior'),
  ];
}
const both: PracticeInstitution = {
  serviceTypes: ['maintenance_testing', 'safety_assessment'],
  publicityStatus: 'effective',
};
const mt: PracticeInstitution = { serviceTypes: ['maintenance_testing'], publicityStatus: 'effective' };
const sa: PracticeInstitution = { serviceTypes: ['safety_assessment'], publicityStatus: 'effective' };
const ids = (r: ReturnType<typeof evaluatePracticeConditions>) => r.failures.map((f) => f.conditionId).sort();

describe('practice conditions data', () => {
  it('every condition names its source clause and a description', () => {
    for (const c of practiceConditions) {
      expect(c.clause.length).toBeGreaterThan(4);
      expect(c.description.length).toBeGreaterThan(4);
    }
    expect(new Set(practiceConditions.map((c) => c.id)).size).toBe(practiceConditions.length);
  });
});

describe('evaluatePracticeConditions', () => {
  it('allows a fully staffed institution with both service types', () => {
    expect(evaluatePracticeConditions(both, fullStaff(), ON)).toEqual({ compliant: true, failures: [] });
  });

  it('refuses fewer than 2 valid registered engineers, with the numbers in the message', () => {
    const staff = fullStaff().filter((p) => p.registeredEngineer?.level !== 2);
    staff.splice(1, 1); // leaves only the technical lead
    const r = evaluatePracticeConditions(mt, staff, ON);
    expect(r.compliant).toBe(false);
    const f = r.failures.find((x) => x.conditionId === 'maintenance_testing.registered_engineers')!;
    expect(f.message).toBe('注册消防工程师有效人数1人，少于2人');
    expect(f.clause).toContain('第五条');
  });

  it('refuses two registered engineers when none is 一级 (and so the technical lead is not 一级)', () => {
    const staff = [
      engineer(2, '2026-01-01', 'technical_lead'),
      engineer(2),
      ...fullStaff().filter((p) => !p.registeredEngineer),
    ];
    const r = evaluatePracticeConditions(mt, staff, ON);
    expect(r.failures.map((f) => f.message)).toEqual([
      '一级注册消防工程师有效人数0人，少于1人',
      '技术负责人不是有效期内的一级注册消防工程师',
    ]);
  });

  it('counts a registration valid on its last day and not on the day after', () => {
    const staff = (validTo: string) => [
      engineer(1, '2026-01-01', 'technical_lead'),
      engineer(1, validTo),
      ...fullStaff().filter((p) => !p.registeredEngineer),
    ];
    expect(evaluatePracticeConditions(mt, staff('2024-06-16'), ON).compliant).toBe(true);
    expect(evaluatePracticeConditions(mt, staff('2024-06-15'), ON).compliant).toBe(true);
    const r = evaluatePracticeConditions(mt, staff('2024-06-14'), ON);
    expect(r.failures.map((f) => f.message)).toEqual(['注册消防工程师有效人数1人，少于2人']);
  });

  it('does not count a registration before its validFrom', () => {
    const staff = fullStaff();
    staff[1] = {
      post: 'project_lead',
      registeredEngineer: { level: 1, validFrom: '2024-06-16', validTo: '2027-06-16' },
    };
    staff[2] = {
      post: 'project_lead',
      registeredEngineer: { level: 2, validFrom: '2024-06-16', validTo: '2027-06-16' },
    };
    expect(evaluatePracticeConditions(sa, staff, ON).failures.map((f) => f.message)).toEqual([
      '注册消防工程师有效人数1人，少于2人',
    ]);
  });

  it('refuses fewer than 6 operator certificates for 维护保养检测 but not for 消防安全评估 alone', () => {
    const staff = fullStaff();
    staff.pop();
    const r = evaluatePracticeConditions(mt, staff, ON);
    expect(r.failures).toEqual([
      {
        conditionId: 'maintenance_testing.operator_certificates',
        message: '持有效消防设施操作员证书人数5人，少于6人',
        clause: '应急管理部令第7号 第五条第（五）项',
      },
    ]);
    expect(evaluatePracticeConditions(sa, staff, ON).compliant).toBe(true);
  });

  it('refuses fewer than 2 operators at 中级 or above; 技师 and 高级技师 count as above 中级', () => {
    const staff = fullStaff().map((p) => (p.operatorCertificate ? operator('junior') : p));
    expect(evaluatePracticeConditions(mt, staff, ON).failures.map((f) => f.message)).toEqual([
      '中级及以上消防设施操作员有效人数0人，少于2人',
    ]);
    staff[3] = operator('technician');
    staff[4] = operator('senior_technician');
    expect(evaluatePracticeConditions(mt, staff, ON).compliant).toBe(true);
  });

  it('counts an operator certificate valid on its last day, not the day after; no end date never expires', () => {
    const staff = (validTo: string | undefined) => {
      const s = fullStaff();
      s[8] = operator('junior', validTo);
      return s;
    };
    expect(evaluatePracticeConditions(mt, staff('2024-06-16'), ON).compliant).toBe(true);
    expect(evaluatePracticeConditions(mt, staff('2024-06-15'), ON).compliant).toBe(true);
    expect(evaluatePracticeConditions(mt, staff(undefined), ON).compliant).toBe(true);
    expect(evaluatePracticeConditions(mt, staff('2024-06-14'), ON).failures[0]!.message).toBe(
      '持有效消防设施操作员证书人数5人，少于6人',
    );
  });

  it('refuses an institution whose 公示 is not effective', () => {
    const r = evaluatePracticeConditions({ ...both, publicityStatus: 'not_effective' }, fullStaff(), ON);
    expect(ids(r)).toEqual(['publicity_effective']);
    expect(r.failures[0]!.message).toBe('部局系统公示状态为未生效');
  });

  it('refuses two technical leads, even when both are 一级', () => {
    const staff = fullStaff();
    staff[1] = engineer(1, '2026-01-01', 'technical_lead');
    const r = evaluatePracticeConditions(both, staff, ON);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]!.message).toBe('部局系统中指定了2名技术负责人，只能指定1名，请在部局系统更正');
  });

  it('refuses no technical lead, and a technical lead whose registration has expired', () => {
    const none = fullStaff().map((p) =>
      p.post === 'technical_lead' ? { ...p, post: 'project_lead' as const } : p,
    );
    expect(evaluatePracticeConditions(sa, none, ON).failures.map((f) => f.message)).toEqual([
      '部局系统中未指定技术负责人',
    ]);
    const expired = fullStaff();
    expired[0] = engineer(1, '2024-06-14', 'technical_lead');
    expired.push(engineer(1));
    expect(evaluatePracticeConditions(sa, expired, ON).failures.map((f) => f.message)).toEqual([
      '技术负责人不是有效期内的一级注册消防工程师',
    ]);
  });

  it('requires both sets of conditions when both service types are offered', () => {
    const staff = fullStaff().filter((p) => !p.operatorCertificate);
    expect(evaluatePracticeConditions(sa, staff, ON).compliant).toBe(true);
    expect(ids(evaluatePracticeConditions(both, staff, ON))).toEqual([
      'maintenance_testing.operator_certificates',
    ]);
  });

  it('checks the premises area only when the registry reports it', () => {
    expect(evaluatePracticeConditions({ ...mt, premisesArea: 200 }, fullStaff(), ON).compliant).toBe(true);
    expect(evaluatePracticeConditions({ ...sa, premisesArea: 150 }, fullStaff(), ON).compliant).toBe(true);
    expect(evaluatePracticeConditions({ ...both, premisesArea: 150 }, fullStaff(), ON).failures).toEqual([
      {
        conditionId: 'maintenance_testing.premises_area',
        message: '经营场所面积150平方米，少于200平方米',
        clause: '应急管理部令第7号 第五条第（二）项',
      },
    ]);
  });

  it('refuses an institution with no service type and a malformed date', () => {
    expect(
      evaluatePracticeConditions({ serviceTypes: [], publicityStatus: 'effective' }, fullStaff(), ON)
        .compliant,
    ).toBe(false);
    expect(() => evaluatePracticeConditions(both, fullStaff(), '2024-6-15')).toThrow(
      '日期格式应为YYYY-MM-DD',
    );
  });
});
