import type { FaultEventKind, MaintenanceFaultStatus } from '@xf/domain';
import type { Transaction } from 'sequelize';
import { MaintenanceFaultEvent } from './models';
import { now as clockNow } from '../core/clock';

/** One dated row of a fault's timeline, with the state the fault is in after it. */
export function addFaultEvent(
  fault: { id: number; projectId: number },
  row: {
    kind: FaultEventKind;
    status: MaintenanceFaultStatus;
    text: string;
    note?: string;
    actorAccountId?: number | null;
    faultTaskId?: number | null;
    maintenanceTaskId?: number | null;
    at?: Date;
  },
  transaction: Transaction,
) {
  return MaintenanceFaultEvent.create(
    {
      faultId: fault.id,
      projectId: fault.projectId,
      at: row.at ?? clockNow(),
      kind: row.kind,
      status: row.status,
      text: row.text.slice(0, 200),
      note: (row.note ?? '').slice(0, 500),
      actorAccountId: row.actorAccountId ?? null,
      faultTaskId: row.faultTaskId ?? null,
      maintenanceTaskId: row.maintenanceTaskId ?? null,
    },
    { transaction },
  );
}
