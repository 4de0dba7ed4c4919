import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { completeUscc } from '@xf/domain';
import { addDays, addMonthsToDate, beijingDateOf, type DateString } from '@xf/domain/rules/dates';
import { BEIJING_DISTRICTS, detachments, type Detachment } from '@xf/domain/reference/index';
import {
  completeIdNumber,
  type InspectionSnapshot,
  type MinistryInstitutionRecord,
  type MinistryPersonRecord,
  type MinistrySnapshot,
  type OperatorGrade,
  type RegistryProjectRecord,
  type ServiceType,
  type SocialUnitRecord,
} from '../../server/src/registries/records';
import { writeInspectionWorkbook, writeMinistryWorkbook } from '../../server/src/registries/workbook';
import {
  ASSESSMENT_SUFFIXES,
  BRAND_CHARS,
  ECONOMIC_ZONE_STREETS,
  GIVEN_CHARS,
  INSTITUTION_FIRST,
  INSTITUTION_SECOND,
  INSTITUTION_THIRD,
  MAINTENANCE_SUFFIXES,
  STREETS,
  SUBWAY_STATIONS,
  SURNAMES,
  TIANANMEN_STREETS,
  UNIT_CATEGORIES,
} from './vocabulary';

/**
 * Demo data for both registries, generated from a seed so that every start, test and screenshot sees
 * the same institutions, people and units. Certificate and project dates are placed relative to
 * `referenceDate` (default: today in Beijing) so that the demo stays compliant whenever it is loaded;
 * the same seed and reference date always give the same data.
 *
 * Institution #1 (index 0) is the demo company: 维护保养检测 and 消防安全评估, fully compliant, with the
 * demo accounts. The last three institutions break the 从业条件 on purpose (see NONCOMPLIANT_DEMO_INSTITUTIONS).
 */

export interface DemoAccount {
  accountName: string;
  kind: 'institution_admin' | 'technical_lead' | 'project_lead' | 'operator';
  institutionUscc: string;
  personIdNumber?: string;
  faceProfile?: 'approved' | 'none';
}

export interface DemoData {
  ministry: MinistrySnapshot;
  inspection: InspectionSnapshot;
  demoAccounts: DemoAccount[];
}

export interface DemoDataOptions {
  /** Day the certificates and projects are placed around (YYYY-MM-DD). */
  referenceDate?: DateString;
  /** Number of institutions (at least 4: the demo company and the three non-compliant ones). */
  institutionCount?: number;
  /** Average staff of an ordinary institution; the demo company always has 28. */
  staffPerInstitution?: number;
  socialUnitsPerDetachment?: number;
}

/** Institutions that do not meet the 从业条件 on purpose, counted from the end of the list. */
export const NONCOMPLIANT_DEMO_INSTITUTIONS = [
  { fromEnd: 3, reason: '部局系统中指定了2名技术负责人（培训手册§01：只能指定1名）' },
  { fromEnd: 2, reason: '只有5名持证消防设施操作员（7号令第五条：不少于6人）' },
  { fromEnd: 1, reason: '部局系统公示状态为未生效' },
] as const;

// ——— Seeded randomness (mulberry32) ———

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  return { next, int, pick, digits, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const USCC_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DISTRICT_CODES = new Map(BEIJING_DISTRICTS.map((d) => [d.name, d.code]));
const OTHER_PROVINCE_REGIONS = [
  '130102',
  '130602',
  '131002',
  '120104',
  '370102',
  '410105',
  '210102',
  '140105',
  '230103',
  '150102',
];

class Unique {
  private seen = new Set<string>();
  /** Draws until the value is new; names drawn from a small pool get a number once the pool runs dry. */
  take(make: () => string): string {
    let v = make();
    for (let attempt = 1; this.seen.has(v); attempt++) {
      v = make();
      if (attempt >= 50 && this.seen.has(v)) v = `${v}${attempt}`;
    }
    this.seen.add(v);
    return v;
  }
}

function makeUscc(rng: Rng, registrant: string, region: string): string {
  const org = Array.from({ length: 9 }, () => rng.pick([...USCC_BODY])).join('');
  return completeUscc(`${registrant}${region}${org}`);
}

function makeIdNumber(rng: Rng): string {
  const region = rng.chance(0.6) ? rng.pick(BEIJING_DISTRICTS).code : rng.pick(OTHER_PROVINCE_REGIONS);
  const year = rng.int(1965, 2001);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return completeIdNumber(`${region}${birth}${rng.digits(3)}`);
}

const personName = (rng: Rng) =>
  rng.pick(SURNAMES) +
  (rng.chance(0.7) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS));
const mobile = (rng: Rng) => `1${rng.pick(['3', '5', '8', '7', '9'])}${rng.int(0, 9)}${rng.digits(8)}`;
function brand(rng: Rng): string {
  const first = rng.pick(BRAND_CHARS);
  let second = rng.pick(BRAND_CHARS);
  while (second === first) second = rng.pick(BRAND_CHARS);
  return first + second;
}
const districtShort = (district: string) => district.replace(/区$/, '');

// ——— Staff ———

type Role =
  | { post: 'technical_lead'; engineer: 1 }
  | { post: 'project_lead'; engineer: 1 | 2 }
  | { post: 'operator'; grade: OperatorGrade }
  | { post: 'other' };

const operators = (higher: number, junior: number): Role[] => [
  ...Array.from({ length: higher }, (_, i): Role => ({
    post: 'operator',
    grade: i === 0 ? 'senior' : 'intermediate',
  })),
  ...Array.from({ length: junior }, (): Role => ({ post: 'operator', grade: 'junior' })),
];

function ordinaryStaff(rng: Rng, types: readonly ServiceType[], size: number): Role[] {
  const engineers = Math.max(2, Math.round(size * 0.2));
  const roles: Role[] = [{ post: 'technical_lead', engineer: 1 }];
  for (let i = 0; i < engineers; i++)
    roles.push({ post: 'project_lead', engineer: i === 0 || rng.chance(0.4) ? 1 : 2 });
  if (types.includes('maintenance_testing')) {
    const count = Math.max(7, size - roles.length - 1);
    const higher = Math.max(2, Math.round(count * 0.3));
    roles.push(...operators(higher, count - higher));
  }
  roles.push({ post: 'other' });
  return roles;
}

const DEMO_COMPANY_STAFF: Role[] = [
  { post: 'technical_lead', engineer: 1 },
  { post: 'project_lead', engineer: 1 },
  { post: 'project_lead', engineer: 1 },
  { post: 'project_lead', engineer: 2 },
  { post: 'project_lead', engineer: 2 },
  ...operators(6, 14),
  { post: 'other' },
  { post: 'other' },
  { post: 'other' },
];

function makePerson(
  rng: Rng,
  ids: Unique,
  role: Role,
  institutionUscc: string,
  ref: DateString,
  seq: number,
): MinistryPersonRecord {
  const person: MinistryPersonRecord = {
    idNumber: ids.take(() => makeIdNumber(rng)),
    name: personName(rng),
    institutionUscc,
    post: role.post,
    mobile: mobile(rng),
  };
  if ('engineer' in role) {
    // registrations run three years; starting at most ~2.5 years ago keeps them valid on `ref`
    const validFrom = addDays(ref, -rng.int(30, 900));
    person.registeredEngineer = {
      level: role.engineer,
      registrationNumber: `${role.engineer === 1 ? '1' : '2'}1${String(seq).padStart(6, '0')}`,
      validFrom,
      validTo: addMonthsToDate(validFrom, 36),
    };
  }
  if ('grade' in role) {
    person.operatorCertificate = {
      number: `${rng.pick(['1911', '2011', '2111', '2211'])}${String(seq).padStart(8, '0')}`,
      grade: role.grade,
      ...(rng.chance(0.4) ? {} : { validTo: addDays(ref, rng.int(200, 2000)) }),
    };
  }
  return person;
}

// ——— Institutions ———

function institutionName(rng: Rng, names: Unique, types: readonly ServiceType[]): string {
  const suffixes = types.includes('maintenance_testing') ? MAINTENANCE_SUFFIXES : ASSESSMENT_SUFFIXES;
  return names.take(
    () =>
      `北京${rng.pick(INSTITUTION_FIRST)}${rng.pick(INSTITUTION_SECOND)}${rng.chance(0.6) ? rng.pick(INSTITUTION_THIRD) : ''}${rng.pick(suffixes)}`,
  );
}

function officeAddress(rng: Rng, district: string): string {
  const street = rng.pick(STREETS[district]!);
  return `北京市${district}${street}${rng.int(1, 200)}号${rng.chance(0.5) ? `院${rng.int(1, 12)}号楼` : ''}${rng.int(1, 20)}层${rng.int(1, 20)}${String(rng.int(1, 30)).padStart(2, '0')}`;
}

function pickServiceTypes(rng: Rng): ServiceType[] {
  const r = rng.next();
  if (r < 0.5) return ['maintenance_testing', 'safety_assessment'];
  if (r < 0.85) return ['maintenance_testing'];
  return ['safety_assessment'];
}

// ——— Social units ———

function unitPlace(rng: Rng, d: Detachment): { district: string; address: string; station?: string } {
  if (d.code === 'jingkai') {
    return {
      district: '大兴区',
      address: `北京经济技术开发区${rng.pick(ECONOMIC_ZONE_STREETS)}${rng.int(1, 60)}号`,
    };
  }
  if (d.code === 'tiananmen') {
    const [district, street] = rng.pick(TIANANMEN_STREETS);
    return { district, address: `北京市${district}${street}${rng.int(1, 90)}号` };
  }
  if (d.code === 'guidaojiaotong') {
    const [station, district, line] = rng.pick(SUBWAY_STATIONS);
    return {
      district,
      address: `北京市${district}地铁${line}号线${station}站`,
      station: `地铁${line}号线${station}站`,
    };
  }
  const district = d.district!;
  return { district, address: `北京市${district}${rng.pick(STREETS[district]!)}${rng.int(1, 300)}号` };
}

function makeSocialUnits(rng: Rng, perDetachment: number, usccs: Unique, names: Unique): SocialUnitRecord[] {
  const units: SocialUnitRecord[] = [];
  for (const d of detachments) {
    for (let i = 0; i < perDetachment; i++) {
      const place = unitPlace(rng, d);
      if (place.station) {
        units.push({
          uscc: usccs.take(() => makeUscc(rng, '91', DISTRICT_CODES.get(place.district)!)),
          name: names.take(
            () => `${place.station}${rng.pick(['', '东区', '西区', '南区', '北区', '换乘厅'])}`,
          ),
          address: place.address,
          district: place.district,
          safetyLevel: rng.chance(0.3) ? '火灾高危单位' : '消防安全重点单位',
          detachmentCode: d.code,
          unitType: '轨道交通',
        });
        continue;
      }
      const category = rng.pick(UNIT_CATEGORIES);
      const region = DISTRICT_CODES.get(place.district)!;
      // some 民办非企业 have no USCC and are entered as NULL (manual §03)
      const uscc =
        category.registrant === '52' && rng.chance(0.4)
          ? 'NULL'
          : usccs.take(() => makeUscc(rng, category.registrant, region));
      units.push({
        uscc,
        name: names.take(() => category.name(brand(rng), districtShort(place.district))),
        address: place.address,
        district: place.district,
        safetyLevel: rng.pick(category.levels),
        detachmentCode: d.code,
        unitType: category.unitType,
      });
    }
  }
  return units;
}

// ——— Registry projects ———

function makeProject(
  rng: Rng,
  kind: RegistryProjectRecord['kind'],
  institutionUscc: string,
  unit: SocialUnitRecord,
  ref: DateString,
  seq: number,
  current = false,
): RegistryProjectRecord {
  let startDate: DateString;
  let endDate: DateString;
  if (kind === 'maintenance') {
    // one-year contracts starting on the first of a month within the last eleven months
    startDate = `${addMonthsToDate(ref, -rng.int(0, 10)).slice(0, 7)}-01`;
    endDate = addDays(addMonthsToDate(startDate, 12), -1);
  } else {
    startDate = addDays(ref, -rng.int(0, 300));
    endDate = addDays(startDate, rng.int(5, 30));
    if (current) {
      // drawn above all the same, so the rest of the data does not move when this one is placed
      startDate = addDays(ref, -7);
      endDate = addDays(ref, 23);
    }
  }
  return {
    externalId: `${kind === 'maintenance' ? 'WB' : 'JC'}${startDate.slice(0, 4)}${String(seq).padStart(6, '0')}`,
    kind,
    institutionUscc,
    socialUnitUscc: unit.uscc,
    socialUnitName: unit.name,
    startDate,
    endDate,
  };
}

// ——— Assembly ———

export function generateDemoData(seed = 1, options: DemoDataOptions = {}): DemoData {
  const ref = options.referenceDate ?? beijingDateOf(new Date());
  const institutionCount = options.institutionCount ?? 24;
  const staffSize = options.staffPerInstitution ?? 14;
  const perDetachment = options.socialUnitsPerDetachment ?? 28;
  if (institutionCount < 4) throw new Error('institutionCount must be at least 4');

  const rng = prng(seed);
  const usccs = new Unique();
  const ids = new Unique();
  const institutionNames = new Unique();
  const unitNames = new Unique();
  const districts = BEIJING_DISTRICTS.map((d) => d.name);

  const institutions: MinistryInstitutionRecord[] = [];
  const persons: MinistryPersonRecord[] = [];
  let personSeq = 0;

  for (let i = 0; i < institutionCount; i++) {
    const fromEnd = institutionCount - i;
    const flaw = NONCOMPLIANT_DEMO_INSTITUTIONS.find((n) => n.fromEnd === fromEnd);
    const types: ServiceType[] =
      i === 0
        ? ['maintenance_testing', 'safety_assessment']
        : fromEnd === 2
          ? ['maintenance_testing']
          : pickServiceTypes(rng);
    const district = i === 0 ? '朝阳区' : rng.pick(districts);
    const uscc = usccs.take(() => makeUscc(rng, '91', DISTRICT_CODES.get(district)!));
    institutions.push({
      uscc,
      name:
        i === 0
          ? institutionNames.take(() => '北京安信达消防技术服务有限公司')
          : institutionName(rng, institutionNames, types),
      registeredAddress: officeAddress(rng, district),
      province: '北京市',
      city: '市辖区',
      district,
      serviceTypes: types,
      publicityStatus: fromEnd === 1 ? 'not_effective' : 'effective',
      legalRepresentative: personName(rng),
      premisesArea: rng.int(types.includes('maintenance_testing') ? 220 : 120, 1500),
    });

    let roles =
      i === 0
        ? DEMO_COMPANY_STAFF
        : ordinaryStaff(rng, types, rng.int(Math.max(12, staffSize - 3), staffSize + 3));
    if (flaw?.fromEnd === 3) {
      roles = roles.map((r, k) => (k === 1 ? { post: 'technical_lead', engineer: 1 } : r));
    }
    if (flaw?.fromEnd === 2) {
      roles = [...roles.filter((r) => r.post !== 'operator'), ...operators(2, 3)];
    }
    for (const role of roles) persons.push(makePerson(rng, ids, role, uscc, ref, ++personSeq));
  }

  const socialUnits = makeSocialUnits(rng, perDetachment, usccs, unitNames);

  const registryProjects: RegistryProjectRecord[] = [];
  let projectSeq = 0;
  // 九小场所 rarely contract a service institution; keep them out of the projects
  const contracted = socialUnits.filter((u) => u.safetyLevel !== '九小场所');
  if (contracted.length === 0) throw new Error('socialUnitsPerDetachment is too small to place projects');
  const dongchengUnits = contracted.filter((u) => u.detachmentCode === 'dongcheng');
  institutions.forEach((inst, i) => {
    if (!inst.serviceTypes.includes('maintenance_testing')) return;
    const count = i === 0 ? 8 : rng.int(2, 5);
    for (let k = 0; k < count; k++) {
      const kind = k % 2 === 0 ? 'maintenance' : 'testing';
      // the demo company works for 东城 units too, so the 东城支队 demo account sees its projects
      const unit = (i === 0 && k < 4 ? dongchengUnits[k] : undefined) ?? rng.pick(contracted);
      // the demo company's first testing project runs on the day the demo is loaded, so its testing
      // workflow can be walked on any day (the others lie in the past, as most testing work does)
      const current = i === 0 && k === 1;
      registryProjects.push(makeProject(rng, kind, inst.uscc, unit, ref, ++projectSeq, current));
    }
  });

  const demo = institutions[0]!;
  const staff = persons.filter((p) => p.institutionUscc === demo.uscc);
  const technicalLead = staff.find((p) => p.post === 'technical_lead')!;
  const projectLead = staff.find((p) => p.post === 'project_lead' && p.registeredEngineer)!;
  const [operator1, operator2] = staff.filter((p) => p.post === 'operator');
  const demoAccounts: DemoAccount[] = [
    { accountName: 'jigou01', kind: 'institution_admin', institutionUscc: demo.uscc },
    {
      accountName: 'jishu01',
      kind: 'technical_lead',
      institutionUscc: demo.uscc,
      personIdNumber: technicalLead.idNumber,
    },
    {
      accountName: 'xiangmu01',
      kind: 'project_lead',
      institutionUscc: demo.uscc,
      personIdNumber: projectLead.idNumber,
    },
    {
      accountName: 'caozuo01',
      kind: 'operator',
      institutionUscc: demo.uscc,
      personIdNumber: operator1!.idNumber,
      faceProfile: 'approved',
    },
    {
      accountName: 'caozuo02',
      kind: 'operator',
      institutionUscc: demo.uscc,
      personIdNumber: operator2!.idNumber,
      faceProfile: 'none',
    },
  ];

  return { ministry: { institutions, persons }, inspection: { socialUnits, registryProjects }, demoAccounts };
}

/** Writes ministry.xlsx and inspection.xlsx (the import format) into `dir`; returns their paths. */
export async function writeDemoWorkbooks(
  dir: string,
  data: DemoData = generateDemoData(),
): Promise<{ ministry: string; inspection: string }> {
  await mkdir(dir, { recursive: true });
  const ministry = join(dir, 'ministry.xlsx');
  const inspection = join(dir, 'inspection.xlsx');
  await writeFile(ministry, await writeMinistryWorkbook(data.ministry));
  await writeFile(inspection, await writeInspectionWorkbook(data.inspection));
  return { ministry, inspection };
}
