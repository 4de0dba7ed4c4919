import { Op } from 'sequelize';
import { homeSummarySchema } from '@xf/domain';
import { route } from '../core/route';
import { beijingToday } from '../core/time';
import { FaceProfile } from '../face-profiles/models';
import { RedFlag } from '../red-flags/model';
import { WorkLog } from '../work-logs/model';
import { Institution } from '../institutions/models';
import { countPendingForLead } from '../site-requests/service';

/**
 * Counts for each role's home page. Requests, reviews and reports come with the testing and maintenance
 * modules; until then they are real zeros, because nothing of that kind exists yet.
 */
export const homeRoutes = [
  route({
    method: 'get',
    path: '/home/summary',
    summary: '首页待办数量（按角色）',
    tag: '首页',
    response: homeSummarySchema,
    handler: async ({ actor }) => {
      const base = { pendingRequests: 0, pendingReviews: 0, reportsToFile: 0 };
      switch (actor.kind) {
        case 'operator':
          return {
            ...base,
            workLogsToday: await WorkLog.count({ where: { accountId: actor.id, date: beijingToday() } }),
          };
        case 'project_lead':
          return { ...base, pendingRequests: await countPendingForLead(actor) };
        case 'brigade':
          return {
            ...base,
            pendingFaceProfiles: await FaceProfile.count({ where: { status: 'pending' } }),
            openRedFlags: await RedFlag.count({ where: { clearedAt: { [Op.is]: null } } }),
            noncompliantInstitutions: await Institution.count({
              where: { complianceStatus: 'noncompliant' },
            }),
          };
        case 'institution_admin':
          return {
            ...base,
            openRedFlags: await RedFlag.count({
              where: { institutionId: actor.institutionId!, clearedAt: { [Op.is]: null } },
            }),
            workLogsToday: await WorkLog.count({
              where: { institutionId: actor.institutionId!, date: beijingToday() },
            }),
          };
        default:
          return base;
      }
    },
  }),
];
