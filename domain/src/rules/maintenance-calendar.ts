import {
  addMonths,
  beijingDateOf,
  contractLengthInMonths,
  isValidDate,
  isValidMonth,
  lastDayOfMonth,
  monthOf,
  monthsInclusive,
  type DateString,
  type MonthString,
} from './dates';
import { allowed, refused, type RuleResult } from './result';
import type { MaintenancePlanKind } from '../plans/maintenance-plan-kinds';

const monthLabel = (m: MonthString) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

export interface MaintenanceMonthsInput {
  contractStart: DateString;
  contractEnd: DateString;
  firstMonth: MonthString;
  lastMonth: MonthString;
}

/**
 * 首次/末次维保月份 must lie within the contract, and there may be no more maintenance months than
 * the contract has months (manual §03: contract 2021-04-25–2022-04-24 allows 2021-04…2022-03 or
 * 2021-05…2022-04, but not 2021-04…2022-04).
 */
export function checkMaintenanceMonths(input: MaintenanceMonthsInput): RuleResult {
  const { contractStart, contractEnd, firstMonth, lastMonth } = input;
  if (!isValidDate(contractStart)) return refused('contractStart', '合同开始日期格式应为YYYY-MM-DD');
  if (!isValidDate(contractEnd)) return refused('contractEnd', '合同结束日期格式应为YYYY-MM-DD');
  if (contractEnd < contractStart) return refused('contractEnd', '合同结束日期不能早于开始日期');
  if (!isValidMonth(firstMonth)) return refused('firstMonth', '首次维保月份格式应为YYYY-MM');
  if (!isValidMonth(lastMonth)) return refused('lastMonth', '末次维保月份格式应为YYYY-MM');
  if (lastMonth < firstMonth) return refused('lastMonth', '末次维保月份不能早于首次维保月份');
  if (firstMonth < monthOf(contractStart)) {
    return refused('firstMonth', `首次维保月份不能早于合同开始月份（${monthLabel(monthOf(contractStart))}）`);
  }
  if (lastMonth > monthOf(contractEnd)) {
    return refused('lastMonth', `末次维保月份不能晚于合同结束月份（${monthLabel(monthOf(contractEnd))}）`);
  }
  const contractMonths = contractLengthInMonths(contractStart, contractEnd);
  const maintenanceMonths = monthsInclusive(firstMonth, lastMonth);
  if (maintenanceMonths > contractMonths) {
    return refused(
      'lastMonth',
      `维保月份共${maintenanceMonths}个月，超过合同期限的${contractMonths}个月，请调整首次或末次维保月份`,
    );
  }
  return allowed;
}

export interface PlanCreationInput {
  planMonth: MonthString;
  /** Today in Beijing, `YYYY-MM-DD`; use `beijingDateOf(new Date())` on the server. */
  today: DateString;
  /** The project's maintenance months; when given, the plan month must lie within them. */
  firstMonth?: MonthString;
  lastMonth?: MonthString;
}

/** A maintenance plan may be created only in its own month (manual §03 "只能创建当月的计划"). */
export function checkPlanCreationMonth(input: PlanCreationInput): RuleResult {
  const { planMonth, today, firstMonth, lastMonth } = input;
  if (!isValidMonth(planMonth)) return refused('planMonth', '计划月份格式应为YYYY-MM');
  if (!isValidDate(today)) return refused('today', '当前日期格式应为YYYY-MM-DD');
  if (planMonth !== monthOf(today)) {
    return refused(
      'planMonth',
      `只能创建当月的计划：今天是${monthLabel(monthOf(today))}，不能创建${monthLabel(planMonth)}的计划`,
    );
  }
  if (firstMonth && planMonth < firstMonth) {
    return refused('planMonth', `计划月份早于项目首次维保月份（${monthLabel(firstMonth)}）`);
  }
  if (lastMonth && planMonth > lastMonth) {
    return refused('planMonth', `计划月份晚于项目末次维保月份（${monthLabel(lastMonth)}）`);
  }
  return allowed;
}

/** Convenience for servers: the same rule with the current instant. */
export function checkPlanCreationNow(
  planMonth: MonthString,
  now: Date,
  firstMonth?: MonthString,
  lastMonth?: MonthString,
): RuleResult {
  return checkPlanCreationMonth({ planMonth, today: beijingDateOf(now), firstMonth, lastMonth });
}

/** How many plans of each kind a maintenance year needs (manual §03: ≥3 季计划 and 1 年计划). */
export interface YearPlanRequirement {
  minQuarterly: number;
  minAnnual: number;
}

export const MAINTENANCE_YEAR_PLAN_REQUIREMENT: YearPlanRequirement = { minQuarterly: 3, minAnnual: 1 };

export interface PlanRef {
  kind: MaintenancePlanKind;
  month: MonthString;
}

export type MaintenanceYearStatus = 'satisfied' | 'missing' | 'in_progress';

export interface MaintenanceYearCheck {
  /** 1-based number of the maintenance year. */
  index: number;
  firstMonth: MonthString;
  lastMonth: MonthString;
  months: number;
  monthly: number;
  quarterly: number;
  annual: number;
  requiredQuarterly: number;
  requiredAnnual: number;
  status: MaintenanceYearStatus;
  /** Chinese explanation when the status is not `satisfied`. */
  message?: string;
}

/**
 * Maintenance years are 12-month windows from the first maintenance month. A shorter last window
 * needs one quarterly-or-longer plan per whole quarter it contains and no annual plan (an inference:
 * the manual speaks only of whole years). A window that has not ended by `asOfMonth` is in progress.
 */
export function checkMaintenanceYears(
  plans: readonly PlanRef[],
  range: { firstMonth: MonthString; lastMonth: MonthString; asOfMonth?: MonthString },
  requirement: YearPlanRequirement = MAINTENANCE_YEAR_PLAN_REQUIREMENT,
): MaintenanceYearCheck[] {
  const total = monthsInclusive(range.firstMonth, range.lastMonth);
  const years: MaintenanceYearCheck[] = [];
  for (let start = 0, index = 1; start < total; start += 12, index++) {
    const firstMonth = addMonths(range.firstMonth, start);
    const months = Math.min(12, total - start);
    const lastMonth = addMonths(firstMonth, months - 1);
    const inYear = plans.filter((p) => p.month >= firstMonth && p.month <= lastMonth);
    const count = (kind: MaintenancePlanKind) => inYear.filter((p) => p.kind === kind).length;
    const monthly = count('month');
    const quarterly = count('quarter');
    const annual = count('year');
    const whole = months === 12;
    const requiredAnnual = whole ? requirement.minAnnual : 0;
    const requiredQuarterly = whole ? requirement.minQuarterly : Math.floor(months / 3);
    // In a short year an annual plan also covers every quarterly line, so it counts towards the quarters.
    const quarterlyCredit = whole ? quarterly : quarterly + annual;
    const enough = quarterlyCredit >= requiredQuarterly && annual >= requiredAnnual;
    let status: MaintenanceYearStatus = 'satisfied';
    let message: string | undefined;
    if (!enough) {
      const ended = range.asOfMonth === undefined || range.asOfMonth >= lastMonth;
      status = ended ? 'missing' : 'in_progress';
      const need: string[] = [];
      if (quarterlyCredit < requiredQuarterly)
        need.push(`季计划至少${requiredQuarterly}个，现有${quarterlyCredit}个`);
      if (annual < requiredAnnual) need.push(`年计划至少${requiredAnnual}个，现有${annual}个`);
      message = `第${index}个维保年度（${monthLabel(firstMonth)}至${monthLabel(lastMonth)}）${need.join('；')}`;
    }
    years.push({
      index,
      firstMonth,
      lastMonth,
      months,
      monthly,
      quarterly,
      annual,
      requiredQuarterly,
      requiredAnnual,
      status,
      ...(message ? { message } : {}),
    });
  }
  return years;
}

/** Refuses when an ended maintenance year lacks its quarterly or annual plans. */
export function checkMaintenanceYearPlans(
  plans: readonly PlanRef[],
  range: { firstMonth: MonthString; lastMonth: MonthString; asOfMonth?: MonthString },
  requirement: YearPlanRequirement = MAINTENANCE_YEAR_PLAN_REQUIREMENT,
): RuleResult {
  if (!isValidMonth(range.firstMonth)) return refused('firstMonth', '首次维保月份格式应为YYYY-MM');
  if (!isValidMonth(range.lastMonth)) return refused('lastMonth', '末次维保月份格式应为YYYY-MM');
  for (const [i, p] of plans.entries()) {
    if (!isValidMonth(p.month)) return refused(`plans[${i}].month`, '计划月份格式应为YYYY-MM');
    if (p.month < range.firstMonth || p.month > range.lastMonth) {
      return refused(`plans[${i}].month`, `${monthLabel(p.month)}的计划不在维保月份范围内`);
    }
  }
  const missing = checkMaintenanceYears(plans, range, requirement).find((y) => y.status === 'missing');
  return missing ? refused('plans', missing.message!) : allowed;
}

export interface ReportTaskRef {
  id: string | number;
  /** Submission date in Beijing, `YYYY-MM-DD` (a longer `YYYY-MM-DD HH:mm:ss` is read by its date). */
  submittedOn: string;
}

/**
 * A monthly maintenance report may include only tasks submitted no later than the last day of the
 * report month (manual §03 "提交日期不能晚于报告日期的月份的最后一天").
 */
export function checkMonthlyReportTasks(
  reportMonth: MonthString,
  tasks: readonly ReportTaskRef[],
): RuleResult {
  if (!isValidMonth(reportMonth)) return refused('reportMonth', '报告月份格式应为YYYY-MM');
  if (tasks.length === 0) return refused('tasks', '请至少选择一个已提交的维保任务');
  const last = lastDayOfMonth(reportMonth);
  for (const [i, t] of tasks.entries()) {
    const date = t.submittedOn.slice(0, 10);
    if (!isValidDate(date))
      return refused(`tasks[${i}].submittedOn`, `任务${t.id}的提交日期格式应为YYYY-MM-DD`);
    if (date > last) {
      return refused(
        `tasks[${i}].submittedOn`,
        `任务${t.id}的提交日期${date}晚于报告月份的最后一天${last}，不能生成${monthLabel(reportMonth)}的维保报告`,
      );
    }
  }
  return allowed;
}
