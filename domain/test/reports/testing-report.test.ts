import { describe, expect, it } from 'vitest';
import { gb25201_2010_jing } from '../../src/catalog/editions/index';
import { assembleTestingReport, type ReportRecordInput } from '../../src/reports/testing-report';

const edition = gb25201_2010_jing;
const a8 = edition.testing.find((s) => s.code === 'A.8')!;
const items = a8.subItems.flatMap((sub) => sub.items.map((item) => ({ sub, item })));
const header = {
  reportNo: '消检（2026）第1号',
  title: '建筑消防设施检测报告',
  issuedOn: '2026-12-02',
  verifyUrl: 'http://x/verify/t',
  project: {
    id: 1,
    name: '测试',
    address: '西直门',
    client: { name: '业主2', contact: '业主2', phone: '13800138000' },
    maintenanceUnit: null,
    buildings: [],
    documents: [],
    testingType: 'annual' as const,
    scope: ['消防电梯'],
    basis: '国家规范',
    contractStart: '2026-01-01',
    contractEnd: '2026-12-31',
  },
  institution: { name: '北京检测维保机构' },
  projectLead: { name: '注册人员3', certificateNo: '1111111' },
  technicalLead: null,
};
const record = (
  i: number,
  result: ReportRecordInput['result'],
  reviewed: ReportRecordInput['reviewedResult'] = null,
) => {
  const { sub, item } = items[i]!;
  return {
    id: i + 1,
    planItemId: `1:${item.id}`,
    planSubItemId: `1:${sub.id}`,
    planSingleItemId: '1:A.8',
    itemId: item.id,
    position: '1',
    result,
    reviewedResult: reviewed,
    measuredValue: null,
    photoFileIds: [],
    note: '',
    operatorName: '操作员',
    recordedAt: '2026-11-02T02:00:00.000Z',
  };
};
const build = (
  records: ReportRecordInput[],
  reviews: Parameters<typeof assembleTestingReport>[0]['reviews'] = [],
) =>
  assembleTestingReport({
    header,
    edition,
    scopeCodes: ['A.8'],
    buildings: [{ id: '1', name: '主楼' }],
    records,
    reviews,
  });

describe('assembleTestingReport', () => {
  const aItem = items.findIndex(({ item }) => item.class === 'A');

  it('judges the single items from the records and lists every single item of the edition', () => {
    const data = build(items.map((_, i) => record(i, i === aItem ? 'fail' : 'pass')));
    expect(data.singleItems.map((s) => s.code)).toEqual(edition.testing.map((s) => s.code));
    const row = data.singleItems.find((s) => s.code === 'A.8')!;
    expect(row).toMatchObject({ inScope: true, itemCount: items.length, verdict: 'fail', failed: { A: 1 } });
    expect(data.overall.verdict).toBe('fail');
    expect(data.findings).toHaveLength(1);
    expect(data.rawRecords).toHaveLength(items.length);
  });

  it('uses the lead’s reviewed result over the operator’s', () => {
    const data = build(
      items.map((_, i) => record(i, i === aItem ? 'fail' : 'pass', i === aItem ? 'pass' : null)),
    );
    expect(data.singleItems.find((s) => s.code === 'A.8')!.verdict).toBe('pass');
    expect(data.findings).toHaveLength(0);
  });

  it('lets the lead’s single-item and overall reviews stand over the computed verdicts', () => {
    const records = items.map((_, i) => record(i, i === aItem ? 'fail' : 'pass'));
    const data = build(records, [
      { level: 'single_item', nodeId: '1:A.8', verdict: 'pass', reason: '已现场整改' },
    ]);
    const row = data.singleItems.find((s) => s.code === 'A.8')!;
    expect(row).toMatchObject({ verdict: 'pass', computedVerdict: 'fail', reasons: ['已现场整改'] });
    expect(data.overall.verdict).toBe('pass');
    const overall = build(records, [
      { level: 'overall', nodeId: 'overall', verdict: 'pass', reason: '复核' },
    ]);
    expect(overall.overall).toMatchObject({ verdict: 'pass', computedVerdict: 'fail', reviewReason: '复核' });
  });
});
