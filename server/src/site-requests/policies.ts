import { allow } from '../core/policy';
import { fieldLabels } from '../core/field-labels';
import type { Project } from '../projects/models';

/** 项目负责人在微信端处理现场申请: only the lead of that very project decides its site requests. */
allow<Project>(
  ['project_lead'],
  'decideSiteRequest',
  'project',
  (actor, p) => p.projectLeadAccountId === actor.id,
);
allow(['project_lead'], 'list', 'site_request');
allow(['operator'], ['create', 'list'], 'testing_task');

fieldLabels.clientRequestId ??= '客户端请求编号';
fieldLabels.planSingleItemIds ??= '检测单项';
fieldLabels.allAssigned ??= '全部单项';
fieldLabels.accuracy ??= '定位精度';
fieldLabels.isMock ??= '是否模拟定位';
fieldLabels.fixTime ??= '定位时间';
fieldLabels.lng ??= '经度';
fieldLabels.lat ??= '纬度';
fieldLabels.crs ??= '坐标系';
