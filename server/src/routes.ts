import { healthSchema, regionListSchema, regions } from '@xf/domain';
import { accountRoutes } from './accounts/routes';
import { authRoutes } from './auth/routes';
import { complianceRoutes } from './compliance/routes';
import { route, type RouteDef } from './core/route';
import { faceRoutes } from './face-profiles/routes';
import { fileRoutes } from './files/routes';
import { homeRoutes } from './home/routes';
import { institutionRoutes } from './institutions/routes';
import { operationLogRoutes } from './operation-log/routes';
import { redFlagRoutes } from './red-flags/routes';
import { registryRoutes } from './registries/routes';
import { workLogRoutes } from './work-logs/routes';
import { standardRoutes } from './standards/routes';
import { clientRoutes } from './clients/routes';
import { projectRoutes } from './projects/routes';
import { contractRoutes } from './maintenance-contracts/routes';
import { coverageRoutes } from './projects/coverage-routes';
import { buildingRoutes } from './buildings/routes';
import { testingPlanRoutes } from './testing-plans/routes';
import { maintenancePlanRoutes } from './maintenance-plans/routes';
import { specialApplicationRoutes } from './special-applications/routes';
import { reportRoutes } from './reports/routes';
import { testingReportRoutes } from './testing-reports/routes';
import { maintenanceReportRoutes } from './maintenance-reports/routes';
import { siteRequestRoutes } from './site-requests/routes';
import { testingTaskRoutes } from './testing-tasks/routes';
import { maintenanceTaskRoutes } from './maintenance-tasks/routes';
import { testingRecordRoutes } from './testing-records/routes';
import { reminderRoutes } from './reminders/routes';

const metaRoutes = [
  route({
    method: 'get',
    path: '/health',
    summary: '健康检查：状态、数据库类型、迁移版本',
    tag: '系统',
    auth: 'public',
    response: healthSchema,
    handler: async ({ app }) => {
      await app.sequelize.query('SELECT 1');
      return {
        status: 'ok',
        database: { dialect: app.sequelize.getDialect(), migration: app.migration },
        files: app.files.kind,
        jobs: app.config.redisUrl ? 'bullmq' : 'in-process',
        wechat: app.config.wechat ? 'wechat' : 'dev-fake',
      };
    },
  }),
  route({
    method: 'get',
    path: '/regions',
    summary: '省市区（搜索条件用）',
    tag: '系统',
    auth: 'public',
    response: regionListSchema,
    handler: () => regions,
  }),
];

export const allRoutes: RouteDef<any, any, any>[] = [
  ...metaRoutes,
  ...authRoutes,
  ...accountRoutes,
  ...institutionRoutes,
  ...registryRoutes,
  ...complianceRoutes,
  ...redFlagRoutes,
  ...operationLogRoutes,
  ...fileRoutes,
  ...faceRoutes,
  ...workLogRoutes,
  ...homeRoutes,
  ...standardRoutes,
  ...clientRoutes,
  ...contractRoutes,
  ...projectRoutes,
  ...buildingRoutes,
  ...coverageRoutes,
  ...testingPlanRoutes,
  ...maintenancePlanRoutes,
  ...specialApplicationRoutes,
  ...reportRoutes,
  ...testingReportRoutes,
  ...maintenanceReportRoutes,
  ...testingTaskRoutes,
  ...reminderRoutes,
  ...siteRequestRoutes,
  ...testingRecordRoutes,
  ...maintenanceTaskRoutes,
];
