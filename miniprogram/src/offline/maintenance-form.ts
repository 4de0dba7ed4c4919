import type { CheckPrompt } from '@xf/domain/catalog/types';
import {
  AUTO_NOT_APPLICABLE_REASONS,
  finalPromptId,
  judgeMaintenanceLine,
  maintenanceConformityLabels,
  NOT_CHECKABLE_REASONS,
  notCheckableReasonLabels,
  type MaintenanceLineEntry,
} from '@xf/domain/rules/maintenance-line';
import type {
  LineConformity,
  LocalMaintenanceLine,
  LocalMaintenanceRecord,
  MismatchEntry,
  NotCheckableReason,
} from './maintenance-types';

/**
 * The recording form of one content line (manual §03 APP记录测试结果), as pure rules: 能检查 → every prompt answered
 * and 测试结果是否符合测试要求 符合/不符合; 不能检查 → a reason: 消防设施与当前测试规范不匹配 (test item name, facility
 * location, process, result, and the operator's judgment), 不具备测试条件 (an explanation and a photo of the client's
 * signature), 不在合同范围内, 现场无此设备 (the last three judged 不适用 automatically).
 */

export { NOT_CHECKABLE_REASONS };
export const NOT_CHECKABLE_REASON_LABELS = notCheckableReasonLabels;
export const CONFORMITY_LABELS: Record<LineConformity, string> = maintenanceConformityLabels;

export const MISMATCH_FIELD_LABELS: Record<keyof MismatchEntry, string> = {
  itemName: '测试项名称',
  location: '设施位置',
  process: '测试过程',
  result: '测试结果',
};

export const FINAL_PROMPT_TEXT = '测试结果是否符合测试要求';
const MAX_TEXT = 500;

const finalId = (line: LocalMaintenanceLine) => finalPromptId(line.lineId);

/** The prompts the operator answers before the final 测试结果是否符合测试要求. */
export const checkPrompts = (line: LocalMaintenanceLine): CheckPrompt[] =>
  line.prompts.filter((p) => p.id !== finalId(line));

/** Reasons the system judges 不适用 by itself. */
export const judgedNotApplicable = (reason: NotCheckableReason | null): boolean =>
  !!reason && AUTO_NOT_APPLICABLE_REASONS.includes(reason);

/** What the answers to the prompts say (every one conforming → 符合), or null while one is unanswered. */
export function prejudged(
  line: LocalMaintenanceLine,
  answers: Record<string, string>,
): 'conforming' | 'nonconforming' | null {
  const prompts = checkPrompts(line);
  if (prompts.some((p) => !answers[p.id])) return null;
  return prompts.every((p) => !p.conformingOption || answers[p.id] === p.conformingOption)
    ? 'conforming'
    : 'nonconforming';
}

/** The line's result: 符合 / 不符合 / 不适用, or null while not decided. */
export function conformityOf(
  r: Pick<LocalMaintenanceRecord, 'checkable' | 'reason' | 'conformity'>,
): LineConformity | null {
  if (r.checkable === true) return r.conformity;
  if (r.checkable === false) {
    if (r.reason === 'standard_mismatch') return r.conformity;
    if (judgedNotApplicable(r.reason)) return 'not_applicable';
  }
  return null;
}

/** The final answer differs from what the prompts' answers say (shown to the operator as a warning). */
export function isPrejudgeMismatch(line: LocalMaintenanceLine, r: LocalMaintenanceRecord): boolean {
  if (r.checkable !== true || !r.conformity) return false;
  const expected = prejudged(line, r.answers);
  return !!expected && expected !== r.conformity;
}

/** The line result as the server's rule reads it (only the chosen side; a photo on the phone counts as sent). */
export function lineEntry(r: LocalMaintenanceRecord): MaintenanceLineEntry {
  const notCheckable = r.checkable === false;
  const conformity = conformityOf(r) ?? undefined;
  return {
    checkable: r.checkable === true,
    answers: r.checkable ? r.answers : {},
    conformity,
    notCheckableReason: notCheckable ? (r.reason ?? undefined) : undefined,
    mismatch: notCheckable && r.reason === 'standard_mismatch' ? r.mismatch : undefined,
    explanation: notCheckable && r.reason === 'no_conditions' ? r.explanation : undefined,
    signaturePhotoFileId:
      notCheckable &&
      r.reason === 'no_conditions' &&
      (r.signaturePhotoClientIds.length || r.remoteSignatureFileId)
        ? (r.remoteSignatureFileId ?? 1)
        : undefined,
  };
}

/**
 * Why this line's record cannot be submitted yet, or null when it is complete: the server's own rule
 * (`judgeMaintenanceLine`, domain/src/rules/maintenance-line.ts), plus the text lengths of the wire schema.
 */
export function lineProblem(
  line: LocalMaintenanceLine,
  r: LocalMaintenanceRecord | undefined,
): string | null {
  if (!r || r.checkable === null) return '请选择能检查或不能检查';
  if (r.note.length > MAX_TEXT) return `补充说明：不能超过${MAX_TEXT}个字符`;
  if (r.checkable === false && r.reason === 'no_conditions' && r.explanation.length > MAX_TEXT)
    return `说明：不能超过${MAX_TEXT}个字符`;
  if (r.checkable === false && r.reason === 'standard_mismatch') {
    for (const key of Object.keys(MISMATCH_FIELD_LABELS) as (keyof MismatchEntry)[]) {
      const max = key === 'itemName' || key === 'location' ? 100 : 1000;
      if (r.mismatch[key].length > max) return `${MISMATCH_FIELD_LABELS[key]}：不能超过${max}个字符`;
    }
  }
  const judged = judgeMaintenanceLine(lineEntry(r), { id: line.lineId, prompts: line.prompts });
  return judged.ok ? null : judged.message;
}

/** A change the form makes; undefined fields stay as they are. */
export interface LineChange {
  checkable?: boolean;
  answer?: { promptId: string; option: string };
  conformity?: 'conforming' | 'nonconforming';
  reason?: NotCheckableReason;
  mismatch?: Partial<MismatchEntry>;
  explanation?: string;
  note?: string;
}

/**
 * Applies one form change to a record (pure). Answering the last open prompt fills 测试结果是否符合测试要求 with what
 * the answers say, unless the operator already chose it; the operator may still change it. Switching between
 * 能检查 and 不能检查 keeps what was entered on the other side on the phone, but only the chosen side is sent.
 */
export function applyLineChange(
  line: LocalMaintenanceLine,
  record: LocalMaintenanceRecord,
  change: LineChange,
): LocalMaintenanceRecord {
  const next: LocalMaintenanceRecord = {
    ...record,
    answers: { ...record.answers },
    mismatch: { ...record.mismatch, ...(change.mismatch ?? {}) },
  };
  if (change.checkable !== undefined && change.checkable !== record.checkable) {
    next.checkable = change.checkable;
    // The judgment belongs to the side it was made on.
    next.conformity = change.checkable ? prejudged(line, next.answers) : null;
  }
  if (change.reason !== undefined && change.reason !== record.reason) {
    next.reason = change.reason;
    if (!record.checkable) next.conformity = null;
  }
  if (change.conformity !== undefined) next.conformity = change.conformity;
  if (change.explanation !== undefined) next.explanation = change.explanation;
  if (change.note !== undefined) next.note = change.note;
  if (change.answer) {
    const prompt = checkPrompts(line).find((p) => p.id === change.answer!.promptId);
    if (!prompt) throw new Error('检查提示不属于该维保内容');
    if (!prompt.options.includes(change.answer.option))
      throw new Error(`“${prompt.text}”只能回答${prompt.options.join('或')}`);
    next.answers[prompt.id] = change.answer.option;
    if (!next.conformity) next.conformity = prejudged(line, next.answers);
  }
  return next;
}

/** An empty record for a line of a facility instance (nothing chosen yet). */
export function emptyLineRecord(
  at: Pick<
    LocalMaintenanceRecord,
    'clientId' | 'taskClientId' | 'slot' | 'facilityId' | 'instance' | 'lineId'
  >,
): LocalMaintenanceRecord {
  return {
    ...at,
    checkable: null,
    answers: {},
    conformity: null,
    reason: null,
    mismatch: { itemName: '', location: '', process: '', result: '' },
    explanation: '',
    signaturePhotoClientIds: [],
    note: '',
    photoClientIds: [],
    videoClientIds: [],
    recordedAt: new Date().toISOString(),
  };
}

/** The files a record uploads before the submission: the signature (不具备测试条件 only), the "+" photos and videos. */
export const recordPhotoIds = (r: LocalMaintenanceRecord): string[] => [
  ...(r.checkable === false && r.reason === 'no_conditions' ? r.signaturePhotoClientIds.slice(0, 1) : []),
  ...r.photoClientIds,
  ...(r.videoClientIds ?? []),
];

/** Every blob a record keeps on the phone (removed with it). */
export const recordBlobIds = (r: LocalMaintenanceRecord): string[] => [
  ...r.photoClientIds,
  ...r.signaturePhotoClientIds,
  ...(r.videoClientIds ?? []),
];
