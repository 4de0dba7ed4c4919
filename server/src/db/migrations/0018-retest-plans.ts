import { type QueryInterface } from 'sequelize';
import { fk, json } from './columns';

/**
 * 复检计划 (manual §02 生成检测报告 5: 如果针对不合格项进行复检，可以建立复检计划，复检计划只能进行一次): a retest plan
 * is carried by its own testing project row, made from the original project, holding only the failed test items
 * of the original's generated report; it reuses the original's buildings. The unique parent makes 只能进行一次
 * hold in the database too. Its generated report (复检报告) names the original report it follows.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('projects', 'parentProjectId', fk('projects'));
  await qi.addColumn('projects', 'retestOfReportId', fk('reports'));
  await qi.addColumn('projects', 'retestPlanItemIds', json());
  await qi.addIndex('projects', ['parentProjectId'], { unique: true, name: 'projects_retest_parent' });
  await qi.addColumn('reports', 'retestOfReportId', fk('reports'));
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('reports', 'retestOfReportId');
  await qi.removeIndex('projects', 'projects_retest_parent');
  await qi.removeColumn('projects', 'retestPlanItemIds');
  await qi.removeColumn('projects', 'retestOfReportId');
  await qi.removeColumn('projects', 'parentProjectId');
}
