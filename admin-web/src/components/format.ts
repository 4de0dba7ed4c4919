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

/**
 * Chinese names of the registry record fields a registry import reports as changed (the server sends
 * the record keys; the names follow the import workbook's column headers).
 */
export const REGISTRY_FIELD_LABELS: Record<string, string> = {
  uscc: '统一社会信用代码',
  name: '名称',
  registeredAddress: '工商注册地址',
  province: '省',
  city: '市',
  district: '区',
  serviceTypes: '服务类型',
  publicityStatus: '公示状态',
  legalRepresentative: '法定代表人',
  premisesArea: '经营场所面积',
  idNumber: '身份证号',
  institutionUscc: '所属机构',
  post: '岗位',
  mobile: '手机号码',
  registeredEngineer: '注册消防工程师',
  operatorCertificate: '操作员证书',
  address: '地址',
  safetyLevel: '消防安全等级标注',
  detachmentCode: '管辖支队',
  unitType: '单位类型',
  externalId: '项目编号',
  kind: '项目类型',
  socialUnitUscc: '社会单位统一社会信用代码',
  socialUnitName: '社会单位名称',
  startDate: '开始日期',
  endDate: '结束日期',
};

export const registryFieldLabel = (field: string) => REGISTRY_FIELD_LABELS[field] ?? field;
