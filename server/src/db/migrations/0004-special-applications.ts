import { DataTypes, type QueryInterface } from 'sequelize';
import { id, timestamps, fk, str } from './columns';

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('special_applications', {
    id,
    projectId: fk('projects', false),
    institutionId: fk('institutions', false),
    kind: str(40, false),
    reason: str(500, false),
    fileIds: { type: DataTypes.JSON, allowNull: false },
    status: str(20, false),
    // Equals projectId while pending, NULL afterwards: the unique index keeps one pending application per project.
    pendingProjectId: { type: DataTypes.INTEGER, allowNull: true },
    appliedBy: fk('accounts', false),
    appliedByName: str(100, false),
    decidedBy: fk('accounts'),
    decidedByName: str(100),
    decidedAt: { type: DataTypes.DATE, allowNull: true },
    rejectReason: str(500),
    ...timestamps,
  });
  await qi.addIndex('special_applications', ['projectId']);
  await qi.addIndex('special_applications', ['status']);
  await qi.addIndex('special_applications', ['pendingProjectId'], {
    unique: true,
    name: 'special_applications_one_pending',
  });

  await qi.createTable('reports', {
    id,
    projectId: fk('projects', false),
    institutionId: fk('institutions', false),
    kind: str(20, false),
    source: str(20, false),
    planKind: str(20),
    planMonth: str(7),
    planName: str(100),
    reportFileId: fk('stored_files', false),
    rawRecordFileId: fk('stored_files'),
    conclusion: { type: DataTypes.TEXT, allowNull: false },
    status: str(20, false),
    completedOn: str(10, false),
    uploadedBy: fk('accounts', false),
    filedOn: str(10),
    filedAt: { type: DataTypes.DATE, allowNull: true },
    filedBy: fk('accounts'),
    filedByName: str(100),
    ...timestamps,
  });
  await qi.addIndex('reports', ['projectId']);
  await qi.addIndex('reports', ['institutionId', 'status']);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('reports');
  await qi.dropTable('special_applications');
}
