import {
  addMonths,
  firstDayOfMonth,
  isValidDate,
  isValidMonth,
  lastDayOfMonth,
  monthOf,
  type DateString,
  type MonthString,
} from './dates';
import { allowed, refused, type RuleResult } from './result';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 2026年4月 */
export const monthLabelOf = (m: MonthString) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

/** The first instant after the month in Beijing (the month's last day 23:59:59 is the last that counts). */
export function beijingMonthEnd(month: MonthString): Date {
  const next = addMonths(month, 1);
  return new Date(Date.parse(`${firstDayOfMonth(next)}T00:00:00.000Z`) - BEIJING_OFFSET_MS);
}

/** The first instant of the month in Beijing. */
export function beijingMonthStart(month: MonthString): Date {
  return new Date(Date.parse(`${firstDayOfMonth(month)}T00:00:00.000Z`) - BEIJING_OFFSET_MS);
}

/** An instant as the report prints it, in Beijing time: 2022年04月08日 18:07:43. */
export function beijingDateTimeText(instant: Date | string): string {
  const d = new Date(new Date(instant).getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日 ${d.slice(11, 19)}`;
}

/** 2026-04-30 → 2026年04月30日 */
export const chineseDateText = (date: DateString) =>
  `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`;

/** One dispatched plan of the month and how far its facilities got. */
export interface ReportPlanState {
  name: string;
  /** Dispatched facilities (下发的设施) of the plan. */
  dispatched: number;
  /** Of those, how many were recorded in a submitted task. */
  submitted: number;
  /** Of those, how many the project lead approved. */
  approved: number;
}

/** A submitted task whose results would go into the report. */
export interface ReportTaskState {
  name: string;
  /** When it was last submitted (an instant). */
  submittedAt: Date | string;
}

export interface MaintenanceReportRuleInput {
  month: MonthString;
  /** Today in Beijing. */
  today: DateString;
  contractStart: DateString;
  contractEnd: DateString;
  firstMonth: MonthString | null;
  lastMonth: MonthString | null;
  plans: readonly ReportPlanState[];
  tasks: readonly ReportTaskState[];
}

/**
 * 生成维保报告 (manual §03 机构管理员在电脑端生成维保报告 1): one report per project and month, once every plan
 * dispatched for that month is complete and approved by the project lead; only tasks submitted no later than the
 * month's last day 23:59:59 (Beijing) count (请务必在当月完成并提交当月下发的计划任务…否则将不能生成报告); a month outside
 * the contract or the maintenance months, or one not yet begun, is refused as a testing report outside its period.
 */
export function checkMaintenanceReportGeneration(input: MaintenanceReportRuleInput): RuleResult {
  const { month, today, contractStart, contractEnd, firstMonth, lastMonth } = input;
  if (!isValidMonth(month)) return refused('month', '报告月份格式应为YYYY-MM');
  if (!isValidDate(today)) return refused('today', '报告日期格式应为YYYY-MM-DD');
  const label = monthLabelOf(month);
  if (month < monthOf(contractStart) || month > monthOf(contractEnd))
    return refused('month', `${label}不在合同期限（${contractStart}至${contractEnd}）内，不能生成维保报告`);
  if (firstMonth && lastMonth && (month < firstMonth || month > lastMonth))
    return refused(
      'month',
      `${label}不在项目的维保月份（${monthLabelOf(firstMonth)}至${monthLabelOf(lastMonth)}）内，不能生成维保报告`,
    );
  if (month > monthOf(today)) return refused('month', `${label}尚未开始，不能生成该月的维保报告`);
  if (input.plans.length === 0 || input.plans.every((p) => p.dispatched === 0))
    return refused('plans', `${label}没有下发的维保计划，不能生成维保报告`);
  for (const p of input.plans) {
    if (p.submitted < p.dispatched)
      return refused(
        'plans',
        `维保计划未全部完成：“${p.name}”还有${p.dispatched - p.submitted}项设施未提交，完成并经项目负责人审核通过后才能生成维保报告`,
      );
    if (p.approved < p.dispatched)
      return refused(
        'plans',
        `项目负责人尚未审核通过“${p.name}”的全部任务（还有${p.dispatched - p.approved}项设施待审核），不能生成维保报告`,
      );
  }
  const end = beijingMonthEnd(month).getTime();
  const late = input.tasks.find((t) => new Date(t.submittedAt).getTime() >= end);
  if (late)
    return refused(
      'tasks',
      `任务“${late.name}”的提交时间（${beijingDateTimeText(late.submittedAt)}）晚于${chineseDateText(lastDayOfMonth(month))} 23:59:59，不能生成${label}的维保报告。请务必在当月完成并提交当月下发的计划任务`,
    );
  return allowed;
}

/** What decides whether a fault appears in a month's report. */
export interface FaultSpan {
  /** When the fault was found (its task's submission or the record's time). */
  foundAt: Date | string;
  /** When an operator chose 解决; null while it is open. */
  resolvedAt: Date | string | null;
}

/**
 * A fault appears in the report of every month from the one it was found in, while it is still open at that
 * month's start, and in the month it is resolved; it leaves the reports after the month of 解决 (manual §03
 * APP提交排查和维修任务 2: 可以关闭此设施故障，不再体现在后续的维保报告中).
 */
export function faultInMonth(fault: FaultSpan, month: MonthString): boolean {
  const found = new Date(fault.foundAt).getTime();
  if (found >= beijingMonthEnd(month).getTime()) return false;
  if (fault.resolvedAt === null) return true;
  return new Date(fault.resolvedAt).getTime() >= beijingMonthStart(month).getTime();
}
