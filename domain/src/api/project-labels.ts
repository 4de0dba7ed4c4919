/** Operation-log names for clients, contracts, projects and buildings (merged into ACTION_LABELS). */
export const PROJECT_ACTION_LABELS: Record<string, string> = {
  'client.created': '添加甲方单位',
  'client.updated': '修改甲方单位',
  'client.deleted': '删除甲方单位',
  'client_contact.created': '添加甲方联系人',
  'client_contact.updated': '修改甲方联系人',
  'client_contact.deleted': '删除甲方联系人',
  'maintenance_contract.created': '录入维保合同',
  'maintenance_contract.updated': '修改维保合同',
  'project.created': '录入项目',
  'project.updated': '修改项目',
  'project.cancelled': '注销检测项目',
  'project.terminated': '终止维保项目',
  'project.geofence_marked': '标注项目位置',
  'project.fire_systems_set': '录入消防系统',
  'building.created': '添加建筑物',
  'building.updated': '修改建筑物',
  'building.deleted': '删除建筑物',
};

export const PROJECT_ENTITY_LABELS: Record<string, string> = {
  client: '甲方单位',
  client_contact: '甲方联系人',
  maintenance_contract: '维保合同',
  project: '项目',
  building: '建筑物',
};
