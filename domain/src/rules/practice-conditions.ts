import { isValidDate, type DateString } from './dates';

/**
 * 从业条件 of a fire technical service institution, kept as data so that every rule carries the
 * clause it comes from and can be shown to the brigade and to the institution as it is written.
 *
 * Sources: 应急管理部令第7号《社会消防技术服务管理规定》第五条 (维护保养检测), 第六条 (消防安全评估),
 * 第七条 (both kinds of service ⇒ both sets of conditions); training manual §01 (one 技术负责人 per
 * institution, to be corrected in the ministry registry) and 创新特点 1 (公示生效 decides practice).
 */

export type ServiceType = 'maintenance_testing' | 'safety_assessment';
export type PublicityStatus = 'effective' | 'not_effective';
export type PersonPost = 'technical_lead' | 'project_lead' | 'operator' | 'other';
export type OperatorGrade = 'junior' | 'intermediate' | 'senior' | 'technician' | 'senior_technician';

/** The parts of a ministry-registry person the conditions look at. */
export interface PracticePerson {
  post: PersonPost;
  registeredEngineer?: { level: 1 | 2; validFrom: DateString; validTo: DateString } | null;
  operatorCertificate?: { grade: OperatorGrade; validTo?: DateString | null } | null;
}

export interface PracticeInstitution {
  serviceTypes: readonly ServiceType[];
  publicityStatus: PublicityStatus;
  /** 经营场所面积 (m²); only checked when the ministry registry reports it. */
  premisesArea?: number | null;
}

export const INTERMEDIATE_OR_ABOVE: readonly OperatorGrade[] = [
  'intermediate',
  'senior',
  'technician',
  'senior_technician',
];

interface ConditionBase {
  id: string;
  /** The condition applies when the institution offers any of these service types. */
  appliesTo: readonly ServiceType[];
  clause: string;
  /** The rule in words, for lists of conditions on screen. */
  description: string;
}

export type PracticeCondition =
  | (ConditionBase & { kind: 'registered_engineers'; minTotal: number; minFirstLevel: number })
  | (ConditionBase & { kind: 'operator_certificates'; minTotal: number; minIntermediateOrAbove: number })
  | (ConditionBase & { kind: 'publicity_effective' })
  | (ConditionBase & { kind: 'single_technical_lead'; requiredLevel: 1 })
  | (ConditionBase & { kind: 'premises_area'; minArea: number });

export const practiceConditions: readonly PracticeCondition[] = [
  {
    id: 'maintenance_testing.registered_engineers',
    kind: 'registered_engineers',
    appliesTo: ['maintenance_testing'],
    minTotal: 2,
    minFirstLevel: 1,
    clause: '应急管理部令第7号 第五条第（四）项',
    description: '注册消防工程师不少于2人，其中一级注册消防工程师不少于1人',
  },
  {
    id: 'maintenance_testing.operator_certificates',
    kind: 'operator_certificates',
    appliesTo: ['maintenance_testing'],
    minTotal: 6,
    minIntermediateOrAbove: 2,
    clause: '应急管理部令第7号 第五条第（五）项',
    description: '取得消防设施操作员国家职业资格证书的人员不少于6人，其中中级技能等级以上的不少于2人',
  },
  {
    id: 'maintenance_testing.premises_area',
    kind: 'premises_area',
    appliesTo: ['maintenance_testing'],
    minArea: 200,
    clause: '应急管理部令第7号 第五条第（二）项',
    description: '有固定的工作场所，场所面积不低于200平方米',
  },
  {
    id: 'safety_assessment.registered_engineers',
    kind: 'registered_engineers',
    appliesTo: ['safety_assessment'],
    minTotal: 2,
    minFirstLevel: 1,
    clause: '应急管理部令第7号 第六条',
    description: '注册消防工程师不少于2人，其中一级注册消防工程师不少于1人',
  },
  {
    id: 'safety_assessment.premises_area',
    kind: 'premises_area',
    appliesTo: ['safety_assessment'],
    minArea: 100,
    clause: '应急管理部令第7号 第六条',
    description: '有固定的工作场所，场所面积不低于100平方米',
  },
  {
    id: 'publicity_effective',
    kind: 'publicity_effective',
    appliesTo: ['maintenance_testing', 'safety_assessment'],
    clause: '培训手册 创新特点1：部局社会消防技术服务信息系统公示生效',
    description: '机构在部局社会消防技术服务信息系统中的公示状态为公示生效',
  },
  {
    id: 'single_technical_lead',
    kind: 'single_technical_lead',
    appliesTo: ['maintenance_testing', 'safety_assessment'],
    requiredLevel: 1,
    clause: '应急管理部令第7号 第五条、第六条；培训手册§01：一个机构在部局系统只能指定1名技术负责人',
    description: '部局系统中指定且仅指定1名技术负责人，且其为有效期内的一级注册消防工程师',
  },
];

export interface PracticeFailure {
  conditionId: string;
  message: string;
  clause: string;
}

export interface PracticeEvaluation {
  compliant: boolean;
  failures: PracticeFailure[];
}

/** A registered-engineer registration counts on every day from validFrom to validTo, both included. */
export function isRegistrationValidOn(person: PracticePerson, onDate: DateString): boolean {
  const r = person.registeredEngineer;
  return !!r && r.validFrom <= onDate && onDate <= r.validTo;
}

/** An operator certificate without an end date does not expire; otherwise validTo is its last valid day. */
export function isOperatorCertificateValidOn(person: PracticePerson, onDate: DateString): boolean {
  const c = person.operatorCertificate;
  return !!c && (!c.validTo || onDate <= c.validTo);
}

function checkCondition(
  condition: PracticeCondition,
  institution: PracticeInstitution,
  persons: readonly PracticePerson[],
  onDate: DateString,
): string | null {
  switch (condition.kind) {
    case 'registered_engineers': {
      const valid = persons.filter((p) => isRegistrationValidOn(p, onDate));
      const firstLevel = valid.filter((p) => p.registeredEngineer!.level === 1).length;
      if (valid.length < condition.minTotal)
        return `注册消防工程师有效人数${valid.length}人，少于${condition.minTotal}人`;
      if (firstLevel < condition.minFirstLevel)
        return `一级注册消防工程师有效人数${firstLevel}人，少于${condition.minFirstLevel}人`;
      return null;
    }
    case 'operator_certificates': {
      const valid = persons.filter((p) => isOperatorCertificateValidOn(p, onDate));
      const higher = valid.filter((p) => INTERMEDIATE_OR_ABOVE.includes(p.operatorCertificate!.grade)).length;
      if (valid.length < condition.minTotal)
        return `持有效消防设施操作员证书人数${valid.length}人，少于${condition.minTotal}人`;
      if (higher < condition.minIntermediateOrAbove)
        return `中级及以上消防设施操作员有效人数${higher}人，少于${condition.minIntermediateOrAbove}人`;
      return null;
    }
    case 'publicity_effective':
      return institution.publicityStatus === 'effective' ? null : '部局系统公示状态为未生效';
    case 'single_technical_lead': {
      const leads = persons.filter((p) => p.post === 'technical_lead');
      if (leads.length === 0) return '部局系统中未指定技术负责人';
      if (leads.length > 1)
        return `部局系统中指定了${leads.length}名技术负责人，只能指定1名，请在部局系统更正`;
      const lead = leads[0]!;
      if (!isRegistrationValidOn(lead, onDate) || lead.registeredEngineer!.level !== condition.requiredLevel)
        return '技术负责人不是有效期内的一级注册消防工程师';
      return null;
    }
    case 'premises_area': {
      const area = institution.premisesArea;
      if (area === undefined || area === null) return null;
      return area < condition.minArea ? `经营场所面积${area}平方米，少于${condition.minArea}平方米` : null;
    }
  }
}

/**
 * Checks an institution against every condition of every service type it offers (第七条: both types ⇒
 * both sets). Conditions shared by both types are checked once.
 */
export function evaluatePracticeConditions(
  institution: PracticeInstitution,
  persons: readonly PracticePerson[],
  onDate: DateString,
): PracticeEvaluation {
  if (!isValidDate(onDate)) throw new Error(`日期格式应为YYYY-MM-DD：${String(onDate)}`);
  const failures: PracticeFailure[] = [];
  if (institution.serviceTypes.length === 0) {
    failures.push({
      conditionId: 'service_types',
      message: '机构没有登记服务类型',
      clause: '应急管理部令第7号 第二条',
    });
  }
  for (const condition of practiceConditions) {
    if (!condition.appliesTo.some((t) => institution.serviceTypes.includes(t))) continue;
    const message = checkCondition(condition, institution, persons, onDate);
    if (message) failures.push({ conditionId: condition.id, message, clause: condition.clause });
  }
  return { compliant: failures.length === 0, failures };
}
