import type { MaintenanceSystem } from '../catalog/types';
import {
  beijingDateTimeText,
  beijingMonthEnd,
  beijingMonthStart,
  faultInMonth,
  monthLabelOf,
} from '../rules/maintenance-report';

/**
 * 建筑消防设施维护保养情况表 as plain data (manual §03 通过系统生成的维保报告样式): everything the Word and PDF
 * renderers print for one project and month, assembled once from the project, its buildings and fire systems, the
 * month's approved maintenance records and the faults open during the month with their handling timeline.
 */
export interface MaintenanceReportData {
  /** 报告编号, e.g. 消维（2026）第17号. */
  reportNo: string;
  title: string;
  /** YYYY-MM */
  month: string;
  monthLabel: string;
  project: {
    id: number;
    name: string;
    address: string;
    /** 场所负责人 and 联系方式. */
    manager: { name: string; phone: string };
  };
  /** 维保建筑概况. */
  buildings: {
    totalArea: number;
    items: ReportBuilding[];
    uses: string[];
  };
  /** 重点部位: the water tanks and pools, or none (无消防水池和消防水箱). */
  keyParts: { kind: 'fire_tank' | 'fire_pool'; kindLabel: string; location: string; capacity: number }[];
  /** 维护保养项目范围: the edition's systems in order (21), those in the project's fire systems ticked. */
  scope: { name: string; inScope: boolean }[];
  /** The month's results per facility and location. */
  results: ReportFacilityResult[];
  summary: {
    facilities: number;
    lines: number;
    conforming: number;
    nonconforming: number;
    notApplicable: number;
  };
  /** The month's faults (those found this month and those still open from before), with their timeline. */
  faults: ReportFault[];
  /** e.g. 排查中的故障有1项；已解决的故障有1项 */
  faultSummary: string;
  /** Texts and photos the operators added with "+" (they go into the report). */
  attachments: ReportAttachment[];
  /** 消防技术服务机构备注说明. */
  remarks: string;
  institution: { name: string };
  projectLead: { name: string };
  technicalLead: { name: string } | null;
  /** 现场维保人员. */
  fieldStaff: string[];
  /** The report date (Beijing), YYYY-MM-DD. */
  issuedOn: string;
  verifyUrl: string;
}

export interface ReportBuilding {
  name: string;
  totalArea: number;
  aboveGroundArea: number;
  belowGroundArea: number;
  aboveGroundFloors: number;
  belowGroundFloors: number;
  height: number;
  useFunction: string;
}

export interface ReportFacilityResult {
  systemName: string;
  facilityName: string;
  location: string;
  lines: number;
  conforming: number;
  nonconforming: number;
  notApplicable: number;
}

export interface ReportFault {
  /** 1-based order within the report. */
  no: number;
  systemName: string;
  facilityName: string;
  location: string;
  /** The content line, e.g. b. 试验主、备电自动切换功能 */
  lineText: string;
  /** What was found (the prompts' answers, the operator's note). */
  description: string;
  statusLabel: string;
  /** 本月新发现 or 上月遗留 (carried over from an earlier month). */
  carriedOver: boolean;
  /** 后续处理, dated in Beijing time, up to the month's end. */
  timeline: { at: string; text: string }[];
}

export interface ReportAttachment {
  facility: string;
  location: string;
  text: string;
  photoFileIds: number[];
}

/** One recorded content line of an approved task of the month. */
export interface MaintenanceRecordInput {
  systemId: string;
  facilityId: string;
  facilityName: string;
  location: string;
  result: 'conforming' | 'nonconforming' | 'not_applicable';
  note: string;
  photoFileIds: number[];
  operatorName: string;
}

export interface MaintenanceFaultInput {
  id: number;
  systemId: string;
  facilityName: string;
  location: string;
  lineText: string;
  description: string;
  foundAt: string | Date;
  resolvedAt: string | Date | null;
  /** The handling steps as recorded, in any order, with the fault's state after each when known. */
  events: { at: string | Date; text: string; statusLabel?: string }[];
  /** The fault's current status label, used when no event falls into the month. */
  statusLabel: string;
}

export type MaintenanceReportHeader = Omit<
  MaintenanceReportData,
  | 'monthLabel'
  | 'scope'
  | 'results'
  | 'summary'
  | 'faults'
  | 'faultSummary'
  | 'attachments'
  | 'buildings'
  | 'keyParts'
  | 'fieldStaff'
>;

const round2 = (n: number) => Math.round(n * 100) / 100;
const time = (x: string | Date) => new Date(x).getTime();

/**
 * Lay out the month's report: the scope of the edition's systems, results per facility and location, the faults
 * open during the month (faultInMonth) each with its handling timeline up to the month's end (a step after it
 * belongs to the next month's report), and the building overview with its key parts.
 */
export function assembleMaintenanceReport(input: {
  header: MaintenanceReportHeader;
  systems: readonly Pick<MaintenanceSystem, 'id' | 'name' | 'categories'>[];
  /** Catalog facility ids of the project's fire systems (项目的消防系统). */
  projectFacilityIds: readonly string[];
  buildings: readonly (ReportBuilding & {
    waterSupplies: { kind: 'fire_tank' | 'fire_pool'; location: string; capacity: number }[];
  })[];
  records: readonly MaintenanceRecordInput[];
  faults: readonly MaintenanceFaultInput[];
}): MaintenanceReportData {
  const { header } = input;
  const month = header.month;
  const systemName = new Map(input.systems.map((s) => [s.id, s.name]));
  const inScope = new Set(input.projectFacilityIds);
  const scope = input.systems.map((s) => ({
    name: s.name,
    inScope: s.categories.some((c) => c.facilities.some((f) => inScope.has(f.id))),
  }));

  const byFacility = new Map<string, ReportFacilityResult>();
  const attachments = new Map<string, ReportAttachment>();
  const staff: string[] = [];
  const summary = { facilities: 0, lines: 0, conforming: 0, nonconforming: 0, notApplicable: 0 };
  for (const r of input.records) {
    const key = `${r.facilityId}|${r.location}`;
    let row = byFacility.get(key);
    if (!row) {
      row = {
        systemName: systemName.get(r.systemId) ?? '',
        facilityName: r.facilityName,
        location: r.location,
        lines: 0,
        conforming: 0,
        nonconforming: 0,
        notApplicable: 0,
      };
      byFacility.set(key, row);
    }
    row.lines++;
    summary.lines++;
    const field =
      r.result === 'conforming'
        ? 'conforming'
        : r.result === 'nonconforming'
          ? 'nonconforming'
          : 'notApplicable';
    row[field]++;
    summary[field]++;
    if (r.operatorName && !staff.includes(r.operatorName)) staff.push(r.operatorName);
    if (r.note.trim() || r.photoFileIds.length) {
      const a = attachments.get(key) ?? {
        facility: r.facilityName,
        location: r.location,
        text: '',
        photoFileIds: [],
      };
      if (r.note.trim()) a.text = a.text ? `${a.text}；${r.note.trim()}` : r.note.trim();
      a.photoFileIds.push(...r.photoFileIds.filter((id) => !a.photoFileIds.includes(id)));
      attachments.set(key, a);
    }
  }
  summary.facilities = byFacility.size;

  const end = beijingMonthEnd(month).getTime();
  const start = beijingMonthStart(month).getTime();
  const faults: ReportFault[] = input.faults
    .filter((f) => faultInMonth(f, month))
    .sort((a, b) => time(a.foundAt) - time(b.foundAt) || a.id - b.id)
    .map((f, i) => {
      const steps = f.events.filter((e) => time(e.at) < end).sort((a, b) => time(a.at) - time(b.at));
      const resolvedInMonth = f.resolvedAt !== null && time(f.resolvedAt) < end;
      const last = steps.at(-1);
      return {
        no: i + 1,
        systemName: systemName.get(f.systemId) ?? '',
        facilityName: f.facilityName,
        location: f.location,
        lineText: f.lineText,
        description: f.description,
        statusLabel: resolvedInMonth
          ? '已解决'
          : last
            ? (last.statusLabel ?? stepStatus(last.text))
            : f.statusLabel,
        carriedOver: time(f.foundAt) < start,
        timeline: steps.map((e) => ({ at: beijingDateTimeText(e.at), text: e.text })),
      };
    });
  const counts = new Map<string, number>();
  for (const f of faults) counts.set(f.statusLabel, (counts.get(f.statusLabel) ?? 0) + 1);
  const faultSummary = faults.length
    ? [...counts].map(([label, n]) => `${label}的故障有${n}项`).join('；')
    : '本月无故障';

  const keyParts = input.buildings.flatMap((b) =>
    b.waterSupplies.map((w) => ({
      kind: w.kind,
      kindLabel: w.kind === 'fire_tank' ? '消防水箱' : '消防水池',
      location: input.buildings.length > 1 ? `${b.name}${w.location}` : w.location,
      capacity: w.capacity,
    })),
  );

  return {
    ...header,
    monthLabel: monthLabelOf(month),
    buildings: {
      totalArea: round2(input.buildings.reduce((s, b) => s + b.totalArea, 0)),
      items: input.buildings.map(({ waterSupplies: _w, ...b }) => b),
      uses: [...new Set(input.buildings.map((b) => b.useFunction))],
    },
    keyParts,
    scope,
    results: [...byFacility.values()],
    summary,
    faults,
    faultSummary,
    attachments: [...attachments.values()],
    fieldStaff: staff,
  };
}

/** The status a handling step leaves the fault in: 由操作员1排查中 → 排查中. */
function stepStatus(text: string): string {
  for (const s of ['与业主协商中', '与业主沟通中', '排查中', '维修中', '待处理', '已解决'])
    if (text.includes(s)) return s === '与业主沟通中' ? '与业主协商中' : s;
  return '处理中';
}

/** The building overview sentence as the manual prints it. */
export function buildingOverviewText(d: MaintenanceReportData): string {
  const n = (x: number) => String(round2(x));
  const parts = d.buildings.items.map(
    (b, i) =>
      `${i + 1}、${b.name}，建筑面积${n(b.totalArea)}平米。地上${b.aboveGroundFloors}层，${n(b.aboveGroundArea)}平米。地下${b.belowGroundFloors}层，${n(b.belowGroundArea)}平米。建筑高度${n(b.height)}米。`,
  );
  return [
    `总建筑面积${n(d.buildings.totalArea)}平米。`,
    ...parts,
    `建筑物使用功能：${d.buildings.uses.join('、') || '/'}`,
  ].join(' ');
}

/** 重点部位 as printed: the tanks and pools, or 无消防水池和消防水箱. */
export function keyPartsText(d: MaintenanceReportData): string {
  if (d.keyParts.length === 0) return '无消防水池和消防水箱。';
  return d.keyParts.map((k) => `■${k.kindLabel}设置位置：${k.location} 容量：${k.capacity} m³`).join(' ');
}

/** 04月故障记录 with each fault and its 后续处理, as in the manual's sample. */
export function faultRecordText(d: MaintenanceReportData): string[] {
  const head = `${d.month.slice(5, 7)}月故障记录：${d.faultSummary}`;
  return [
    head,
    ...d.faults.map(
      (f) =>
        `${f.no}. ${f.systemName}：${f.facilityName}${f.location ? `（${f.location}）` : ''}—${f.lineText}：${f.description}。${f.carriedOver ? '（以前月份发现，尚未解决）' : ''}当前状态：${f.statusLabel}。后续处理：${f.timeline.length ? f.timeline.map((t) => `${t.at} ${t.text}。`).join('') : '无。'}`,
    ),
  ];
}
