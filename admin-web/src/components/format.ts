import dayjs from 'dayjs';
import { ACCOUNT_KIND_LABELS, type AccountKind } from '../api/types';

export const fmtDate = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY年MM月DD日') : '');
export const fmtDateTime = (v: string | null | undefined) =>
  v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : '';

/** A certificate whose validity ended before today. */
export const isExpired = (validTo: string | null | undefined) =>
  Boolean(validTo && dayjs(validTo).isBefore(dayjs(), 'day'));

export const kindLabel = (kind: AccountKind | null | undefined, label?: string) =>
  label ?? (kind ? ACCOUNT_KIND_LABELS[kind] : '');

export const CHANGE_LABELS: Record<string, { text: string; color: string }> = {
  joined: { text: '加入', color: 'green' },
  changed: { text: '变更', color: 'blue' },
  left: { text: '离开', color: 'red' },
};

export const COMPLIANCE_LABELS: Record<string, { text: string; color: string }> = {
  compliant: { text: '符合从业条件', color: 'success' },
  noncompliant: { text: '不符合从业条件', color: 'error' },
  unchecked: { text: '未核查', color: 'default' },
};
