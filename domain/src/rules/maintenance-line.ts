import type { CheckPrompt } from '../catalog/types';
import { refused, type RuleRefusal } from './result';

/**
 * 维保内容的记录规则 (manual §03 APP记录测试结果): one result of one content line of one facility.
 *
 * - 能检查: every prompt of the line answered with one of its two options (e.g. 能/不能, 正常/不正常), and the
 *   final prompt 测试结果是否符合测试要求 answered 符合 or 不符合 (`conformity`).
 * - 不能检查, with its reason:
 *   - 消防设施与当前测试规范不匹配: the operator enters the test item name, the facility location, the process and
 *     the result per the applicable standard, and judges it 符合/不符合 (如实填写和判断);
 *   - 不具备测试条件: an explanation and a photo of the client's signature (甲方签字) are required;
 *   - 不具备测试条件, 不在合同范围内, 现场无此设备: judged 不适用 by the system (系统自动判断成不适用); a different
 *     judgment sent by the device is refused.
 */
export const MAINTENANCE_CONFORMITIES = ['conforming', 'nonconforming', 'not_applicable'] as const;
export type MaintenanceConformity = (typeof MAINTENANCE_CONFORMITIES)[number];
export const maintenanceConformityLabels: Record<MaintenanceConformity, string> = {
  conforming: '符合',
  nonconforming: '不符合',
  not_applicable: '不适用',
};

export const NOT_CHECKABLE_REASONS = [
  'standard_mismatch',
  'no_conditions',
  'out_of_contract',
  'not_present',
] as const;
export type NotCheckableReason = (typeof NOT_CHECKABLE_REASONS)[number];
export const notCheckableReasonLabels: Record<NotCheckableReason, string> = {
  standard_mismatch: '消防设施与当前测试规范不匹配',
  no_conditions: '不具备测试条件',
  out_of_contract: '不在合同范围内',
  not_present: '现场无此设备',
};

/** The reasons the system judges 不适用 by itself. */
export const AUTO_NOT_APPLICABLE_REASONS: readonly NotCheckableReason[] = [
  'no_conditions',
  'out_of_contract',
  'not_present',
];

/** The id of a line's final prompt 测试结果是否符合测试要求 (its answer is `conformity`, not one of `answers`). */
export const finalPromptId = (lineId: string) => `${lineId}.result`;

/** What the operator entered for a line (the shape of the submission's line result, field for field). */
export interface MaintenanceLineEntry {
  checkable: boolean;
  answers: Record<string, string>;
  conformity?: MaintenanceConformity | undefined;
  notCheckableReason?: NotCheckableReason | undefined;
  mismatch?: { itemName: string; location: string; process: string; result: string } | undefined;
  explanation?: string | undefined;
  signaturePhotoFileId?: number | undefined;
}

export type MaintenanceLineJudgment = { ok: true; conformity: MaintenanceConformity } | RuleRefusal;

/**
 * Judges one line result against the line's prompts: the conformity to store, or the first refused field
 * (a path inside the entry, e.g. `answers.M.01.0.01.a.1`, `signaturePhotoFileId`) with the rule in Chinese.
 */
export function judgeMaintenanceLine(
  entry: MaintenanceLineEntry,
  line: { id: string; prompts: readonly CheckPrompt[] },
): MaintenanceLineJudgment {
  const finalId = finalPromptId(line.id);
  const prompts = line.prompts.filter((p) => p.id !== finalId);
  if (entry.checkable) {
    if (entry.notCheckableReason) return refused('notCheckableReason', '能检查时不能填写不能检查原因');
    const known = new Set(prompts.map((p) => p.id));
    for (const id of Object.keys(entry.answers))
      if (!known.has(id)) return refused(`answers.${id}`, `检查提示“${id}”不属于该维保内容`);
    for (const p of prompts) {
      const answer = entry.answers[p.id];
      if (answer === undefined || answer === '') return refused(`answers.${p.id}`, `请回答“${p.text}”`);
      if (!p.options.includes(answer))
        return refused(`answers.${p.id}`, `“${p.text}”只能回答${p.options.join('或')}`);
    }
    return judged(entry.conformity);
  }
  const reason = entry.notCheckableReason;
  if (!reason) return refused('notCheckableReason', '不能检查时请选择不能检查原因');
  if (Object.keys(entry.answers).length) return refused('answers', '不能检查时不能回答检查提示');
  if (reason === 'standard_mismatch') {
    const m = entry.mismatch;
    if (!m)
      return refused(
        'mismatch',
        '消防设施与当前测试规范不匹配时，请填写测试项名称、设施位置、测试过程和结果',
      );
    const fields = [
      ['itemName', '测试项名称'],
      ['location', '设施位置'],
      ['process', '测试过程'],
      ['result', '测试结果'],
    ] as const;
    for (const [key, label] of fields)
      if (!m[key].trim()) return refused(`mismatch.${key}`, `请按适用的标准规范填写${label}`);
    return judged(entry.conformity);
  }
  if (reason === 'no_conditions') {
    if (!entry.explanation?.trim()) return refused('explanation', '不具备测试条件时，需要说明原因');
    if (!entry.signaturePhotoFileId)
      return refused('signaturePhotoFileId', '不具备测试条件时，需要拍照甲方签字上传');
  }
  if (entry.conformity && entry.conformity !== 'not_applicable')
    return refused(
      'conformity',
      `${notCheckableReasonLabels[reason]}时系统自动判断为不适用，不能判断为${maintenanceConformityLabels[entry.conformity]}`,
    );
  return { ok: true, conformity: 'not_applicable' };
}

function judged(conformity: MaintenanceConformity | undefined): MaintenanceLineJudgment {
  if (conformity !== 'conforming' && conformity !== 'nonconforming')
    return refused('conformity', '请判断测试结果是否符合测试要求（符合或不符合）');
  return { ok: true, conformity };
}

/** Whether a stored result is a fault (故障): every 不符合 is one. */
export const isFaultResult = (conformity: MaintenanceConformity) => conformity === 'nonconforming';
