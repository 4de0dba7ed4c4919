import { DataTypes, type QueryInterface } from 'sequelize';
import { id, timestamps, fk, str, double, bool } from './columns';

/**
 * 测试任务, 现场申请 (开始申请/提交申请) and every 位置校验 with the raw fix, so the regulator can see who was
 * where when (manual 创新特点5).
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('location_checks', {
    id,
    accountId: fk('accounts', false),
    projectId: fk('projects', false),
    purpose: str(40, false),
    rawLng: double(false),
    rawLat: double(false),
    rawCrs: str(10, false),
    accuracy: double(false),
    isMock: bool,
    fixTime: { type: DataTypes.DATE, allowNull: false },
    lng: double(false),
    lat: double(false),
    fenceLng: double(),
    fenceLat: double(),
    fenceRadius: { type: DataTypes.INTEGER, allowNull: true },
    distanceM: double(),
    inside: bool,
    reason: str(30, false),
    at: { type: DataTypes.DATE, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('location_checks', ['projectId']);
  await qi.addIndex('location_checks', ['accountId']);

  await qi.createTable('testing_tasks', {
    id,
    projectId: fk('projects', false),
    operatorAccountId: fk('accounts', false),
    clientRequestId: str(80, false),
    planSingleItemIds: { type: DataTypes.JSON, allowNull: false },
    status: str(20, false),
    startedAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('testing_tasks', ['operatorAccountId', 'clientRequestId'], {
    unique: true,
    name: 'testing_tasks_client_request',
  });
  await qi.addIndex('testing_tasks', ['projectId']);

  await qi.createTable('site_requests', {
    id,
    kind: str(10, false),
    status: str(20, false),
    projectId: fk('projects', false),
    testingTaskId: fk('testing_tasks', false),
    requestedBy: fk('accounts', false),
    requestedAt: { type: DataTypes.DATE, allowNull: false },
    photoFileId: fk('stored_files', false),
    locationCheckId: fk('location_checks', false),
    faceAccepted: bool,
    faceDistance: double(false),
    faceThreshold: double(false),
    decidedBy: fk('accounts'),
    decidedAt: { type: DataTypes.DATE, allowNull: true },
    decisionReason: str(500),
    deciderLocationCheckId: fk('location_checks'),
    forcedOverride: bool,
    ...timestamps,
  });
  await qi.addIndex('site_requests', ['projectId', 'status']);
  await qi.addIndex('site_requests', ['testingTaskId']);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('site_requests');
  await qi.dropTable('testing_tasks');
  await qi.dropTable('location_checks');
}
