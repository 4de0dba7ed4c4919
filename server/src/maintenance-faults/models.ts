import { Model, type Sequelize } from 'sequelize';
import type {
  FaultEventKind,
  FaultTaskKind,
  MaintenanceFaultStatus,
  MaintenanceFaultTaskStatus,
} from '@xf/domain';
import { date, int, pk, str } from '../db/columns';
import { parsedJson } from '../projects/json-column';

/** 设施故障: one open fault per facility, position and content line of a project, until 已解决. */
export class MaintenanceFault extends Model {
  declare id: number;
  declare projectId: number;
  declare systemId: string;
  declare facilityId: string;
  declare facilityIndex: number;
  declare facilityLocation: string;
  declare lineId: string;
  declare description: string;
  declare note: string;
  declare status: MaintenanceFaultStatus;
  declare detectedAt: Date;
  declare resolvedAt: Date | null;
  declare firstMaintenanceTaskId: number;
  declare latestMaintenanceTaskId: number;
  declare createdAt: Date;
}

/** 排查/维修任务 of a fault, dispatched by the lead to an operator. */
export class MaintenanceFaultTask extends Model {
  declare id: number;
  declare faultId: number;
  declare projectId: number;
  declare kind: FaultTaskKind;
  declare operatorAccountId: number;
  declare status: MaintenanceFaultTaskStatus;
  declare note: string;
  declare dispatchedBy: number;
  declare dispatchedAt: Date;
  declare completionKey: string | null;
  declare completedAt: Date | null;
  declare resultNote: string | null;
  declare resultPhotoFileIds: number[];
}

/** One dated step of a fault's handling, with the fault's state after it. */
export class MaintenanceFaultEvent extends Model {
  declare id: number;
  declare faultId: number;
  declare projectId: number;
  declare at: Date;
  declare kind: FaultEventKind;
  declare status: MaintenanceFaultStatus;
  declare text: string;
  declare note: string;
  declare actorAccountId: number | null;
  declare faultTaskId: number | null;
  declare maintenanceTaskId: number | null;
}

export function initMaintenanceFaultModels(sequelize: Sequelize) {
  MaintenanceFault.init(
    {
      id: pk,
      projectId: int(false),
      systemId: str(60, false),
      facilityId: str(60, false),
      facilityIndex: int(false),
      facilityLocation: str(100, false),
      lineId: str(80, false),
      description: str(1000, false),
      note: str(500, false),
      status: str(20, false),
      detectedAt: date(false),
      resolvedAt: date(),
      firstMaintenanceTaskId: int(false),
      latestMaintenanceTaskId: int(false),
    },
    { sequelize, tableName: 'maintenance_faults' },
  );
  MaintenanceFaultTask.init(
    {
      id: pk,
      faultId: int(false),
      projectId: int(false),
      kind: str(20, false),
      operatorAccountId: int(false),
      status: str(20, false),
      note: str(500, false),
      dispatchedBy: int(false),
      dispatchedAt: date(false),
      completionKey: str(80),
      completedAt: date(),
      resultNote: str(500),
      resultPhotoFileIds: parsedJson('resultPhotoFileIds', false),
    },
    { sequelize, tableName: 'maintenance_fault_tasks' },
  );
  MaintenanceFaultEvent.init(
    {
      id: pk,
      faultId: int(false),
      projectId: int(false),
      at: date(false),
      kind: str(20, false),
      status: str(20, false),
      text: str(200, false),
      note: str(500, false),
      actorAccountId: int(),
      faultTaskId: int(),
      maintenanceTaskId: int(),
    },
    { sequelize, tableName: 'maintenance_fault_events' },
  );
}
