/** Chinese names of request fields, so an error can say which field broke which rule. */
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

export function labelFor(path: PropertyKey[]): string {
  const key = path.filter((p) => typeof p === 'string').at(-1) as string | undefined;
  const joined = path.map(String).join('.');
  if (!key) return joined || '请求';
  const label = fieldLabels[key];
  return label ? `${label}（${joined}）` : joined;
}
