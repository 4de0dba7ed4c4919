import { isValidDate, type DateString } from './dates';
import { allowed, refused, type RuleResult } from './result';

/** A testing report can be generated only within the project's contract period (manual §02). */
export function checkTestingReportDate(input: {
  contractStart: DateString;
  contractEnd: DateString;
  reportDate: DateString;
}): RuleResult {
  const { contractStart, contractEnd, reportDate } = input;
  if (!isValidDate(contractStart)) return refused('contractStart', '合同开始日期格式应为YYYY-MM-DD');
  if (!isValidDate(contractEnd)) return refused('contractEnd', '合同结束日期格式应为YYYY-MM-DD');
  if (!isValidDate(reportDate)) return refused('reportDate', '报告日期格式应为YYYY-MM-DD');
  if (reportDate < contractStart) {
    return refused(
      'reportDate',
      `报告日期${reportDate}早于检测期限开始日期${contractStart}，不能生成检测报告`,
    );
  }
  if (reportDate > contractEnd) {
    return refused(
      'reportDate',
      `已超过项目的检测期限（${contractEnd}），不能生成检测报告，只能注销后重新录入检测项目`,
    );
  }
  return allowed;
}
