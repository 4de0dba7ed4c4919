import { describe, expect, it } from 'vitest';
import {
  completeIdNumber,
  isValidIdNumber,
  ministryInstitutionSchema,
  ministryPersonSchema,
  registryProjectSchema,
  socialUnitKey,
} from '@xf/domain/registries/records';
import { id, ministrySnapshot, inspectionSnapshot } from './fixtures';

describe('ID numbers', () => {
  it('accepts a number with a correct check character, including X', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber(completeIdNumber('11010519850101001'))).toBe(true);
  });

  it('refuses a wrong check character, a wrong length and an impossible birth date', () => {
    const good = completeIdNumber('11010519850101001');
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    expect(isValidIdNumber(wrong)).toBe(false);
    expect(isValidIdNumber(good.slice(0, 17))).toBe(false);
    expect(isValidIdNumber(completeIdNumber('11010519850230001'))).toBe(false); // 30 February
    expect(isValidIdNumber(completeIdNumber('11010518991231001'))).toBe(false);
  });

  it('the schema accepts a lower-case x and normalises it', () => {
    const p = { ...ministrySnapshot().persons[0]!, idNumber: '11010519491231002x' };
    expect(ministryPersonSchema.parse(p).idNumber).toBe('11010519491231002X');
  });
});

describe('record schemas', () => {
  it('accepts the fixture records', () => {
    for (const i of ministrySnapshot().institutions)
      expect(ministryInstitutionSchema.safeParse(i).success).toBe(true);
    for (const p of ministrySnapshot().persons) expect(ministryPersonSchema.safeParse(p).success).toBe(true);
  });

  it('refuses bad values with Chinese messages naming the field', () => {
    const r = ministryPersonSchema.safeParse({
      idNumber: id(1),
      name: '',
      institutionUscc: '91110105MA01AAAA10',
      post: 'boss',
      registeredEngineer: {
        level: 3,
        registrationNumber: '1',
        validFrom: '2025-01-01',
        validTo: '2024-01-01',
      },
    });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '姓名不能为空',
        '所属机构统一社会信用代码应为18位且校验位正确',
        '岗位应为：技术负责人、项目负责人、操作员、其他',
        '注册级别应为：一级、二级',
      ]),
    );
  });

  it('refuses a registration that ends before it starts, and a project that ends before it starts', () => {
    const p = ministrySnapshot().persons[0]!;
    const bad = { ...p, registeredEngineer: { ...p.registeredEngineer!, validTo: '2022-12-31' } };
    expect(ministryPersonSchema.safeParse(bad).error!.issues[0]!.message).toBe(
      '注册有效期止不能早于注册有效期起',
    );
    const project = { ...inspectionSnapshot().registryProjects[0]!, endDate: '2023-12-31' };
    expect(registryProjectSchema.safeParse(project).error!.issues[0]!.message).toBe(
      '结束日期不能早于开始日期',
    );
  });

  it('keeps service types in one canonical order', () => {
    const i = {
      ...ministrySnapshot().institutions[0]!,
      serviceTypes: ['safety_assessment', 'maintenance_testing', 'safety_assessment'],
    };
    expect(ministryInstitutionSchema.parse(i).serviceTypes).toEqual([
      'maintenance_testing',
      'safety_assessment',
    ]);
  });

  it('keys a social unit without USCC by its name', () => {
    const [withCode, without] = inspectionSnapshot().socialUnits;
    expect(socialUnitKey(withCode!)).toBe(withCode!.uscc);
    expect(socialUnitKey(without!)).toBe('NULL:朝阳区测试养老服务中心');
  });
});
