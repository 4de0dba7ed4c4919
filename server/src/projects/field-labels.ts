import type { RuleRefusal } from '@xf/domain';
import { badRequest } from '../core/errors';
import { fieldLabels, labelFor } from '../core/field-labels';

/** Chinese names of the project-entry fields, so validation errors name them (existing names are kept). */
const projectFieldLabels: Record<string, string> = {
  siteName: '项目场所名称',
  socialUnitId: '项目场所消防安全等级标注',
  registryProjectId: '关联双随机项目',
  siteUscc: '项目场所统一社会信用代码',
  projectLeadAccountId: '项目负责人',
  contactId: '甲方联系人',
  signedOn: '签订日期',
  contractStart: '合同开始日期',
  contractEnd: '合同结束日期',
  testingType: '检测类型',
  scope: '检测范围',
  attachments: '合同附件',
  fileId: '附件文件',
  contractId: '维保合同',
  firstMonth: '首次维保月份',
  lastMonth: '末次维保月份',
  maintenanceCount: '维保总次数',
  radius: '围栏半径',
  facilityIds: '消防设施',
  aboveGroundArea: '地上面积',
  belowGroundArea: '地下面积',
  totalArea: '建筑面积',
  aboveGroundFloors: '地上层数',
  belowGroundFloors: '地下层数',
  height: '建筑高度',
  useFunction: '使用功能',
  waterSupplies: '供水设施',
  location: '位置',
  capacity: '容量（立方米）',
  remark: '备注',
  mobile: '手机号码',
  position: '职务',
  clientName: '甲方名称',
  buildingId: '建筑物编号',
};
for (const [key, label] of Object.entries(projectFieldLabels)) fieldLabels[key] ??= label;

/** A 400 naming the field in Chinese (「甲方单位：…」); the key travels only as the error's `field`. */
export const fieldError = (field: string, label: string, message: string) =>
  badRequest(`${label}：${message}`, field);

/** A refused domain rule as a 400 naming its field. */
export const refusalError = (r: RuleRefusal) => badRequest(`${labelFor([r.field])}：${r.message}`, r.field);
