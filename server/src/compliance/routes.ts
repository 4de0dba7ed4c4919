import { route } from '../core/route';
import { recordOperation } from '../operation-log/record';
import { runCompliancePass } from './service';

export const complianceRoutes = [
  route({
    method: 'post',
    path: '/compliance/run',
    summary: '立即核查全部机构的从业条件（系统每天自动核查，每次导入后也会核查）',
    tag: '从业条件核查',
    kinds: ['brigade'],
    handler: async ({ app, actor, requestId }) => {
      const result = await runCompliancePass(app, 'manual');
      await recordOperation(
        null,
        actor,
        { action: 'compliance.run', entityType: 'compliance', after: result },
        requestId,
      );
      return result;
    },
  }),
];
