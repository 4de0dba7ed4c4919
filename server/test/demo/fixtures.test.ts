import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidUscc } from '@xf/domain';
import { detachments } from '@xf/domain/reference/index';
import { evaluatePracticeConditions } from '@xf/domain/rules/practice-conditions';
import { isValidIdNumber } from '@xf/domain/registries/records';
import { parseInspectionWorkbook, parseMinistryWorkbook } from '../../src/registries/workbook';
import {
  generateDemoData,
  NONCOMPLIANT_DEMO_INSTITUTIONS,
  writeDemoWorkbooks,
} from '../../src/demo/fixtures/generate';

const REF = '2026-03-15';
const data = generateDemoData(1, { referenceDate: REF });
const { institutions, persons } = data.ministry;
const staffOf = (uscc: string) => persons.filter((p) => p.institutionUscc === uscc);

describe('generateDemoData', () => {
  it('has the promised amounts', () => {
    expect(institutions.length).toBeGreaterThanOrEqual(20);
    expect(persons.length).toBeGreaterThanOrEqual(300);
    expect(data.inspection.socialUnits.length).toBeGreaterThanOrEqual(500);
    const kinds = new Set(data.inspection.registryProjects.map((p) => p.kind));
    expect(kinds).toEqual(new Set(['maintenance', 'testing']));
    expect(data.inspection.registryProjects.length).toBeGreaterThanOrEqual(2 * institutions.length);
  });

  it('gives every detachment social units', () => {
    for (const d of detachments) {
      expect(
        data.inspection.socialUnits.filter((u) => u.detachmentCode === d.code).length,
        d.name,
      ).toBeGreaterThan(10);
    }
  });

  it('uses valid and unique USCCs and ID numbers', () => {
    const usccs = [
      ...institutions.map((i) => i.uscc),
      ...data.inspection.socialUnits.map((u) => u.uscc).filter((u) => u !== 'NULL'),
    ];
    expect(usccs.every((u) => isValidUscc(u))).toBe(true);
    expect(new Set(usccs).size).toBe(usccs.length);
    expect(persons.every((p) => isValidIdNumber(p.idNumber))).toBe(true);
    expect(new Set(persons.map((p) => p.idNumber)).size).toBe(persons.length);
    expect(data.inspection.socialUnits.some((u) => u.uscc === 'NULL')).toBe(true);
  });

  it('makes institution #1 a compliant company with both service types and the demo accounts', () => {
    const demo = institutions[0]!;
    expect(demo.serviceTypes).toEqual(['maintenance_testing', 'safety_assessment']);
    expect(evaluatePracticeConditions(demo, staffOf(demo.uscc), REF)).toEqual({
      compliant: true,
      failures: [],
    });
    const byName = new Map(data.demoAccounts.map((a) => [a.accountName, a]));
    expect([...byName.keys()]).toEqual(['jigou01', 'jishu01', 'xiangmu01', 'caozuo01', 'caozuo02']);
    expect(data.demoAccounts.every((a) => a.institutionUscc === demo.uscc)).toBe(true);
    const person = (name: string) => persons.find((p) => p.idNumber === byName.get(name)!.personIdNumber)!;
    expect(person('jishu01')).toMatchObject({ post: 'technical_lead', registeredEngineer: { level: 1 } });
    expect(person('xiangmu01').post).toBe('project_lead');
    expect(person('xiangmu01').registeredEngineer).toBeDefined();
    expect(person('caozuo01').operatorCertificate).toBeDefined();
    expect(person('caozuo02').operatorCertificate).toBeDefined();
    expect([byName.get('caozuo01')!.faceProfile, byName.get('caozuo02')!.faceProfile]).toEqual([
      'approved',
      'none',
    ]);
    expect(
      data.inspection.registryProjects.filter((p) => p.institutionUscc === demo.uscc).map((p) => p.kind),
    ).toContain('testing');
  });

  it("places the demo company's first testing project and its maintenance projects around the reference date", () => {
    const demo = institutions[0]!;
    const own = data.inspection.registryProjects.filter((p) => p.institutionUscc === demo.uscc);
    const runsOnRef = (p: { startDate: string; endDate: string }) => p.startDate <= REF && REF <= p.endDate;
    expect(runsOnRef(own.find((p) => p.kind === 'testing')!)).toBe(true);
    expect(own.filter((p) => p.kind === 'maintenance').every(runsOnRef)).toBe(true);
    // and other days give other dates: the demo is dated when it is loaded, not fixed
    const later = generateDemoData(1, { referenceDate: '2027-01-20' }).inspection.registryProjects;
    const laterTesting = later.find((p) => p.institutionUscc === demo.uscc && p.kind === 'testing')!;
    expect(laterTesting.startDate <= '2027-01-20' && '2027-01-20' <= laterTesting.endDate).toBe(true);
  });

  it('makes every institution compliant except the documented ones, which fail for the documented reason', () => {
    const results = institutions.map((i) => evaluatePracticeConditions(i, staffOf(i.uscc), REF));
    const failing = results.flatMap((r, i) => (r.compliant ? [] : [institutions.length - i]));
    expect(failing).toEqual(NONCOMPLIANT_DEMO_INSTITUTIONS.map((n) => n.fromEnd));
    const messages = (fromEnd: number) =>
      results[institutions.length - fromEnd]!.failures.map((f) => f.message);
    expect(messages(3)).toEqual(['部局系统中指定了2名技术负责人，只能指定1名，请在部局系统更正']);
    expect(messages(2)).toEqual(['持有效消防设施操作员证书人数5人，少于6人']);
    expect(messages(1)).toEqual(['部局系统公示状态为未生效']);
  });

  it('is deterministic for a seed and reference date, and differs between seeds', () => {
    expect(generateDemoData(1, { referenceDate: REF })).toEqual(data);
    expect(generateDemoData(2, { referenceDate: REF }).ministry.institutions[1]).not.toEqual(institutions[1]);
  });

  it('writes workbooks that import without errors and give back the same data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'demo-wb-'));
    const paths = await writeDemoWorkbooks(dir, data);
    const ministry = await parseMinistryWorkbook(await readFile(paths.ministry));
    expect(ministry.rowErrors).toEqual([]);
    expect(ministry.snapshot).toEqual(data.ministry);
    const inspection = await parseInspectionWorkbook(await readFile(paths.inspection));
    expect(inspection.rowErrors).toEqual([]);
    expect(inspection.snapshot).toEqual(data.inspection);
  });
});
