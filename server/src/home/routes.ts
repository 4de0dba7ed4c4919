import { Op } from 'sequelize';
import { homeSummarySchema } from '@xf/domain';
import { route } from '../core/route';
import { beijingToday } from '../core/time';
import { FaceProfile } from '../face-profiles/models';
import { Institution } from '../institutions/models';
import { institutionScope } from '../institutions/policies';
import { Project } from '../projects/models';
import { RedFlag } from '../red-flags/model';
import { Report } from '../reports/models';
import { listScope, scopeWhere } from '../core/policy';
import { SiteRequest } from '../site-requests/models';
import '../site-requests/policies';
import '../reports/policies';
import { countPendingForLead } from '../site-requests/service';
import { SpecialApplication } from '../special-applications/models';
import { TestingRecord } from '../testing-records/models';
import '../testing-records/policies';
import { WorkLog } from '../work-logs/model';
import { MaintenanceTask } from '../maintenance-tasks/models';
import '../maintenance-tasks/policies';
import type { Actor } from '../core/actor';

const openFlag = { clearedAt: { [Op.is]: null } };

/** The detachment's counts use the same visibility as its lists, so each count is what its list shows. */
async function detachmentCounts(actor: Actor) {
  const projects = scopeWhere(await listScope(actor, 'project'));
  const countProjects = (kind: 'testing' | 'maintenance') =>
    Project.count({ where: { [Op.and]: [projects, { kind }] } });
  return {
    testingProjects: await countProjects('testing'),
    maintenanceProjects: await countProjects('maintenance'),
    receivedReports: await Report.count({ where: scopeWhere(await listScope(actor, 'report')) }),
    openRedFlags: await RedFlag.count({
      where: { [Op.and]: [openFlag, scopeWhere(await institutionScope(actor, 'institutionId'))] },
    }),
  };
}

/** 待备案报告: the institution's reports not filed yet (the technical lead's list, status=uploaded). */
const reportsToFile = async (actor: Actor) =>
  Report.count({
    where: { [Op.and]: [scopeWhere(await listScope(actor, 'report')), { status: 'uploaded' }] },
  });

/** 待审核: submitted testing records waiting for the lead's review, in the projects whose records the actor lists. */
const recordsToReview = async (actor: Actor) =>
  TestingRecord.count({
    where: { [Op.and]: [scopeWhere(await listScope(actor, 'testing_record')), { status: 'submitted' }] },
  });

/** 消防维保-待审核: submitted maintenance tasks, in the projects whose tasks the actor lists. */
const tasksToReview = async (actor: Actor) =>
  MaintenanceTask.count({
    where: { [Op.and]: [scopeWhere(await listScope(actor, 'maintenance_task')), { status: 'submitted' }] },
  });

/**
 * Counts for each role's home page; each one is the total of a list the role can open. A count a role
 * has no list for is a real zero (an operator decides no request, a technical lead reviews no record).
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
          return {
            ...base,
            pendingRequests: await countPendingForLead(actor),
            pendingReviews: await recordsToReview(actor),
            pendingMaintenanceRequests: await countPendingForLead(actor, 'maintenance'),
            pendingMaintenanceReviews: await tasksToReview(actor),
          };
        case 'brigade':
          return {
            openRedFlags: await RedFlag.count({ where: openFlag }),
            noncompliantInstitutions: await Institution.count({
              where: { complianceStatus: 'noncompliant' },
            }),
            pendingFaceProfiles: await FaceProfile.count({ where: { status: 'pending' } }),
            pendingSpecialApplications: await SpecialApplication.count({ where: { status: 'pending' } }),
          };
        case 'detachment':
          return detachmentCounts(actor);
        case 'technical_lead':
          return { ...base, reportsToFile: await reportsToFile(actor) };
        case 'institution_admin':
          return {
            ...base,
            reportsToFile: await reportsToFile(actor),
            pendingRequests: await SiteRequest.count({
              where: {
                [Op.and]: [scopeWhere(await listScope(actor, 'site_request')), { status: 'pending' }],
              },
            }),
            openRedFlags: await RedFlag.count({
              where: { institutionId: actor.institutionId!, ...openFlag },
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
