import type { SingleItemRule, SourceRef } from '../catalog/types';

/**
 * Default rule, read from the manual's sample testing report header
 * "不合格检测项总数 A(>0) B(>2) C(>4)": a single item fails when A>0, B>2 or C>4.
 * Whether the C limit applies to C alone or to B+C is unverified (standards.md §2.1).
 */
export const DEFAULT_SINGLE_ITEM_RULE: SingleItemRule = {
  aMax: 0,
  bMax: 2,
  cMax: 4,
  bcMax: null,
  bcShareMax: null,
  source: {
    standard: '北京市消防技术服务机构监管系统培训手册',
    clause: '检测报告样式 检测单项表头 A(>0) B(>2) C(>4)',
    confidence: 'M',
    note: 'DB11/T 1354 原文未核实，按手册样表表头理解',
  },
};

/** 消防给水及消火栓、自动喷水、防烟排烟、泡沫 acceptance: A=0, B≤2, B+C≤6. */
export const WATER_SMOKE_FOAM_RULE: SingleItemRule = {
  aMax: 0,
  bMax: 2,
  cMax: null,
  bcMax: 6,
  bcShareMax: null,
  source: {
    standard: 'GB 50974-2014 / GB 50261-2017 / GB 51251-2017 / GB 50151-2021',
    clause: '系统工程质量验收判定条件',
    confidence: 'H',
  },
};

/** 火灾自动报警、消防应急照明和疏散指示 acceptance: A=0, B≤2, B+C≤5 % of the items checked. */
export const ALARM_LIGHTING_RULE: SingleItemRule = {
  aMax: 0,
  bMax: 2,
  cMax: null,
  bcMax: null,
  bcShareMax: 0.05,
  source: {
    standard: 'GB 50166-2019 / GB 51309-2018',
    clause: '系统工程质量验收判定条件',
    confidence: 'H',
  },
};

/** 灭火器 acceptance: A=0, B≤1, B+C≤4 (sources disagree on B≤1 vs B≤2). */
export const EXTINGUISHER_RULE: SingleItemRule = {
  aMax: 0,
  bMax: 1,
  cMax: null,
  bcMax: 4,
  bcShareMax: null,
  source: {
    standard: 'GB 50444-2008',
    clause: '灭火器配置验收判定条件',
    confidence: 'M',
    note: '另有资料为 A=0、B≤2、B+C≤4',
  },
};

export const NAMED_SINGLE_ITEM_RULES = {
  DEFAULT_SINGLE_ITEM_RULE,
  WATER_SMOKE_FOAM_RULE,
  ALARM_LIGHTING_RULE,
  EXTINGUISHER_RULE,
} as const;

/** 综合评定 rule as data: the project passes when at most this many applicable single items fail. */
export interface OverallRule {
  maxFailedSingleItems: number;
  source: SourceRef;
}

export const DEFAULT_OVERALL_RULE: OverallRule = {
  maxFailedSingleItems: 0,
  source: {
    standard: '检测报告通行做法',
    clause: '各适用单项均合格时综合评定为合格',
    confidence: 'L',
    note: '不适用的单项不计入',
  },
};

/** Chinese one-line description, e.g. `A=0，B≤2，B+C≤6`. */
export function describeSingleItemRule(rule: SingleItemRule): string {
  const parts = [`A≤${rule.aMax}`];
  if (rule.bMax !== null) parts.push(`B≤${rule.bMax}`);
  if (rule.cMax !== null) parts.push(`C≤${rule.cMax}`);
  if (rule.bcMax !== null) parts.push(`B+C≤${rule.bcMax}`);
  if (rule.bcShareMax !== null) parts.push(`B+C≤检测项的${+(rule.bcShareMax * 100).toFixed(4)}%`);
  return parts.join('，').replace('A≤0', 'A=0');
}
