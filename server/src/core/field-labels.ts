import { fieldName } from '@xf/domain';

/**
 * FALLBACK ONLY, being retired: labels belong on the shared schemas (`.meta({ label: '甲方名称' })`, read by
 * core/validation). Keys here name a field only where its schema has no label yet; do not add to it.
 */
export const fieldLabels: Record<string, string> = {
  accountName: '账号',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  captchaId: '验证码编号',
  captchaText: '验证码',
  client: '客户端',
  refreshToken: '刷新令牌',
  personId: '员工',
  institutionId: '机构',
  detachmentId: '支队',
  address: '地址',
  province: '省',
  city: '市',
  district: '区',
  lng: '经度',
  lat: '纬度',
  crs: '坐标系',
  page: '页码',
  pageSize: '每页条数',
  reason: '原因',
  code: '微信登录凭证',
  bindTicket: '绑定凭证',
  date: '日期',
  content: '内容',
  photoFileIds: '照片',
  clientId: '客户端编号',
  createdAtClient: '记录时间',
  name: '名称',
  id: '编号',
  file: '文件',
  photo: '照片',
  kind: '类别',
  status: '状态',
};

/** The Chinese name of the field at `path` from this fallback map (no field key in the text). */
export function labelFor(path: PropertyKey[]): string {
  return fieldName(undefined, path, (key) => fieldLabels[key]) ?? '请求';
}
