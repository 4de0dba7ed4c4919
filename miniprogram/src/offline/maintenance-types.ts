import type { CheckPrompt, MaintenancePeriod } from '@xf/domain/catalog/types';
import type { FieldTask } from './field-task';

/** One content line of a distributed facility, kept on the phone so recording needs no network. */
export interface LocalMaintenanceLine {
  lineId: string;
  letter: string;
  text: string;
  period: MaintenancePeriod;
  /** The line's prompts with their answer pairs; the last is 测试结果是否符合测试要求 (符合/不符合). */
  prompts: CheckPrompt[];
  conformityStandard: string;
}

/** One facility of the plan distributed to this operator (接收下发计划), with its content lines. */
export interface LocalMaintenanceFacility {
  facilityId: string;
  name: string;
  systemName: string;
  categoryName: string;
  lines: LocalMaintenanceLine[];
}

/**
 * A maintenance task on the phone: the chosen facilities with their content lines, how many of each kind were
 * recorded (添加下一个: instances 1…n), and its requests (start, submit, submission: field-task.ts).
 */
export interface LocalMaintenanceTask extends FieldTask {
  /** The dispatched plan the facilities come from (a task is built from one plan). */
  planId: number;
  planLabel: string;
  facilities: LocalMaintenanceFacility[];
  /** Facility instances per facilityId (1…n); 1 when not set. */
  instances: Record<string, number>;
  /** 设施位置 per facility instance, keyed `${facilityId}|${n}` (free text, may be empty). */
  locations: Record<string, string>;
  /**
   * 查询历史记录 → 修改: a task the lead rejected, brought back from the server to be corrected; it is submitted
   * again without a new 提交申请 (the corrected results replace the previous ones).
   */
  correction?: boolean;
}

import type { MaintenanceConformity, NotCheckableReason } from '@xf/domain/rules/maintenance-line';

export type { NotCheckableReason };
export type LineConformity = MaintenanceConformity;

/** 消防设施与当前测试规范不匹配: what the operator enters per the applicable standard. */
export interface MismatchEntry {
  itemName: string;
  location: string;
  process: string;
  result: string;
}

/**
 * The record of one content line of one facility instance, as the operator enters it, saved at every change;
 * the key (`clientId`) is its `idempotencyKey` and stays the same through every edit.
 */
export interface LocalMaintenanceRecord {
  clientId: string;
  taskClientId: string;
  /** `${taskClientId}|${facilityId}|${instance}|${lineId}`: one record per line and facility instance. */
  slot: string;
  facilityId: string;
  instance: number;
  lineId: string;
  /** 能检查 / 不能检查; null until chosen. */
  checkable: boolean | null;
  /** Answers per prompt id (能/不能, 正常/不正常 …), without the final prompt (its answer is `conformity`). */
  answers: Record<string, string>;
  /**
   * The operator's 测试结果是否符合测试要求 (能检查) or own judgment (消防设施与当前测试规范不匹配); the other reasons
   * are 不适用 by the system and keep null here.
   */
  conformity: 'conforming' | 'nonconforming' | null;
  reason: NotCheckableReason | null;
  mismatch: MismatchEntry;
  /** 不具备测试条件: why. */
  explanation: string;
  /** 不具备测试条件: the photo of the client's signature (at most one client id in `photos`). */
  signaturePhotoClientIds: string[];
  /** "+": text and photos (into the report). */
  note: string;
  photoClientIds: string[];
  /**
   * "+": videos recorded on the phone (kept with the record, not printed), their bytes in `photos` like a photo's;
   * absent on records saved before videos existed.
   */
  videoClientIds?: string[];
  /** A corrected task's photos already on the server (kept unless removed). */
  remotePhotoFileIds?: number[];
  /** A corrected task's videos already on the server. */
  remoteVideoFileIds?: number[];
  remoteSignatureFileId?: number;
  recordedAt: string;
}
