import { DataTypes, type QueryInterface } from 'sequelize';
import { fk, str } from './columns';

/**
 * 系统生成的检测报告 (manual §02 生成检测报告): a generated report is a `reports` row from the moment the admin starts
 * it (生成中 with its progress) until its files exist, so its PDF is absent while it is generated; the Word files
 * sit next to the PDFs; the report number and the unguessable token of its public verification page are printed
 * on it. Photos keep a small copy made once at upload (stored_files.thumbnailKey) that reports embed.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  const mysql = qi.sequelize.getDialect() === 'mysql';
  if (mysql) await qi.sequelize.query('ALTER TABLE reports MODIFY reportFileId INTEGER NULL');
  else {
    // SQLite rebuilds the table for this and drops its indexes: they are made again.
    await qi.changeColumn('reports', 'reportFileId', fk('stored_files'));
    await qi.addIndex('reports', ['projectId']);
    await qi.addIndex('reports', ['institutionId', 'status']);
  }
  await qi.addColumn('reports', 'reportDocxFileId', fk('stored_files'));
  await qi.addColumn('reports', 'rawRecordDocxFileId', fk('stored_files'));
  await qi.addColumn('reports', 'reportNo', str(60));
  await qi.addColumn('reports', 'progress', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
  await qi.addColumn('reports', 'progressText', str(200));
  await qi.addColumn('reports', 'verifyToken', str(64));
  await qi.addColumn('reports', 'dataSha256', str(64));
  await qi.addIndex('reports', ['verifyToken'], { unique: true, name: 'reports_verify_token' });
  await qi.addColumn('stored_files', 'thumbnailKey', str(200));
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('stored_files', 'thumbnailKey');
  await qi.removeIndex('reports', 'reports_verify_token');
  for (const c of [
    'dataSha256',
    'verifyToken',
    'progressText',
    'progress',
    'reportNo',
    'rawRecordDocxFileId',
    'reportDocxFileId',
  ])
    await qi.removeColumn('reports', c);
}
