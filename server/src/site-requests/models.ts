import { Model, type Sequelize } from 'sequelize';
import type { SiteRequestKind, SiteRequestStatus, TestingTaskStatus } from '@xf/domain';
import { bool, date, double, int, pk, str } from '../db/columns';
import { parsedJson } from '../projects/json-column';

/** 测试任务: plan single items an operator takes to record in one go. */
export class TestingTask extends Model {
  declare id: number;
  declare projectId: number;
  declare operatorAccountId: number;
  declare clientRequestId: string;
  declare planSingleItemIds: string[];
  declare status: TestingTaskStatus;
  declare startedAt: Date | null;
  declare createdAt: Date;
}

/** 现场申请: carries the requester's location check and face check; the project lead decides. */
export class SiteRequest extends Model {
  declare id: number;
  declare kind: SiteRequestKind;
  declare status: SiteRequestStatus;
  declare projectId: number;
  declare testingTaskId: number;
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
  TestingTask.init(
    {
      id: pk,
      projectId: int(false),
      operatorAccountId: int(false),
      clientRequestId: str(80, false),
      planSingleItemIds: parsedJson('planSingleItemIds', false),
      status: str(20, false),
      startedAt: date(),
    },
    { sequelize, tableName: 'testing_tasks' },
  );
  SiteRequest.init(
    {
      id: pk,
      kind: str(10, false),
      status: str(20, false),
      projectId: int(false),
      testingTaskId: int(false),
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
