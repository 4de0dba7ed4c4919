import { testingTypeLabels, TESTING_TYPES, type TestingReportData } from '@xf/domain';
import type { QrModules, ReportPhoto } from '../reports/render/assets';

/** What the Word and the PDF renderers both print, so the two files say the same (manual §02 通过系统生成的检测报告样式). */
export interface RenderInput {
  data: TestingReportData;
  /** SHA-256 of the data, printed on the report and shown on the verification page. */
  dataSha256: string;
  photos: ReportPhoto[];
  /** The QR code of the verification address as a PNG (Word) and its modules (PDF, drawn as vector squares). */
  qrPng: Uint8Array;
  qrModules: QrModules;
}

/** 检测类型 as the manual prints it: every type with its box, the project's one filled. */
export const testingTypeLine = (t: TestingReportData['project']['testingType']) =>
  TESTING_TYPES.map((k) => `${k === t ? '■' : '□'}${testingTypeLabels[k]}`).join('  ');

const dash = (s: string | null | undefined) => (s && s.trim() ? s : '/');
const num = (n: number) => n.toFixed(2);

/** The 基本信息 table as label/value rows (a row of four cells where the manual puts two fields on one line). */
export function infoRows(d: TestingReportData): string[][] {
  const p = d.project;
  const b = p.buildings;
  const area = b.reduce((s, x) => s + x.totalArea, 0);
  const floors = b
    .map(
      (x) => `${b.length > 1 ? `${x.name}：` : ''}地上${x.aboveGroundFloors}层，地下${x.belowGroundFloors}层`,
    )
    .join('；');
  const uses = [...new Set(b.map((x) => x.useFunction))].join('、');
  const height = b.length ? Math.max(...b.map((x) => x.height)) : 0;
  const m = p.maintenanceUnit;
  return [
    ['项目名称', p.name],
    ['项目地址', p.address],
    ['委托单位（建设单位）', p.client.name, '联系人', p.client.contact, '电话', dash(p.client.phone)],
    ['维保单位（施工单位）', dash(m?.name), '联系人', dash(m?.contact), '电话', dash(m?.phone)],
    ['建筑总面积', b.length ? `${num(area)}m²` : '/', '建筑层数', b.length ? floors : '/'],
    ['使用功能', dash(uses), '建筑高度', b.length ? `${num(height)}m` : '/'],
    ['有关文件', p.documents.length ? p.documents.join('、') : '/'],
    [
      '检测机构',
      d.institution.name,
      '项目负责人及证书编号',
      `${d.projectLead.name}-${d.projectLead.certificateNo}`,
    ],
    [
      '检测类型',
      testingTypeLine(p.testingType),
      '技术负责人及证书编号',
      d.technicalLead ? `${d.technicalLead.name}-${d.technicalLead.certificateNo}` : '/',
    ],
    ...(d.retestOf
      ? [
          ['原检测报告', `${d.retestOf.reportNo}（${d.retestOf.issuedOn}）`],
          [
            '复检范围',
            `原检测报告中的不合格项：${[...new Set(d.singleItems.filter((s) => s.inScope).map((s) => `${s.code}${s.name}`))].join('、') || '/'}`,
          ],
        ]
      : [['检测范围及内容', p.scope.join('、') || '/']]),
    ['检测依据', p.basis],
    ['检测日期', `${d.testedFrom}至${d.testedTo}`],
  ];
}

export const SINGLE_ITEM_HEADER = ['检测单项', '检测项总数', 'A', 'B', 'C', '评定'];

/** One row of the single-item table A.1…: name with its box, item count, failures by class with the rule's limit. */
export function singleItemRows(d: TestingReportData): string[][] {
  return d.singleItems.map((s) => [
    `${s.inScope ? '■' : '□'}${s.code}${s.name}${s.buildingName ? `（${s.buildingName}）` : ''}`,
    String(s.itemCount),
    `${s.failed.A}（${s.limits.A}）`,
    `${s.failed.B}（${s.limits.B}）`,
    `${s.failed.C}（${s.limits.C}）`,
    s.verdictLabel + (s.computedVerdict ? '（审核修改）' : ''),
  ]);
}

export const FINDING_HEADER = ['序号', '检测单项', '子项', '检测项', '类别', '位置', '结果', '说明'];
export function findingRows(d: TestingReportData): string[][] {
  return d.findings.map((f, i) => [
    String(i + 1),
    f.singleItem,
    f.subItem,
    f.item,
    f.itemClass,
    [f.buildingName, f.position].filter(Boolean).join(' '),
    f.resultLabel,
    [f.measuredValue !== null ? `测量值${f.measuredValue}` : '', f.note].filter(Boolean).join('；') || '/',
  ]);
}

export const RAW_HEADER = [
  '序号',
  '检测单项',
  '子项',
  '检测项',
  '类别',
  '位置',
  '测量值',
  '结果',
  '检测人',
  '日期',
];
export function rawRows(d: TestingReportData): string[][] {
  return d.rawRecords.map((r, i) => [
    String(i + 1),
    r.singleItem,
    r.subItem,
    r.item,
    r.itemClass,
    r.position,
    r.measuredValue === null ? '/' : String(r.measuredValue),
    r.resultLabel,
    r.operator,
    r.recordedOn,
  ]);
}

export function overallText(d: TestingReportData): string {
  const o = d.overall;
  const failed = o.failedSingleItems.length ? `不合格单项：${o.failedSingleItems.join('、')}。` : '';
  const changed =
    o.computedVerdict !== o.verdict
      ? `（系统评定为${o.computedVerdict === 'pass' ? '合格' : o.computedVerdict === 'fail' ? '不合格' : '不适用'}，项目负责人审核修改：${o.reviewReason ?? ''}）`
      : '';
  return `综合评定：${o.verdictLabel}。${failed}${changed}`;
}

export const SIGNATURES = [
  ['检测机构（盖章）', '日期：    年  月  日'],
  ['项目负责人（签字、执业印章）', '日期：    年  月  日'],
  ['技术负责人（签字）', '日期：    年  月  日'],
];

export const footerText = (m: number, n: number) => `第 ${m} 页 共 ${n} 页`;
