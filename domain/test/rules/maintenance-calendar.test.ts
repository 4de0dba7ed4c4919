import { describe, expect, it } from 'vitest';
import {
  checkMaintenanceMonths,
  checkMaintenanceYearPlans,
  checkMaintenanceYears,
  checkMonthlyReportTasks,
  checkPlanCreationMonth,
  checkPlanCreationNow,
  type PlanRef,
} from '../../src/rules/maintenance-calendar';

const contract = { contractStart: '2021-04-25', contractEnd: '2022-04-24' };

describe('checkMaintenanceMonths (manual example 2021-04-25 – 2022-04-24)', () => {
  it('allows 2021-04…2022-03 and 2021-05…2022-04', () => {
    expect(checkMaintenanceMonths({ ...contract, firstMonth: '2021-04', lastMonth: '2022-03' })).toEqual({
      ok: true,
    });
    expect(checkMaintenanceMonths({ ...contract, firstMonth: '2021-05', lastMonth: '2022-04' })).toEqual({
      ok: true,
    });
    expect(checkMaintenanceMonths({ ...contract, firstMonth: '2021-06', lastMonth: '2021-11' })).toEqual({
      ok: true,
    });
  });

  it('refuses 13 months (2021-04…2022-04)', () => {
    const r = checkMaintenanceMonths({ ...contract, firstMonth: '2021-04', lastMonth: '2022-04' });
    expect(r).toMatchObject({ ok: false, field: 'lastMonth' });
    expect(!r.ok && r.message).toContain('超过合同期限的12个月');
  });

  it('refuses months outside the contract', () => {
    expect(
      checkMaintenanceMonths({ ...contract, firstMonth: '2021-03', lastMonth: '2022-02' }),
    ).toMatchObject({
      ok: false,
      field: 'firstMonth',
    });
    expect(
      checkMaintenanceMonths({ ...contract, firstMonth: '2021-06', lastMonth: '2022-05' }),
    ).toMatchObject({
      ok: false,
      field: 'lastMonth',
    });
  });

  it('refuses reversed or malformed input', () => {
    expect(
      checkMaintenanceMonths({ ...contract, firstMonth: '2021-08', lastMonth: '2021-07' }),
    ).toMatchObject({
      ok: false,
      field: 'lastMonth',
    });
    expect(
      checkMaintenanceMonths({ ...contract, firstMonth: '2021/04', lastMonth: '2021-07' }),
    ).toMatchObject({
      ok: false,
      field: 'firstMonth',
    });
    expect(
      checkMaintenanceMonths({
        contractStart: '2022-01-01',
        contractEnd: '2021-01-01',
        firstMonth: '2021-04',
        lastMonth: '2021-05',
      }),
    ).toMatchObject({ ok: false, field: 'contractEnd' });
  });
});

describe('checkPlanCreationMonth', () => {
  it('allows a plan for the current month only', () => {
    expect(checkPlanCreationMonth({ planMonth: '2022-04', today: '2022-04-30' })).toEqual({ ok: true });
    const r = checkPlanCreationMonth({ planMonth: '2022-05', today: '2022-04-30' });
    expect(r).toMatchObject({ ok: false, field: 'planMonth' });
    expect(!r.ok && r.message).toContain('只能创建当月的计划');
    expect(checkPlanCreationMonth({ planMonth: '2022-03', today: '2022-04-01' }).ok).toBe(false);
  });

  it('refuses a month outside the maintenance months', () => {
    expect(
      checkPlanCreationMonth({
        planMonth: '2022-04',
        today: '2022-04-02',
        firstMonth: '2022-05',
        lastMonth: '2023-04',
      }),
    ).toMatchObject({
      ok: false,
      field: 'planMonth',
    });
    expect(
      checkPlanCreationMonth({
        planMonth: '2023-05',
        today: '2023-05-02',
        firstMonth: '2022-05',
        lastMonth: '2023-04',
      }).ok,
    ).toBe(false);
    expect(
      checkPlanCreationMonth({
        planMonth: '2022-05',
        today: '2022-05-02',
        firstMonth: '2022-05',
        lastMonth: '2023-04',
      }).ok,
    ).toBe(true);
  });

  it('uses Beijing time for the current instant', () => {
    // 2022-04-30T16:00Z is already 2022-05-01 in Beijing.
    expect(checkPlanCreationNow('2022-05', new Date('2022-04-30T16:00:00Z')).ok).toBe(true);
    expect(checkPlanCreationNow('2022-04', new Date('2022-04-30T16:00:00Z')).ok).toBe(false);
  });
});

describe('maintenance year plans (≥3 quarterly and 1 annual per year)', () => {
  const range = { firstMonth: '2022-01', lastMonth: '2022-12' };
  const monthly = (m: string): PlanRef => ({ kind: 'month', month: m });
  const good: PlanRef[] = [
    monthly('2022-01'),
    monthly('2022-02'),
    { kind: 'quarter', month: '2022-03' },
    monthly('2022-04'),
    monthly('2022-05'),
    { kind: 'quarter', month: '2022-06' },
    monthly('2022-07'),
    monthly('2022-08'),
    { kind: 'quarter', month: '2022-09' },
    monthly('2022-10'),
    monthly('2022-11'),
    { kind: 'year', month: '2022-12' },
  ];

  it('allows a year with 3 quarterly plans and 1 annual plan', () => {
    expect(checkMaintenanceYearPlans(good, range)).toEqual({ ok: true });
    expect(checkMaintenanceYears(good, range)[0]).toMatchObject({
      monthly: 8,
      quarterly: 3,
      annual: 1,
      status: 'satisfied',
    });
  });

  it('refuses a year missing its annual plan', () => {
    const plans = good.map((p) => (p.kind === 'year' ? monthly(p.month) : p));
    const r = checkMaintenanceYearPlans(plans, range);
    expect(r).toMatchObject({ ok: false, field: 'plans' });
    expect(!r.ok && r.message).toContain('年计划至少1个，现有0个');
  });

  it('refuses a year with only 2 quarterly plans', () => {
    const plans = good.map((p) => (p.month === '2022-06' ? monthly(p.month) : p));
    const r = checkMaintenanceYearPlans(plans, range);
    expect(!r.ok && r.message).toContain('季计划至少3个，现有2个');
  });

  it('treats an unfinished year as in progress, not missing', () => {
    const early = good.slice(0, 4);
    expect(checkMaintenanceYearPlans(early, { ...range, asOfMonth: '2022-04' })).toEqual({ ok: true });
    expect(checkMaintenanceYears(early, { ...range, asOfMonth: '2022-04' })[0]!.status).toBe('in_progress');
    expect(checkMaintenanceYearPlans(early, { ...range, asOfMonth: '2022-12' }).ok).toBe(false);
  });

  it('splits a longer project into 12-month years and checks a short last year by whole quarters', () => {
    const second: PlanRef[] = [
      { kind: 'quarter', month: '2023-03' },
      { kind: 'month', month: '2023-04' },
    ];
    const years = checkMaintenanceYears([...good, ...second], {
      firstMonth: '2022-01',
      lastMonth: '2023-04',
    });
    expect(years).toHaveLength(2);
    expect(years[1]).toMatchObject({
      firstMonth: '2023-01',
      lastMonth: '2023-04',
      months: 4,
      requiredQuarterly: 1,
      requiredAnnual: 0,
      status: 'satisfied',
    });
    const missing = checkMaintenanceYears(good, { firstMonth: '2022-01', lastMonth: '2023-04' });
    expect(missing[1]!.status).toBe('missing');
  });

  it('refuses a plan outside the maintenance months', () => {
    expect(checkMaintenanceYearPlans([...good, monthly('2023-01')], range)).toMatchObject({
      ok: false,
      field: 'plans[12].month',
    });
  });
});

describe('checkMonthlyReportTasks', () => {
  it('allows tasks submitted up to the last day of the report month', () => {
    expect(
      checkMonthlyReportTasks('2022-02', [
        { id: 1, submittedOn: '2022-02-01' },
        { id: 2, submittedOn: '2022-02-28 23:59:59' },
        { id: 3, submittedOn: '2022-01-20' },
      ]),
    ).toEqual({ ok: true });
  });

  it('refuses a task submitted after the report month', () => {
    const r = checkMonthlyReportTasks('2022-02', [
      { id: 1, submittedOn: '2022-02-10' },
      { id: 7, submittedOn: '2022-03-01' },
    ]);
    expect(r).toMatchObject({ ok: false, field: 'tasks[1].submittedOn' });
    expect(!r.ok && r.message).toContain('2022-02-28');
  });

  it('refuses an empty selection and bad dates', () => {
    expect(checkMonthlyReportTasks('2022-02', [])).toMatchObject({ ok: false, field: 'tasks' });
    expect(checkMonthlyReportTasks('2022-02', [{ id: 1, submittedOn: '2022-02-30' }])).toMatchObject({
      ok: false,
    });
    expect(checkMonthlyReportTasks('2022-13', [{ id: 1, submittedOn: '2022-02-03' }])).toMatchObject({
      ok: false,
      field: 'reportMonth',
    });
  });
});
