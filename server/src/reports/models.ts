import { DataTypes, Model, type Sequelize } from 'sequelize';
import type { MaintenancePlanKind, ProjectKind, ReportSource, ReportStatus } from '@xf/domain';
import { date, int, pk, str } from '../db/columns';

/** A maintenance report (维保报告) or a testing report (检测报告) with its raw record (原始记录). */
export class Report extends Model {
  declare id: number;
  declare projectId: number;
  declare institutionId: number;
  declare kind: ProjectKind;
  declare source: ReportSource;
  declare planKind: MaintenancePlanKind | null;
  declare planMonth: string | null;
  declare planName: string | null;
  /** The report's PDF; null while a generated report is 生成中 or when its generation failed. */
  declare reportFileId: number | null;
  declare rawRecordFileId: number | null;
  declare reportDocxFileId: number | null;
  declare rawRecordDocxFileId: number | null;
  declare reportNo: string | null;
  /** Generation progress 0–100 and what it is doing. */
  declare progress: number;
  declare progressText: string | null;
  /** The unguessable token of the public verification page (/verify/:token). */
  declare verifyToken: string | null;
  /** SHA-256 of the generated report's data, printed on it. */
  declare dataSha256: string | null;
  /** A 复检报告: the original generated report it follows. */
  declare retestOfReportId: number | null;
  declare conclusion: string;
  /** 备注说明 the admin wrote when generating a maintenance report (printed on it). */
  declare remarks: string | null;
  declare status: ReportStatus;
  declare completedOn: string;
  declare uploadedBy: number;
  declare filedOn: string | null;
  declare filedAt: Date | null;
  declare filedBy: number | null;
  declare filedByName: string | null;
  declare createdAt: Date;
}

export function initReportModel(sequelize: Sequelize) {
  Report.init(
    {
      id: pk,
      projectId: int(false),
      institutionId: int(false),
      kind: str(20, false),
      source: str(20, false),
      planKind: str(20),
      planMonth: str(7),
      planName: str(100),
      reportFileId: int(),
      rawRecordFileId: int(),
      reportDocxFileId: int(),
      rawRecordDocxFileId: int(),
      reportNo: str(60),
      progress: { ...int(false), defaultValue: 0 },
      progressText: str(200),
      verifyToken: str(64),
      dataSha256: str(64),
      retestOfReportId: int(),
      conclusion: { type: DataTypes.TEXT, allowNull: false },
      remarks: { type: DataTypes.TEXT, allowNull: true },
      status: str(20, false),
      completedOn: str(10, false),
      uploadedBy: int(false),
      filedOn: str(10),
      filedAt: date(),
      filedBy: int(),
      filedByName: str(100),
    },
    { sequelize, tableName: 'reports' },
  );
}
