import { DataTypes, type QueryInterface } from 'sequelize';
import { id, timestamps, fk, str, bool } from './columns';

/**
 * 维保 after dispatch (manual §03): maintenance tasks built from facilities of a dispatched plan, their line
 * results (one row per facility, position and content line) with the attached files, faults (故障) with their
 * dated handling timeline and the 排查/维修 tasks dispatched for them; site requests (开始申请/提交申请) now
 * belong to a testing task or a maintenance task.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  const date = (allowNull = true) => ({ type: DataTypes.DATE, allowNull });
  const int = (allowNull = true) => ({ type: DataTypes.INTEGER, allowNull });

  await qi.createTable('maintenance_tasks', {
    id,
    projectId: fk('projects', false),
    planId: fk('maintenance_plans', false),
    operatorAccountId: fk('accounts', false),
    /** The phone's key for the task (idempotency_records decides replays; kept for the views). */
    idempotencyKey: str(80, false),
    /** The chosen facilities (catalog ids) and the assignment rows they came from. */
    facilityIds: { type: DataTypes.JSON, allowNull: false },
    assignmentIds: { type: DataTypes.JSON, allowNull: false },
    status: str(20, false),
    startedAt: date(),
    /** Key of the submission now in force (a corrected resubmission replaces it). */
    submissionKey: str(80),
    firstSubmittedAt: date(),
    submittedAt: date(),
    reviewedBy: fk('accounts'),
    reviewedAt: date(),
    reviewReason: str(500),
    ...timestamps,
  });
  await qi.addIndex('maintenance_tasks', ['operatorAccountId', 'idempotencyKey'], {
    unique: true,
    name: 'maintenance_tasks_key',
  });
  await qi.addIndex('maintenance_tasks', ['projectId', 'status']);
  await qi.addIndex('maintenance_tasks', ['planId']);

  await qi.createTable('maintenance_faults', {
    id,
    projectId: fk('projects', false),
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
    firstMaintenanceTaskId: fk('maintenance_tasks', false),
    latestMaintenanceTaskId: fk('maintenance_tasks', false),
    ...timestamps,
  });
  await qi.addIndex('maintenance_faults', ['projectId', 'status']);
  await qi.addIndex('maintenance_faults', ['projectId', 'facilityId', 'facilityIndex', 'lineId']);

  await qi.createTable('maintenance_records', {
    id,
    projectId: fk('projects', false),
    maintenanceTaskId: fk('maintenance_tasks', false),
    planId: fk('maintenance_plans', false),
    operatorAccountId: fk('accounts', false),
    /** The phone's key for this result; unique per operator. */
    idempotencyKey: str(80, false),
    /** The submission that brought it. */
    submissionKey: str(80, false),
    facilityId: str(60, false),
    facilityIndex: int(false),
    facilityLocation: str(100, false),
    lineId: str(80, false),
    checkable: bool,
    /** promptId → answer, the final prompt excluded. */
    answers: { type: DataTypes.JSON, allowNull: false },
    conformity: str(20, false),
    notCheckableReason: str(30),
    mismatchItemName: str(100),
    mismatchLocation: str(100),
    mismatchProcess: { type: DataTypes.TEXT, allowNull: true },
    mismatchResult: { type: DataTypes.TEXT, allowNull: true },
    explanation: str(500),
    note: str(500, false),
    faultId: fk('maintenance_faults'),
    recordedAt: date(false),
    submittedAt: date(false),
    ...timestamps,
  });
  await qi.addIndex('maintenance_records', ['operatorAccountId', 'idempotencyKey'], {
    unique: true,
    name: 'maintenance_records_key',
  });
  await qi.addIndex('maintenance_records', ['maintenanceTaskId']);
  await qi.addIndex('maintenance_records', ['projectId', 'submittedAt']);

  /** Files of a record: "+" photos and videos, and the client's signature photo (不具备测试条件). */
  await qi.createTable('maintenance_record_files', {
    id,
    maintenanceRecordId: fk('maintenance_records', false),
    maintenanceTaskId: fk('maintenance_tasks', false),
    fileId: fk('stored_files', false),
    /** photo / video / signature */
    role: str(20, false),
    position: int(false),
    ...timestamps,
  });
  await qi.addIndex('maintenance_record_files', ['maintenanceRecordId']);
  await qi.addIndex('maintenance_record_files', ['maintenanceTaskId']);

  await qi.createTable('maintenance_fault_tasks', {
    id,
    faultId: fk('maintenance_faults', false),
    projectId: fk('projects', false),
    /** troubleshoot (排查) / repair (维修) */
    kind: str(20, false),
    operatorAccountId: fk('accounts', false),
    status: str(20, false),
    note: str(500, false),
    dispatchedBy: fk('accounts', false),
    dispatchedAt: date(false),
    completionKey: str(80),
    completedAt: date(),
    resultNote: str(500),
    resultPhotoFileIds: { type: DataTypes.JSON, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('maintenance_fault_tasks', ['operatorAccountId', 'status']);
  await qi.addIndex('maintenance_fault_tasks', ['faultId']);

  /** The handling timeline: one dated row per step, with the fault's state after it. */
  await qi.createTable('maintenance_fault_events', {
    id,
    faultId: fk('maintenance_faults', false),
    projectId: fk('projects', false),
    at: date(false),
    kind: str(20, false),
    status: str(20, false),
    text: str(200, false),
    note: str(500, false),
    actorAccountId: fk('accounts'),
    faultTaskId: fk('maintenance_fault_tasks'),
    maintenanceTaskId: fk('maintenance_tasks'),
    ...timestamps,
  });
  await qi.addIndex('maintenance_fault_events', ['faultId', 'at']);
  await qi.addIndex('maintenance_fault_events', ['projectId', 'at']);

  // 开始申请/提交申请 of a maintenance task: the request belongs to exactly one of the two kinds of task.
  await qi.addColumn('site_requests', 'maintenanceTaskId', fk('maintenance_tasks'));
  await qi.addIndex('site_requests', ['maintenanceTaskId']);
  if (qi.sequelize.getDialect() === 'sqlite')
    await qi.changeColumn('site_requests', 'testingTaskId', fk('testing_tasks', true));
  else await qi.sequelize.query('ALTER TABLE site_requests MODIFY testingTaskId INTEGER NULL');
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('site_requests', 'maintenanceTaskId');
  await qi.dropTable('maintenance_fault_events');
  await qi.dropTable('maintenance_fault_tasks');
  await qi.dropTable('maintenance_record_files');
  await qi.dropTable('maintenance_records');
  await qi.dropTable('maintenance_faults');
  await qi.dropTable('maintenance_tasks');
}
