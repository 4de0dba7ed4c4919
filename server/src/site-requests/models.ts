import { Model, type Sequelize } from 'sequelize';
import type { SiteRequestKind, SiteRequestStatus } from '@xf/domain';
import { bool, date, double, int, pk, str } from '../db/columns';
import { initMaintenanceTaskModel } from '../maintenance-tasks/models';
import { initTestingTaskModel } from '../testing-tasks/models';

/**
 * 现场申请: carries the requester's location check and face check; the project lead decides. It belongs to a 测试任务
 * (`testingTaskId`) or a 维保任务 (`maintenanceTaskId`), exactly one of them.
 */
export class SiteRequest extends Model {
  declare id: number;
  declare kind: SiteRequestKind;
  declare status: SiteRequestStatus;
  declare projectId: number;
  declare testingTaskId: number | null;
  declare maintenanceTaskId: number | null;
  declare requestedBy: number;
  declare requestedAt: Date;
  declare photoFileId: number;
  declare locationCheckId: number;
  declare faceAccepted: boolean;
  declare faceDistance: number;
  declare faceThreshold: number;
  declare decidedBy: number | null;
  declare decidedAt: Date | null;
  declare decisionReason: string | null;
  declare deciderLocationCheckId: number | null;
  declare forcedOverride: boolean;
}

export function initSiteRequestModels(sequelize: Sequelize) {
  // A fresh object per column: Sequelize writes into attribute definitions.
  const required = () => ({ ...double(), allowNull: false });
  // Testing and maintenance tasks live in their own features; their requests are site requests.
  initTestingTaskModel(sequelize);
  initMaintenanceTaskModel(sequelize);
  SiteRequest.init(
    {
      id: pk,
      kind: str(10, false),
      status: str(20, false),
      projectId: int(false),
      testingTaskId: int(),
      maintenanceTaskId: int(),
      requestedBy: int(false),
      requestedAt: date(false),
      photoFileId: int(false),
      locationCheckId: int(false),
      faceAccepted: bool(false),
      faceDistance: required(),
      faceThreshold: required(),
      decidedBy: int(),
      decidedAt: date(),
      decisionReason: str(500),
      deciderLocationCheckId: int(),
      forcedOverride: bool(false),
    },
    { sequelize, tableName: 'site_requests' },
  );
}
