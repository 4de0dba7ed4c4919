import type { ItemClass, SingleItemRule, StandardEdition } from '../catalog/types';
import { evaluateTesting, judgeOverall, type ClassCounts } from '../judgment/evaluate';
import { TEST_RESULT_LABELS, VERDICT_LABELS, type TestResult, type Verdict } from '../judgment/results';
import { parsePlanNodeId } from '../plans/plan-ids';

/**
 * 建筑消防设施检测报告 and its 原始记录 as plain data (manual §02 通过系统生成的检测报告样式): everything the Word and
 * PDF renderers print, assembled once from the project, its approved testing records and the lead's reviews.
 * Nothing personal beyond what the printed report itself names (names and certificate numbers of the leads).
 */
export interface TestingReportData {
  /** 报告编号, e.g. 消检（2026）第17号. */
  reportNo: string;
  title: string;
  /** A 复检报告 (复检计划 of the failed items): the original report it follows. */
  retestOf?: { reportNo: string; issuedOn: string };
  project: {
    id: number;
    name: string;
    address: string;
    client: { name: string; contact: string; phone: string };
    maintenanceUnit: { name: string; contact: string; phone: string } | null;
    buildings: {
      name: string;
      totalArea: number;
      aboveGroundFloors: number;
      belowGroundFloors: number;
      useFunction: string;
      height: number;
    }[];
    /** 有关文件: the contract attachments by kind. */
    documents: string[];
    testingType: 'annual' | 'other_testing' | 'completion' | 'other' | null;
    scope: string[];
    basis: string;
    contractStart: string;
    contractEnd: string;
  };
  institution: { name: string };
  projectLead: { name: string; certificateNo: string };
  technicalLead: { name: string; certificateNo: string } | null;
  /** First and last day records were taken (检测日期). */
  testedFrom: string;
  testedTo: string;
  /** The day the report was generated (Beijing). */
  issuedOn: string;
  /** Every single item of the edition, A.1…, marked when in scope (manual's table lists them all). */
  singleItems: ReportSingleItem[];
  overall: {
    verdict: Verdict;
    verdictLabel: string;
    computedVerdict: Verdict;
    reviewReason: string | null;
    failedSingleItems: string[];
  };
  /** 发现的问题 and 不能测试项 with their photos. */
  findings: ReportFinding[];
  /** 原始记录: every record. */
  rawRecords: ReportRawRecord[];
  /** Verification: public page address and the SHA-256 of this data (the report's own digest). */
  verifyUrl: string;
}

export interface ReportSingleItem {
  code: string;
  name: string;
  /** The building's name when the project has more than one. */
  buildingName: string | null;
  inScope: boolean;
  itemCount: number;
  failed: ClassCounts;
  /** The thresholds of the rule, e.g. { A: '>0', B: '>2', C: '>4' } (不合格 when exceeded). */
  limits: { A: string; B: string; C: string };
  verdict: Verdict | null;
  verdictLabel: string;
  /** Set when the lead's review changed the computed verdict. */
  computedVerdict: Verdict | null;
  reasons: string[];
}

export interface ReportFinding {
  singleItem: string;
  subItem: string;
  item: string;
  itemClass: ItemClass;
  buildingName: string;
  position: string;
  result: TestResult;
  resultLabel: string;
  measuredValue: number | null;
  note: string;
  photoFileIds: number[];
}

export interface ReportRawRecord {
  singleItem: string;
  subItem: string;
  item: string;
  itemClass: ItemClass;
  position: string;
  measuredValue: number | null;
  resultLabel: string;
  operator: string;
  recordedOn: string;
}

export interface ReportRecordInput {
  id: number;
  planItemId: string;
  planSubItemId: string;
  planSingleItemId: string;
  itemId: string;
  position: string;
  result: TestResult;
  reviewedResult: TestResult | null;
  measuredValue: number | null;
  photoFileIds: number[];
  note: string;
  operatorName: string;
  recordedAt: string;
}

export interface ReportReviewInput {
  level: 'sub_item' | 'single_item' | 'overall';
  nodeId: string;
  verdict: Verdict;
  reason: string | null;
}

export type TestingReportHeader = Omit<
  TestingReportData,
  'singleItems' | 'overall' | 'findings' | 'rawRecords' | 'testedFrom' | 'testedTo'
>;

const limitText = (rule: SingleItemRule) => ({
  A: `>${rule.aMax}`,
  B: rule.bMax !== null ? `>${rule.bMax}` : rule.bcMax !== null ? `B+C>${rule.bcMax}` : '—',
  C:
    rule.cMax !== null
      ? `>${rule.cMax}`
      : rule.bcMax !== null
        ? `B+C>${rule.bcMax}`
        : rule.bcShareMax !== null
          ? `B+C>${+(rule.bcShareMax * 100).toFixed(2)}%`
          : '—',
});

/**
 * Judge the records as the standard does (`evaluateTesting`, per building, on the lead's reviewed result where
 * there is one), let the lead's reviews of single items and the 综合评定 stand over the computed verdicts, and
 * lay the result out as the manual's report and raw record.
 */
export function assembleTestingReport(input: {
  header: TestingReportHeader;
  edition: Pick<StandardEdition, 'testing' | 'defaultSingleItemRule'>;
  /** Single item codes of the project's scope. */
  scopeCodes: readonly string[];
  buildings: readonly { id: string; name: string }[];
  records: readonly ReportRecordInput[];
  reviews: readonly ReportReviewInput[];
}): TestingReportData {
  const { edition, records, reviews } = input;
  const review = new Map(reviews.map((r) => [`${r.level}|${r.nodeId}`, r]));
  const scope = new Set(input.scopeCodes);
  const multi = input.buildings.length > 1;
  const names = new Map<string, { single: string; sub: string; item: string; cls: ItemClass }>();
  for (const single of edition.testing)
    for (const sub of single.subItems)
      for (const item of sub.items)
        names.set(item.id, {
          single: `${single.code}${single.name}`,
          sub: sub.name,
          item: item.name,
          cls: item.class,
        });

  const rows: ReportSingleItem[] = [];
  const computedRows: { code: string; name: string; verdict: Verdict }[] = [];
  const findings: ReportFinding[] = [];
  const buildingName = new Map(input.buildings.map((b) => [b.id, b.name]));
  const outcomeOf = (r: ReportRecordInput) => ({
    itemId: r.itemId,
    key: String(r.id),
    // The lead's changed result stands as given; a measured value only judges the operator's own entry.
    result: r.reviewedResult ?? r.result,
    measuredValue: r.reviewedResult ? null : r.measuredValue,
  });
  const computedById = new Map<string, TestResult>();
  for (const b of input.buildings.length ? input.buildings : [{ id: '', name: '' }]) {
    const own = records.filter((r) => parsePlanNodeId(r.planItemId)?.buildingId === b.id);
    const evaluation = evaluateTesting(edition.testing, own.map(outcomeOf), {
      defaultRule: edition.defaultSingleItemRule,
    });
    for (const it of evaluation.items) computedById.set(it.key, it.computed);
    for (const single of evaluation.singleItems) {
      const inScope = scope.has(single.code);
      const planId = `${b.id}:${single.code}`;
      const lead = review.get(`single_item|${planId}`);
      const computed = inScope ? single.verdict : null;
      const verdict = inScope ? (lead?.verdict ?? single.verdict) : null;
      if (inScope)
        computedRows.push({ code: planId, name: `${single.code}${single.name}`, verdict: verdict! });
      if (!inScope && multi) continue;
      rows.push({
        code: single.code,
        name: single.name,
        buildingName: multi ? b.name : null,
        inScope,
        itemCount: single.tally.total,
        failed: { ...single.tally.failed },
        limits: limitText(single.rule),
        verdict,
        verdictLabel: verdict ? VERDICT_LABELS[verdict] : '',
        computedVerdict: lead && lead.verdict !== computed ? computed : null,
        reasons: lead?.reason ? [lead.reason] : single.reasons,
      });
    }
  }
  const computedOverall = judgeOverall(computedRows);
  const leadOverall = review.get('overall|overall');
  const overallVerdict = leadOverall?.verdict ?? computedOverall.verdict;

  const sorted = [...records].sort(
    (a, b) => a.planItemId.localeCompare(b.planItemId, 'en', { numeric: true }) || a.id - b.id,
  );
  const rawRecords: ReportRawRecord[] = [];
  let from = '';
  let to = '';
  for (const r of sorted) {
    const n = names.get(r.itemId);
    if (!n) continue;
    const result = computedById.get(String(r.id)) ?? r.reviewedResult ?? r.result;
    const day = r.recordedAt.slice(0, 10);
    if (!from || day < from) from = day;
    if (!to || day > to) to = day;
    const bName = buildingName.get(parsePlanNodeId(r.planItemId)?.buildingId ?? '') ?? '';
    rawRecords.push({
      singleItem: n.single,
      subItem: n.sub,
      item: n.item,
      itemClass: n.cls,
      position: multi ? `${bName} ${r.position}` : r.position,
      measuredValue: r.measuredValue,
      resultLabel: TEST_RESULT_LABELS[result],
      operator: r.operatorName,
      recordedOn: day,
    });
    if (result === 'fail' || result === 'not_testable')
      findings.push({
        singleItem: n.single,
        subItem: n.sub,
        item: n.item,
        itemClass: n.cls,
        buildingName: bName,
        position: r.position,
        result,
        resultLabel: TEST_RESULT_LABELS[result],
        measuredValue: r.measuredValue,
        note: r.note,
        photoFileIds: r.photoFileIds,
      });
  }
  return {
    ...input.header,
    testedFrom: from || input.header.issuedOn,
    testedTo: to || input.header.issuedOn,
    singleItems: rows,
    overall: {
      verdict: overallVerdict,
      verdictLabel: VERDICT_LABELS[overallVerdict],
      computedVerdict: computedOverall.verdict,
      reviewReason: leadOverall?.reason ?? null,
      failedSingleItems: computedRows.filter((r) => r.verdict === 'fail').map((r) => r.name),
    },
    findings,
    rawRecords,
  };
}
