import { DataTypes, Model, type Sequelize } from 'sequelize';
import type {
  AttachmentKind,
  ProjectKind,
  ProjectStatus,
  TestingReviewStatus,
  TestingType,
} from '@xf/domain';
import { bool, date, double, int, pk, str } from '../db/columns';
import { parsedJson } from './json-column';

export interface ContractAttachment {
  fileId: number;
  kind: AttachmentKind;
}

/** 维保合同: one contract with a client, holding one or more maintenance projects. */
export class MaintenanceContract extends Model {
  declare id: number;
  declare institutionId: number;
  declare clientId: number;
  declare contactId: number;
  declare signedOn: string;
  declare contractStart: string;
  declare contractEnd: string;
  declare attachments: ContractAttachment[];
  declare createdBy: number | null;
  declare createdAt: Date;
}

/**
 * A testing project (检测项目) or a maintenance project (维保项目): both are one site under one contract.
 * A maintenance project's client and contract dates are copies of its contract's, kept in step by the
 * contract service, so lists and later modules read one row.
 */
export class Project extends Model {
  declare id: number;
  declare kind: ProjectKind;
  declare institutionId: number;
  declare contractId: number | null;
  declare clientId: number;
  declare contactId: number;
  declare signedOn: string;
  declare contractStart: string;
  declare contractEnd: string;
  declare siteName: string;
  declare socialUnitId: number | null;
  declare registryProjectId: number | null;
  declare siteUscc: string;
  declare detachmentId: number;
  declare province: string;
  declare city: string;
  declare district: string;
  declare address: string;
  declare projectLeadAccountId: number;
  declare testingType: TestingType | null;
  declare scope: string[] | null;
  declare attachments: ContractAttachment[] | null;
  declare directReportUpload: boolean;
  declare editionId: string;
  declare firstMonth: string | null;
  declare lastMonth: string | null;
  declare maintenanceCount: number | null;
  declare fireSystemFacilityIds: string[] | null;
  declare status: ProjectStatus;
  declare endedReason: string | null;
  declare endedBy: number | null;
  declare endedByName: string | null;
  declare endedAt: Date | null;
  declare fenceLng: number | null;
  declare fenceLat: number | null;
  declare fenceCrs: string | null;
  declare fenceInputLng: number | null;
  declare fenceInputLat: number | null;
  declare fenceInputCrs: string | null;
  declare fenceRadius: number | null;
  declare fenceMarkedAt: Date | null;
  /** 检测审核 (testing projects): 未开启审核 / 审核中 / 审核通过, by testingReviewMachine. */
  declare testingReviewStatus: TestingReviewStatus;
  /** 复检计划 (testing): the original project, the generated report whose failed items it retests, and those items. */
  declare parentProjectId: number | null;
  declare retestOfReportId: number | null;
  declare retestPlanItemIds: string[] | null;
  declare createdBy: number | null;
  declare createdAt: Date;
  declare updatedAt: Date;
}

export function initProjectModels(sequelize: Sequelize) {
  MaintenanceContract.init(
    {
      id: pk,
      institutionId: int(false),
      clientId: int(false),
      contactId: int(false),
      signedOn: str(10, false),
      contractStart: str(10, false),
      contractEnd: str(10, false),
      attachments: parsedJson('attachments', false),
      createdBy: int(),
    },
    { sequelize, tableName: 'maintenance_contracts' },
  );
  Project.init(
    {
      id: pk,
      kind: str(20, false),
      institutionId: int(false),
      contractId: int(),
      clientId: int(false),
      contactId: int(false),
      signedOn: str(10, false),
      contractStart: str(10, false),
      contractEnd: str(10, false),
      siteName: str(200, false),
      socialUnitId: int(),
      registryProjectId: int(),
      siteUscc: str(18, false),
      detachmentId: int(false),
      province: str(40, false),
      city: str(40, false),
      district: str(40, false),
      address: str(300, false),
      projectLeadAccountId: int(false),
      testingType: str(20),
      scope: parsedJson('scope'),
      attachments: parsedJson('attachments'),
      directReportUpload: bool(false),
      editionId: str(100, false),
      firstMonth: str(7),
      lastMonth: str(7),
      maintenanceCount: { type: DataTypes.INTEGER, allowNull: true },
      fireSystemFacilityIds: parsedJson('fireSystemFacilityIds'),
      status: { ...str(20, false), defaultValue: 'in_progress' },
      endedReason: str(500),
      endedBy: int(),
      endedByName: str(100),
      endedAt: date(),
      fenceLng: double(),
      fenceLat: double(),
      fenceCrs: str(10),
      fenceInputLng: double(),
      fenceInputLat: double(),
      fenceInputCrs: str(10),
      fenceRadius: int(),
      fenceMarkedAt: date(),
      testingReviewStatus: { ...str(20, false), defaultValue: 'closed' },
      parentProjectId: int(),
      retestOfReportId: int(),
      retestPlanItemIds: parsedJson('retestPlanItemIds'),
      createdBy: int(),
    },
    { sequelize, tableName: 'projects' },
  );
}
