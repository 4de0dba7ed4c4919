import type { CheckPrompt } from '@xf/domain/catalog/types';
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

export const NOT_CHECKABLE_REASONS: NotCheckableReason[] = [
  'standard_mismatch',
  'no_conditions',
  'out_of_contract',
  'not_present',
];

export const NOT_CHECKABLE_REASON_LABELS: Record<NotCheckableReason, string> = {
  standard_mismatch: '消防设施与当前测试规范不匹配',
  no_conditions: '不具备测试条件',
  out_of_contract: '不在合同范围内',
  not_present: '现场无此设备',
};

export const CONFORMITY_LABELS: Record<LineConformity, string> = {
  conforming: '符合',
  nonconforming: '不符合',
  not_applicable: '不适用',
};

export const MISMATCH_FIELD_LABELS: Record<keyof MismatchEntry, string> = {
  itemName: '测试项名称',
  location: '设施位置',
  process: '测试过程',
  result: '测试结果',
};

export const FINAL_PROMPT_TEXT = '测试结果是否符合测试要求';
const MAX_TEXT = 500;

const finalId = (line: LocalMaintenanceLine) => `${line.lineId}.result`;

/** The prompts the operator answers before the final 测试结果是否符合测试要求. */
export const checkPrompts = (line: LocalMaintenanceLine): CheckPrompt[] =>
  line.prompts.filter((p) => p.id !== finalId(line));

/** Reasons the system judges 不适用 by itself. */
export const judgedNotApplicable = (reason: NotCheckableReason | null): boolean =>
  reason === 'no_conditions' || reason === 'out_of_contract' || reason === 'not_present';

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

/** Why this line's record cannot be submitted yet, or null when it is complete. Field names as the form shows. */
export function lineProblem(
  line: LocalMaintenanceLine,
  r: LocalMaintenanceRecord | undefined,
): string | null {
  if (!r || r.checkable === null) return '请选择能检查或不能检查';
  if (r.note.length > MAX_TEXT) return `补充说明：不能超过${MAX_TEXT}个字符`;
  if (r.checkable) {
    for (const p of checkPrompts(line)) {
      const a = r.answers[p.id];
      if (!a) return `请回答“${p.text}”`;
      if (!p.options.includes(a)) return `“${p.text}”只能回答${p.options.join('或')}`;
    }
    return r.conformity ? null : '请判断测试结果是否符合测试要求（符合或不符合）';
  }
  if (!r.reason) return '不能检查时请选择不能检查原因';
  if (r.reason === 'standard_mismatch') {
    for (const key of Object.keys(MISMATCH_FIELD_LABELS) as (keyof MismatchEntry)[]) {
      const v = r.mismatch[key].trim();
      if (!v) return `请按适用的标准规范填写${MISMATCH_FIELD_LABELS[key]}`;
      if (v.length > MAX_TEXT) return `${MISMATCH_FIELD_LABELS[key]}：不能超过${MAX_TEXT}个字符`;
    }
    return r.conformity ? null : '请判断测试结果是否符合测试要求（符合或不符合）';
  }
  if (r.reason === 'no_conditions') {
    if (!r.explanation.trim()) return '不具备测试条件时，需要说明原因';
    if (r.explanation.length > MAX_TEXT) return `不具备测试条件的原因：不能超过${MAX_TEXT}个字符`;
    if (!r.signaturePhotoClientIds.length && !r.remoteSignatureFileId)
      return '不具备测试条件时，需要拍照甲方签字上传';
  }
  return null;
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
    recordedAt: new Date().toISOString(),
  };
}

/** The photos a record sends: the signature (不具备测试条件 only) and the "+" photos. */
export const recordPhotoIds = (r: LocalMaintenanceRecord): string[] => [
  ...(r.checkable === false && r.reason === 'no_conditions' ? r.signaturePhotoClientIds.slice(0, 1) : []),
  ...r.photoClientIds,
];
