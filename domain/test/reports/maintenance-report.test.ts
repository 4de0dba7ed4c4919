import { describe, expect, it } from 'vitest';
import { gb25201_2010_jing } from '../../src/catalog/editions/index';
import {
  assembleMaintenanceReport,
  buildingOverviewText,
  faultRecordText,
  keyPartsText,
  type MaintenanceFaultInput,
  type MaintenanceRecordInput,
} from '../../src/reports/maintenance-report';
import {
  beijingDateTimeText,
  beijingMonthEnd,
  checkMaintenanceReportGeneration,
  faultInMonth,
} from '../../src/rules/maintenance-report';

const systems = gb25201_2010_jing.maintenance;
const power = systems[0]!;
const box = power.categories[0]!.facilities[0]!;
const header = {
  reportNo: '消维（2022）第1号',
  title: '建筑消防设施维护保养情况表',
  month: '2022-04',
  issuedOn: '2022-04-30',
  verifyUrl: 'http://x/verify/t',
  project: {
    id: 1,
    name: '平安里',
    address: '西城区',
    manager: { name: '业主录入测试1', phone: '13800138003' },
  },
  remarks: '',
  institution: { name: '北京检测维保机构' },
  projectLead: { name: '注册人员3' },
  technicalLead: { name: '技术负责人1' },
};
const building = {
  name: '1、2号楼',
  totalArea: 2000,
  aboveGroundArea: 2000,
  belowGroundArea: 0,
  aboveGroundFloors: 6,
  belowGroundFloors: 0,
  height: 23,
  useFunction: '国家机关单位',
  waterSupplies: [] as { kind: 'fire_tank' | 'fire_pool'; location: string; capacity: number }[],
};
const rec = (result: MaintenanceRecordInput['result'], extra: Partial<MaintenanceRecordInput> = {}) => ({
  systemId: power.id,
  facilityId: box.id,
  facilityName: box.name,
  location: '一层配电室',
  result,
  note: '',
  photoFileIds: [],
  operatorName: '操作员1',
  ...extra,
});
// 2022-04-08 18:07:43 Beijing = 10:07:43 UTC
const fault = (over: Partial<MaintenanceFaultInput> = {}): MaintenanceFaultInput => ({
  id: 1,
  systemId: power.id,
  facilityName: box.name,
  location: '一层配电室',
  lineText: 'b. 试验主、备电自动切换功能',
  description: '自动切换功能不正常',
  foundAt: '2022-04-08T10:00:00Z',
  resolvedAt: null,
  statusLabel: '排查中',
  events: [
    { at: '2022-04-08T10:10:14Z', text: '由操作员1排查中' },
    { at: '2022-04-08T10:07:43Z', text: '与业主协商中' },
    { at: '2022-05-02T02:00:00Z', text: '由操作员1维修中' },
  ],
  ...over,
});

describe('maintenance report rules', () => {
  const base = {
    month: '2022-04',
    today: '2022-05-03',
    contractStart: '2021-04-25',
    contractEnd: '2022-04-24',
    firstMonth: '2021-05',
    lastMonth: '2022-04',
    plans: [{ name: '2022年4月月计划', dispatched: 3, submitted: 3, approved: 3 }],
    tasks: [{ name: '任务1', submittedAt: '2022-04-30T15:59:59Z' }],
  };
  it('allows a complete, approved month whose tasks were submitted by its last day 23:59:59 Beijing', () => {
    expect(checkMaintenanceReportGeneration(base)).toEqual({ ok: true });
  });
  it('refuses a task submitted after the month (Beijing midnight)', () => {
    const r = checkMaintenanceReportGeneration({
      ...base,
      tasks: [{ name: '任务1', submittedAt: '2022-04-30T16:00:00Z' }],
    });
    expect(r).toMatchObject({ ok: false, field: 'tasks' });
    expect(!r.ok && r.message).toContain('2022年05月01日 00:00:00');
    expect(!r.ok && r.message).toContain('2022年04月30日 23:59:59');
  });
  it('refuses incomplete or unapproved plans and a month without dispatched plans', () => {
    expect(
      checkMaintenanceReportGeneration({
        ...base,
        plans: [{ name: '月计划', dispatched: 3, submitted: 2, approved: 2 }],
      }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('还有1项设施未提交') });
    expect(
      checkMaintenanceReportGeneration({
        ...base,
        plans: [{ name: '月计划', dispatched: 3, submitted: 3, approved: 1 }],
      }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('尚未审核通过') });
    expect(checkMaintenanceReportGeneration({ ...base, plans: [] })).toMatchObject({
      ok: false,
      message: '2022年4月没有下发的维保计划，不能生成维保报告',
    });
  });
  it('refuses months outside the contract, the maintenance months, or not begun', () => {
    expect(checkMaintenanceReportGeneration({ ...base, month: '2022-05' })).toMatchObject({
      ok: false,
      field: 'month',
      message: expect.stringContaining('不在合同期限'),
    });
    expect(checkMaintenanceReportGeneration({ ...base, month: '2021-04' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('维保月份'),
    });
    expect(checkMaintenanceReportGeneration({ ...base, today: '2022-03-31' })).toMatchObject({
      ok: false,
      message: '2022年4月尚未开始，不能生成该月的维保报告',
    });
  });
  it('keeps an open fault in every later month until it is resolved, and the month of 解决', () => {
    const f = { foundAt: '2022-04-08T10:00:00Z', resolvedAt: null };
    expect(faultInMonth(f, '2022-03')).toBe(false);
    expect(faultInMonth(f, '2022-04')).toBe(true);
    expect(faultInMonth(f, '2022-06')).toBe(true);
    const resolved = { ...f, resolvedAt: '2022-05-10T00:00:00Z' };
    expect(faultInMonth(resolved, '2022-05')).toBe(true);
    expect(faultInMonth(resolved, '2022-06')).toBe(false);
    expect(beijingMonthEnd('2022-04').toISOString()).toBe('2022-04-30T16:00:00.000Z');
    expect(beijingDateTimeText('2022-04-08T10:07:43Z')).toBe('2022年04月08日 18:07:43');
  });
});

describe('assembleMaintenanceReport', () => {
  const build = (month = '2022-04', over: Partial<Parameters<typeof assembleMaintenanceReport>[0]> = {}) =>
    assembleMaintenanceReport({
      header: { ...header, month },
      systems,
      projectFacilityIds: [box.id],
      buildings: [building],
      records: [
        rec('conforming'),
        rec('nonconforming', { note: '切换失败', photoFileIds: [7] }),
        rec('not_applicable'),
      ],
      faults: [fault()],
      ...over,
    });

  it('ticks the systems in scope among all 21 and sums the month', () => {
    const d = build();
    expect(d.scope).toHaveLength(21);
    expect(d.scope.filter((s) => s.inScope).map((s) => s.name)).toEqual(['消防供电配电']);
    expect(d.summary).toEqual({ facilities: 1, lines: 3, conforming: 1, nonconforming: 1, notApplicable: 1 });
    expect(d.attachments).toEqual([
      { facility: box.name, location: '一层配电室', text: '切换失败', photoFileIds: [7] },
    ]);
    expect(d.fieldStaff).toEqual(['操作员1']);
    expect(buildingOverviewText(d)).toContain('总建筑面积2000平米。 1、1、2号楼，建筑面积2000平米。地上6层');
    expect(keyPartsText(d)).toBe('无消防水池和消防水箱。');
  });

  it('prints the fault with its dated timeline up to the month end, in Beijing time', () => {
    const d = build();
    expect(d.faults).toHaveLength(1);
    expect(d.faults[0]!.timeline).toEqual([
      { at: '2022年04月08日 18:07:43', text: '与业主协商中' },
      { at: '2022年04月08日 18:10:14', text: '由操作员1排查中' },
    ]);
    expect(d.faults[0]!.carriedOver).toBe(false);
    const text = faultRecordText(d).join('\n');
    expect(text).toContain('04月故障记录：排查中的故障有1项');
    expect(text).toContain(
      '后续处理：2022年04月08日 18:07:43 与业主协商中。2022年04月08日 18:10:14 由操作员1排查中。',
    );
  });

  it('carries an open fault into the next month and drops it after the month of 解决', () => {
    const may = build('2022-05', { records: [] });
    expect(may.faults[0]).toMatchObject({ carriedOver: true, statusLabel: '维修中' });
    expect(may.faults[0]!.timeline.at(-1)).toEqual({
      at: '2022年05月02日 10:00:00',
      text: '由操作员1维修中',
    });
    const resolved = fault({
      resolvedAt: '2022-05-20T01:00:00Z',
      events: [...fault().events, { at: '2022-05-20T01:00:00Z', text: '由操作员1解决' }],
    });
    expect(build('2022-05', { faults: [resolved] }).faults[0]!.statusLabel).toBe('已解决');
    expect(build('2022-06', { faults: [resolved] }).faults).toEqual([]);
    expect(build('2022-06', { faults: [resolved] }).faultSummary).toBe('本月无故障');
  });

  it('lists the water tanks and pools as key parts', () => {
    const d = build('2022-04', {
      buildings: [{ ...building, waterSupplies: [{ kind: 'fire_tank', location: '屋顶', capacity: 18 }] }],
    });
    expect(keyPartsText(d)).toBe('■消防水箱设置位置：屋顶 容量：18 m³');
  });
});
