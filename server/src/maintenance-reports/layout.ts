import { buildingOverviewText, faultRecordText, keyPartsText, type MaintenanceReportData } from '@xf/domain';
import type { QrModules, ReportPhoto } from '../reports/render/assets';

/**
 * What the Word and the PDF maintenance report both print (manual §03 通过系统生成的维保报告样式: 建筑消防设施维护保养情况表),
 * so the two files say the same.
 */
export interface MaintenanceRenderInput {
  data: MaintenanceReportData;
  dataSha256: string;
  photos: ReportPhoto[];
  qrPng: Uint8Array;
  qrModules: QrModules;
}

export const MAINTENANCE_TITLE = '建筑消防设施维护保养情况表';

/** The manual's order of the page number: 共 N 页 第 M 页. */
export const maintenanceFooterText = (m: number, n: number) => `共 ${n} 页 第 ${m} 页`;

/** The overview table: group, label, value (the manual's 项目概况 / 建筑消防设施概况 / 维护保养概况). */
export function overviewRows(d: MaintenanceReportData): string[][] {
  return [
    ['项目概况', '场所名称', d.project.name],
    ['项目概况', '地址', d.project.address],
    [
      '建筑消防设施概况',
      '场所负责人',
      `${d.project.manager.name}    联系方式：${d.project.manager.phone || '/'}`,
    ],
    ['建筑消防设施概况', '维保建筑概况', buildingOverviewText(d)],
    ['维护保养概况', '重点部位', keyPartsText(d)],
    ['维护保养概况', '维护保养项目范围', scopeText(d)],
    ['维护保养概况', '维保月份', d.monthLabel],
  ];
}

/** The 21 systems, each with its box (Noto CJK has no ☑, so ■/□). */
export const scopeText = (d: MaintenanceReportData) =>
  d.scope.map((s) => `${s.inScope ? '■' : '□'}${s.name}`).join('  ');

export const summaryText = (d: MaintenanceReportData) => {
  const s = d.summary;
  return `本月维保设施${s.facilities}处，维保内容${s.lines}项：符合${s.conforming}项，不符合${s.nonconforming}项，不适用${s.notApplicable}项。`;
};

export const RESULT_HEADER = ['序号', '消防系统', '设施', '位置', '内容项数', '符合', '不符合', '不适用'];
export const RESULT_WIDTHS = [30, 100, 110, 100, 45, 35, 40, 40];
export const resultRows = (d: MaintenanceReportData) =>
  d.results.map((r, i) => [
    String(i + 1),
    r.systemName,
    r.facilityName,
    r.location || '/',
    String(r.lines),
    String(r.conforming),
    String(r.nonconforming),
    String(r.notApplicable),
  ]);

export const FAULT_HEADER = ['序号', '消防系统', '设施及位置', '故障', '状态', '后续处理'];
export const FAULT_WIDTHS = [28, 70, 90, 110, 50, 180];
export const faultRows = (d: MaintenanceReportData) =>
  d.faults.map((f) => [
    String(f.no),
    f.systemName,
    `${f.facilityName}${f.location ? `（${f.location}）` : ''}`,
    `${f.lineText}：${f.description}${f.carriedOver ? '（以前月份发现）' : ''}`,
    f.statusLabel,
    f.timeline.length ? f.timeline.map((t) => `${t.at} ${t.text}`).join('\n') : '无',
  ]);

/** 消防技术服务机构意见: the month's fault records as the manual's sample words them. */
export const opinionLines = (d: MaintenanceReportData) => faultRecordText(d);

export const seal = (d: MaintenanceReportData) => `（维护保养机构印章）    ${chinese(d.issuedOn)}`;
const chinese = (date: string) => `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`;

/** The signature block under the table (manual: 项目负责人 / 现场维保人员 / 委托单位意见). */
export function signatureLines(d: MaintenanceReportData): string[] {
  const staff =
    d.fieldStaff.length > 2 ? `${d.fieldStaff.slice(0, 2).join('、')}等` : d.fieldStaff.join('、');
  return [
    '技术服务执业印章',
    '（项目负责人执业印章）                    项目负责人签字：',
    '（技术负责人执业印章）                    技术负责人签字：',
    `项目负责人：${d.projectLead.name}    技术负责人：${d.technicalLead?.name ?? '/'}    现场维保人员：${staff || '/'}`,
    `${d.issuedOn.slice(0, 4)} 年 ${d.issuedOn.slice(5, 7)} 月 ${d.issuedOn.slice(8, 10)} 日`,
  ];
}

export const CLIENT_OPINION = [
  '委托单位意见：',
  '',
  '',
  '（委托单位印章）                    年    月    日',
];
