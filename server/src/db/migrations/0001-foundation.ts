import { DataTypes, type QueryInterface } from 'sequelize';
import { id, timestamps, fk } from './columns';

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('detachments', {
    id,
    code: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(60), allowNull: false },
    ...timestamps,
  });

  await qi.createTable('institutions', {
    id,
    uscc: { type: DataTypes.STRING(18), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    registeredAddress: { type: DataTypes.STRING(300), allowNull: false, defaultValue: '' },
    province: { type: DataTypes.STRING(40), allowNull: false, defaultValue: '' },
    city: { type: DataTypes.STRING(40), allowNull: false, defaultValue: '' },
    district: { type: DataTypes.STRING(40), allowNull: false, defaultValue: '' },
    serviceTypes: { type: DataTypes.JSON, allowNull: false },
    publicityStatus: { type: DataTypes.STRING(20), allowNull: false },
    legalRepresentative: { type: DataTypes.STRING(60), allowNull: true },
    inRegistry: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    registrationConfirmedAt: { type: DataTypes.DATE, allowNull: true },
    registrationConfirmedBy: { type: DataTypes.INTEGER, allowNull: true },
    officeAddress: { type: DataTypes.STRING(300), allowNull: true },
    officeProvince: { type: DataTypes.STRING(40), allowNull: true },
    officeCity: { type: DataTypes.STRING(40), allowNull: true },
    officeDistrict: { type: DataTypes.STRING(40), allowNull: true },
    officeLng: { type: DataTypes.DOUBLE, allowNull: true },
    officeLat: { type: DataTypes.DOUBLE, allowNull: true },
    officeCrs: { type: DataTypes.STRING(10), allowNull: true },
    officeInputLng: { type: DataTypes.DOUBLE, allowNull: true },
    officeInputLat: { type: DataTypes.DOUBLE, allowNull: true },
    officeInputCrs: { type: DataTypes.STRING(10), allowNull: true },
    officeMarkedAt: { type: DataTypes.DATE, allowNull: true },
    complianceStatus: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'unchecked' },
    complianceFailures: { type: DataTypes.JSON, allowNull: true },
    complianceCheckedAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('institutions', ['name']);
  await qi.addIndex('institutions', ['province', 'city', 'district']);

  await qi.createTable('persons', {
    id,
    idNumber: { type: DataTypes.STRING(18), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(60), allowNull: false },
    institutionId: fk('institutions'),
    post: { type: DataTypes.STRING(20), allowNull: false },
    mobile: { type: DataTypes.STRING(20), allowNull: true },
    engineerLevel: { type: DataTypes.INTEGER, allowNull: true },
    engineerRegistrationNumber: { type: DataTypes.STRING(40), allowNull: true },
    engineerValidFrom: { type: DataTypes.STRING(10), allowNull: true },
    engineerValidTo: { type: DataTypes.STRING(10), allowNull: true },
    operatorCertificateNumber: { type: DataTypes.STRING(40), allowNull: true },
    operatorGrade: { type: DataTypes.STRING(20), allowNull: true },
    operatorValidTo: { type: DataTypes.STRING(10), allowNull: true },
    inRegistry: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    joinedAt: { type: DataTypes.STRING(10), allowNull: true },
    leftAt: { type: DataTypes.STRING(10), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('persons', ['institutionId']);

  await qi.createTable('accounts', {
    id,
    accountName: { type: DataTypes.STRING(30), allowNull: false, unique: true },
    passwordHash: { type: DataTypes.STRING(100), allowNull: false },
    kind: { type: DataTypes.STRING(30), allowNull: false },
    displayName: { type: DataTypes.STRING(100), allowNull: false },
    personId: fk('persons'),
    institutionId: fk('institutions'),
    detachmentId: fk('detachments'),
    mustChangePassword: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    disabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    closedReason: { type: DataTypes.STRING(500), allowNull: true },
    failedLogins: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    lockedUntil: { type: DataTypes.DATE, allowNull: true },
    tokenVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    wechatOpenId: { type: DataTypes.STRING(64), allowNull: true, unique: true },
    createdBy: { type: DataTypes.INTEGER, allowNull: true },
    lastLoginAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('accounts', ['institutionId']);

  await qi.createTable('refresh_tokens', {
    id,
    accountId: fk('accounts', false),
    tokenHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    client: { type: DataTypes.STRING(10), allowNull: false },
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    revokedAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });

  await qi.createTable('captchas', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    text: { type: DataTypes.STRING(10), allowNull: false },
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    usedAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });

  await qi.createTable('wechat_bind_tickets', {
    id: { type: DataTypes.STRING(64), primaryKey: true },
    openId: { type: DataTypes.STRING(64), allowNull: false },
    expiresAt: { type: DataTypes.DATE, allowNull: false },
    ...timestamps,
  });

  await qi.createTable('registry_imports', {
    id,
    registry: { type: DataTypes.STRING(20), allowNull: false },
    source: { type: DataTypes.STRING(20), allowNull: false },
    fileName: { type: DataTypes.STRING(200), allowNull: true },
    status: { type: DataTypes.STRING(20), allowNull: false },
    summary: { type: DataTypes.JSON, allowNull: true },
    rowErrors: { type: DataTypes.JSON, allowNull: true },
    message: { type: DataTypes.STRING(500), allowNull: true },
    actorId: { type: DataTypes.INTEGER, allowNull: true },
    startedAt: { type: DataTypes.DATE, allowNull: false },
    finishedAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });

  await qi.createTable('registry_changes', {
    id,
    importId: fk('registry_imports', false),
    entity: { type: DataTypes.STRING(20), allowNull: false },
    entityKey: { type: DataTypes.STRING(220), allowNull: false },
    name: { type: DataTypes.STRING(200), allowNull: false },
    change: { type: DataTypes.STRING(10), allowNull: false },
    institutionId: { type: DataTypes.INTEGER, allowNull: true },
    fields: { type: DataTypes.JSON, allowNull: true },
    before: { type: DataTypes.JSON, allowNull: true },
    after: { type: DataTypes.JSON, allowNull: true },
    on: { type: DataTypes.STRING(10), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('registry_changes', ['importId']);
  await qi.addIndex('registry_changes', ['institutionId', 'on']);

  await qi.createTable('social_units', {
    id,
    uscc: { type: DataTypes.STRING(18), allowNull: false },
    name: { type: DataTypes.STRING(200), allowNull: false },
    address: { type: DataTypes.STRING(300), allowNull: false, defaultValue: '' },
    district: { type: DataTypes.STRING(40), allowNull: false, defaultValue: '' },
    safetyLevel: { type: DataTypes.STRING(20), allowNull: false },
    detachmentId: fk('detachments'),
    unitType: { type: DataTypes.STRING(60), allowNull: false, defaultValue: '' },
    registryKey: { type: DataTypes.STRING(220), allowNull: false, unique: true },
    inRegistry: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...timestamps,
  });
  await qi.addIndex('social_units', ['name']);

  await qi.createTable('registry_projects', {
    id,
    externalId: { type: DataTypes.STRING(60), allowNull: false, unique: true },
    kind: { type: DataTypes.STRING(20), allowNull: false },
    institutionId: fk('institutions'),
    institutionUscc: { type: DataTypes.STRING(18), allowNull: false },
    socialUnitId: fk('social_units'),
    socialUnitName: { type: DataTypes.STRING(200), allowNull: false },
    startDate: { type: DataTypes.STRING(10), allowNull: false },
    endDate: { type: DataTypes.STRING(10), allowNull: false },
    inRegistry: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...timestamps,
  });
  await qi.addIndex('registry_projects', ['institutionId']);

  await qi.createTable('compliance_history', {
    id,
    institutionId: fk('institutions', false),
    status: { type: DataTypes.STRING(20), allowNull: false },
    failures: { type: DataTypes.JSON, allowNull: false },
    trigger: { type: DataTypes.STRING(40), allowNull: false },
    at: { type: DataTypes.DATE, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('compliance_history', ['institutionId']);

  await qi.createTable('red_flags', {
    id,
    kind: { type: DataTypes.STRING(40), allowNull: false },
    subjectType: { type: DataTypes.STRING(40), allowNull: false },
    subjectId: { type: DataTypes.INTEGER, allowNull: false },
    subjectName: { type: DataTypes.STRING(200), allowNull: false },
    institutionId: fk('institutions'),
    reason: { type: DataTypes.STRING(500), allowNull: false },
    details: { type: DataTypes.JSON, allowNull: true },
    raisedAt: { type: DataTypes.DATE, allowNull: false },
    clearedAt: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('red_flags', ['kind', 'subjectType', 'subjectId']);

  await qi.createTable('operation_logs', {
    id,
    at: { type: DataTypes.DATE, allowNull: false },
    actorId: { type: DataTypes.INTEGER, allowNull: true },
    actorName: { type: DataTypes.STRING(100), allowNull: false },
    action: { type: DataTypes.STRING(60), allowNull: false },
    entityType: { type: DataTypes.STRING(40), allowNull: false },
    entityId: { type: DataTypes.STRING(40), allowNull: true },
    institutionId: { type: DataTypes.INTEGER, allowNull: true },
    before: { type: DataTypes.JSON, allowNull: true },
    after: { type: DataTypes.JSON, allowNull: true },
    requestId: { type: DataTypes.STRING(40), allowNull: true },
  });
  await qi.addIndex('operation_logs', ['entityType', 'entityId']);

  await qi.createTable('stored_files', {
    id,
    ownerAccountId: fk('accounts'),
    institutionId: fk('institutions'),
    idempotencyKey: { type: DataTypes.STRING(80), allowNull: true },
    storageKey: { type: DataTypes.STRING(200), allowNull: false },
    mime: { type: DataTypes.STRING(80), allowNull: false },
    category: { type: DataTypes.STRING(20), allowNull: false },
    size: { type: DataTypes.INTEGER, allowNull: false },
    sha256: { type: DataTypes.STRING(64), allowNull: false },
    originalName: { type: DataTypes.STRING(200), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('stored_files', ['ownerAccountId', 'idempotencyKey'], { unique: true });

  await qi.createTable('face_profiles', {
    id,
    accountId: fk('accounts', false),
    fileId: fk('stored_files', false),
    status: { type: DataTypes.STRING(20), allowNull: false },
    submittedAt: { type: DataTypes.DATE, allowNull: false },
    reviewedBy: { type: DataTypes.INTEGER, allowNull: true },
    reviewedAt: { type: DataTypes.DATE, allowNull: true },
    rejectReason: { type: DataTypes.STRING(300), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('face_profiles', ['accountId']);
  await qi.addIndex('face_profiles', ['status']);

  await qi.createTable('face_comparisons', {
    id,
    accountId: fk('accounts', false),
    faceProfileId: fk('face_profiles', false),
    purpose: { type: DataTypes.STRING(40), allowNull: false },
    distance: { type: DataTypes.DOUBLE, allowNull: false },
    threshold: { type: DataTypes.DOUBLE, allowNull: false },
    accepted: { type: DataTypes.BOOLEAN, allowNull: false },
    at: { type: DataTypes.DATE, allowNull: false },
    ...timestamps,
  });

  await qi.createTable('work_logs', {
    id,
    accountId: fk('accounts', false),
    institutionId: fk('institutions', false),
    clientId: { type: DataTypes.STRING(64), allowNull: false },
    date: { type: DataTypes.STRING(10), allowNull: false },
    content: { type: DataTypes.TEXT, allowNull: false },
    photoFileIds: { type: DataTypes.JSON, allowNull: false },
    createdAtClient: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('work_logs', ['accountId', 'clientId'], { unique: true });
  await qi.addIndex('work_logs', ['institutionId', 'date']);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  for (const t of [
    'work_logs',
    'face_comparisons',
    'face_profiles',
    'stored_files',
    'operation_logs',
    'red_flags',
    'compliance_history',
    'registry_projects',
    'social_units',
    'registry_changes',
    'registry_imports',
    'wechat_bind_tickets',
    'captchas',
    'refresh_tokens',
    'accounts',
    'persons',
    'institutions',
    'detachments',
  ])
    await qi.dropTable(t);
}
