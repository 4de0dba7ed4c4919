import { complianceRunResultSchema } from '@xf/domain';
import { runCommand } from '../core/command';
import { route } from '../core/route';
import { runCompliancePass } from './service';
import './policies';

export const complianceRoutes = [
  route({
    method: 'post',
    path: '/compliance/run',
    summary: '立即核查全部机构的从业条件（系统每天自动核查，每次导入后也会核查）',
    tag: '从业条件核查',
    policy: { action: 'run', resource: 'compliance' },
    response: complianceRunResultSchema,
    handler: async ({ context }) => {
      // The pass commits institution by institution as 'system'; who asked for it is recorded after.
      const result = await runCompliancePass(context, 'manual');
      return runCommand(context, 'compliance.run', async () => ({
        result,
        audit: { entityType: 'compliance', after: result },
      }));
    },
  }),
];
