import { addDays, isValidDate, type DateString } from './dates';

/**
 * 人员频繁变动 (manual, 创新特点 1): staff joining and leaving an institution in the ministry registry is
 * tracked, and frequent changes raise a red flag. The manual gives no numbers, so the window and the
 * threshold are configuration; these defaults are the team's choice and can be overridden per call.
 */
export const DEFAULT_STAFF_CHURN_WINDOW_DAYS = 90;
/** More than this many joins + leaves inside the window is "frequent". */
export const DEFAULT_STAFF_CHURN_THRESHOLD = 5;

export interface StaffChangeEvent {
  institutionId: string;
  personKey: string;
  change: 'joined' | 'left';
  at: DateString;
}

export interface StaffChurnOptions {
  windowDays: number;
  threshold: number;
  onDate: DateString;
}

export interface StaffChurnFinding {
  institutionId: string;
  joined: number;
  left: number;
  total: number;
  /** First day of the window (included); the window ends on onDate (included). */
  windowStart: DateString;
  windowEnd: DateString;
}

/** Institutions whose joins + leaves in the `windowDays` days ending on `onDate` exceed `threshold`. */
export function detectStaffChurn(
  events: readonly StaffChangeEvent[],
  opts: Partial<StaffChurnOptions> & { onDate: DateString },
): StaffChurnFinding[] {
  const windowDays = opts.windowDays ?? DEFAULT_STAFF_CHURN_WINDOW_DAYS;
  const threshold = opts.threshold ?? DEFAULT_STAFF_CHURN_THRESHOLD;
  if (!isValidDate(opts.onDate)) throw new Error(`日期格式应为YYYY-MM-DD：${String(opts.onDate)}`);
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new Error('统计窗口天数应为正整数');
  if (!Number.isInteger(threshold) || threshold < 0) throw new Error('人员变动阈值应为非负整数');

  const windowStart = addDays(opts.onDate, -(windowDays - 1));
  const counts = new Map<string, { joined: number; left: number }>();
  for (const e of events) {
    if (e.at < windowStart || e.at > opts.onDate) continue;
    const c = counts.get(e.institutionId) ?? { joined: 0, left: 0 };
    c[e.change]++;
    counts.set(e.institutionId, c);
  }
  const findings: StaffChurnFinding[] = [];
  for (const [institutionId, c] of counts) {
    const total = c.joined + c.left;
    if (total > threshold) findings.push({ institutionId, ...c, total, windowStart, windowEnd: opts.onDate });
  }
  return findings.sort((a, b) => b.total - a.total || a.institutionId.localeCompare(b.institutionId));
}

/**
 * A registered engineer may not practise in two organisations at once (挂证, 人证分离): persons listed
 * at more than one institution, each with the distinct institutions in first-seen order.
 */
export function findPersonsAtSeveralInstitutions(
  persons: readonly { personKey: string; institutionId: string }[],
): { personKey: string; institutionIds: string[] }[] {
  const byPerson = new Map<string, string[]>();
  for (const p of persons) {
    const list = byPerson.get(p.personKey) ?? [];
    if (!list.includes(p.institutionId)) list.push(p.institutionId);
    byPerson.set(p.personKey, list);
  }
  return [...byPerson]
    .filter(([, ids]) => ids.length > 1)
    .map(([personKey, institutionIds]) => ({ personKey, institutionIds }));
}
