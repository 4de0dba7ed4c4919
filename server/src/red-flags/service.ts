import type { RedFlagView } from '@xf/domain';
import { isoTime, isoTimeOrNull } from '../core/time';
import { Op, type Transaction } from 'sequelize';
import { RedFlag } from './model';
import { now as clockNow } from '../core/clock';

/** Kinds of red flag (跟踪标红); later modules add theirs here so the list and labels stay in one place. */
export const redFlagKindLabels: Record<string, string> = {
  staff_churn: '人员频繁变动',
  person_multiple_institutions: '人员在多个机构',
  institution_noncompliant: '机构不符合从业条件',
  geofence_moved: '项目地理围栏异常变动',
  judgment_mismatch: '判定结果与标准不符',
  forced_override: '强行修改判定',
  location_mock_unknown: '无法判断是否模拟定位',
};

export interface RaiseInput {
  kind: string;
  subjectType: string;
  subjectId: number;
  subjectName: string;
  institutionId?: number | null;
  reason: string;
  details?: object;
}

/** Raise a flag unless the same one is still open; returns the open flag either way. */
export async function raiseRedFlag(input: RaiseInput, t?: Transaction): Promise<RedFlag> {
  const open = await RedFlag.findOne({
    where: { kind: input.kind, subjectType: input.subjectType, subjectId: input.subjectId, clearedAt: null },
    transaction: t,
  });
  if (open) {
    if (open.reason !== input.reason)
      await open.update({ reason: input.reason, details: input.details ?? null }, { transaction: t });
    return open;
  }
  return RedFlag.create(
    {
      ...input,
      institutionId: input.institutionId ?? null,
      details: input.details ?? null,
      raisedAt: clockNow(),
    },
    { transaction: t },
  );
}

/** Clear open flags of a kind on a subject (the anomaly is gone). */
export async function clearRedFlags(kind: string, subjectType: string, subjectId: number, t?: Transaction) {
  const [n] = await RedFlag.update(
    { clearedAt: clockNow() },
    { where: { kind, subjectType, subjectId, clearedAt: { [Op.is]: null } }, transaction: t },
  );
  return n;
}

export function presentRedFlag(f: RedFlag): RedFlagView {
  return {
    id: f.id,
    kind: f.kind,
    kindLabel: redFlagKindLabels[f.kind] ?? f.kind,
    subjectType: f.subjectType,
    subjectId: f.subjectId,
    subjectName: f.subjectName,
    institutionId: f.institutionId,
    reason: f.reason,
    details: f.details,
    raisedAt: isoTime(f.raisedAt),
    clearedAt: isoTimeOrNull(f.clearedAt),
    open: !f.clearedAt,
  };
}
