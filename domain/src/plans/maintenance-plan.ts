import type { CheckPrompt, MaintenancePeriod, StandardEdition } from '../catalog/types';
import { isValidMonth, type MonthString } from '../rules/dates';
import { refused, type RuleRefusal } from '../rules/result';
import {
  MAINTENANCE_PLAN_KINDS,
  planKindCoversPeriod,
  type MaintenancePlanKind,
} from './maintenance-plan-kinds';

export interface MaintenancePlanLine {
  /** The content line id; unique within a plan because line ids are unique within an edition. */
  lineId: string;
  letter: string;
  text: string;
  period: MaintenancePeriod;
  prompts: CheckPrompt[];
  conformityStandard: string;
}

export interface MaintenancePlanFacility {
  facilityId: string;
  name: string;
  categoryId: string;
  categoryName: string;
  lines: MaintenancePlanLine[];
}

export interface MaintenancePlanSystem {
  systemId: string;
  name: string;
  facilities: MaintenancePlanFacility[];
}

export interface MaintenancePlan {
  editionId: string;
  kind: MaintenancePlanKind;
  month: MonthString;
  systems: MaintenancePlanSystem[];
  /** Selected systems that have no line of a period this plan covers (e.g. only annual lines in a monthly plan). */
  systemsWithoutLines: string[];
  lineCount: number;
}

export type MaintenancePlanResult = { ok: true; plan: MaintenancePlan } | RuleRefusal;

/**
 * The content of a monthly, quarterly or annual plan: every content line of the selected systems
 * (by name or id) whose period the plan kind covers; facilities without such lines are left out.
 */
export function generateMaintenancePlan(
  edition: StandardEdition,
  input: { kind: MaintenancePlanKind; month: MonthString; systems: readonly string[] },
): MaintenancePlanResult {
  if (!MAINTENANCE_PLAN_KINDS.includes(input.kind))
    return refused('kind', '计划类别应为月计划、季计划或年计划');
  if (!isValidMonth(input.month)) return refused('month', '计划月份格式应为YYYY-MM');
  const wanted = [...new Set(input.systems.map((s) => s.trim()).filter(Boolean))];
  if (wanted.length === 0) return refused('systems', '请先选择合同约定需要维保的消防系统');
  const unknown = wanted.filter((w) => !edition.maintenance.some((s) => s.name === w || s.id === w));
  if (unknown.length) return refused('systems', `“${unknown.join('、')}”不是本标准版本中的消防系统`);

  let lineCount = 0;
  const systems: MaintenancePlanSystem[] = [];
  const systemsWithoutLines: string[] = [];
  for (const system of edition.maintenance) {
    if (!wanted.includes(system.name) && !wanted.includes(system.id)) continue;
    const facilities: MaintenancePlanFacility[] = [];
    for (const category of system.categories) {
      for (const facility of category.facilities) {
        const lines = facility.lines
          .filter((l) => planKindCoversPeriod(input.kind, l.period))
          .map((l) => ({
            lineId: l.id,
            letter: l.letter,
            text: l.text,
            period: l.period,
            prompts: l.prompts,
            conformityStandard: l.conformityStandard,
          }));
        if (lines.length === 0) continue;
        lineCount += lines.length;
        facilities.push({
          facilityId: facility.id,
          name: facility.name,
          categoryId: category.id,
          categoryName: category.name,
          lines,
        });
      }
    }
    if (facilities.length) systems.push({ systemId: system.id, name: system.name, facilities });
    else systemsWithoutLines.push(system.name);
  }
  return {
    ok: true,
    plan: {
      editionId: edition.id,
      kind: input.kind,
      month: input.month,
      systems,
      systemsWithoutLines,
      lineCount,
    },
  };
}

export function maintenancePlanLineIds(plan: MaintenancePlan): string[] {
  return plan.systems.flatMap((s) => s.facilities.flatMap((f) => f.lines.map((l) => l.lineId)));
}
