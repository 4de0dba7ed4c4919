import type { OutboxKind } from './db';
import { payloadOutboxHandler, type OutboxHandler } from './outbox';
import {
  testingSubmissionOutboxHandler,
  testingSubmitRequestOutboxHandler,
  testingTaskOutboxHandler,
} from './testing';
import { workLogOutboxHandler } from './work-logs';
import {
  maintenanceSubmissionOutboxHandler,
  maintenanceSubmitRequestOutboxHandler,
  maintenanceTaskOutboxHandler,
} from './maintenance';

/** One handler per entity kind; the drain loop is the same for all. */
export const outboxHandlers: Record<OutboxKind, OutboxHandler> = {
  workLog: workLogOutboxHandler,
  testingTask: testingTaskOutboxHandler,
  testingSubmitRequest: testingSubmitRequestOutboxHandler,
  testingSubmission: testingSubmissionOutboxHandler,
  maintenanceTask: maintenanceTaskOutboxHandler,
  maintenanceSubmitRequest: maintenanceSubmitRequestOutboxHandler,
  maintenanceSubmission: maintenanceSubmissionOutboxHandler,
  faultTaskResult: payloadOutboxHandler,
};
