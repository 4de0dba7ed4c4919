import { DataTypes, type QueryInterface } from 'sequelize';
import { id, timestamps, fk, str, json, double } from './columns';

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('clients', {
    id,
    institutionId: fk('institutions', false),
    name: str(200, false),
    province: str(40, false),
    city: str(40, false),
    district: str(40, false),
    address: str(300, false),
    ...timestamps,
  });
  await qi.addIndex('clients', ['institutionId', 'name']);

  await qi.createTable('client_contacts', {
    id,
    clientId: fk('clients', false),
    name: str(60, false),
    mobile: str(20, false),
    position: { ...str(60, false), defaultValue: '' },
    ...timestamps,
  });
  await qi.addIndex('client_contacts', ['clientId']);

  await qi.createTable('maintenance_contracts', {
    id,
    institutionId: fk('institutions', false),
    clientId: fk('clients', false),
    contactId: fk('client_contacts', false),
    signedOn: str(10, false),
    contractStart: str(10, false),
    contractEnd: str(10, false),
    attachments: json(false),
    createdBy: fk('accounts'),
    ...timestamps,
  });
  await qi.addIndex('maintenance_contracts', ['institutionId']);

  await qi.createTable('projects', {
    id,
    kind: str(20, false),
    institutionId: fk('institutions', false),
    contractId: fk('maintenance_contracts'),
    clientId: fk('clients', false),
    contactId: fk('client_contacts', false),
    signedOn: str(10, false),
    contractStart: str(10, false),
    contractEnd: str(10, false),
    siteName: str(200, false),
    socialUnitId: fk('social_units'),
    registryProjectId: fk('registry_projects'),
    siteUscc: str(18, false),
    detachmentId: fk('detachments', false),
    province: str(40, false),
    city: str(40, false),
    district: str(40, false),
    address: str(300, false),
    projectLeadAccountId: fk('accounts', false),
    testingType: str(20),
    scope: json(),
    attachments: json(),
    directReportUpload: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    editionId: str(100, false),
    firstMonth: str(7),
    lastMonth: str(7),
    maintenanceCount: { type: DataTypes.INTEGER, allowNull: true },
    fireSystemFacilityIds: json(),
    status: { ...str(20, false), defaultValue: 'in_progress' },
    endedReason: str(500),
    endedBy: fk('accounts'),
    endedByName: str(100),
    endedAt: { type: DataTypes.DATE, allowNull: true },
    fenceLng: double(),
    fenceLat: double(),
    fenceCrs: str(10),
    fenceInputLng: double(),
    fenceInputLat: double(),
    fenceInputCrs: str(10),
    fenceRadius: { type: DataTypes.INTEGER, allowNull: true },
    fenceMarkedAt: { type: DataTypes.DATE, allowNull: true },
    createdBy: fk('accounts'),
    ...timestamps,
  });
  await qi.addIndex('projects', ['institutionId', 'kind', 'status']);
  await qi.addIndex('projects', ['detachmentId']);
  await qi.addIndex('projects', ['projectLeadAccountId']);
  await qi.addIndex('projects', ['registryProjectId']);
  await qi.addIndex('projects', ['contractId']);
  await qi.addIndex('projects', ['clientId']);

  await qi.createTable('buildings', {
    id,
    projectId: fk('projects', false),
    name: str(100, false),
    aboveGroundArea: double(false),
    belowGroundArea: double(false),
    totalArea: double(false),
    aboveGroundFloors: { type: DataTypes.INTEGER, allowNull: false },
    belowGroundFloors: { type: DataTypes.INTEGER, allowNull: false },
    height: double(false),
    useFunction: str(100, false),
    waterSupplies: json(false),
    remark: { ...str(500, false), defaultValue: '' },
    ...timestamps,
  });
  await qi.addIndex('buildings', ['projectId']);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('buildings');
  await qi.dropTable('projects');
  await qi.dropTable('maintenance_contracts');
  await qi.dropTable('client_contacts');
  await qi.dropTable('clients');
}
