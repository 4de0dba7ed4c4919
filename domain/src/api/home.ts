import { z } from 'zod';

/** The to-do counts on each role's home page; a role sees only the counts that concern it. */
export const homeSummarySchema = z.object({
  pendingRequests: z.number().int(),
  pendingReviews: z.number().int(),
  reportsToFile: z.number().int(),
  /** The project lead's 待处理申请 of maintenance tasks (counted in pendingRequests too): the 消防维保 tab. */
  pendingMaintenanceRequests: z.number().int().optional(),
  /** The project lead's 消防维保-待审核: submitted maintenance tasks of the projects they lead. */
  pendingMaintenanceReviews: z.number().int().optional(),
  workLogsToday: z.number().int().optional(),
  pendingFaceProfiles: z.number().int().optional(),
  openRedFlags: z.number().int().optional(),
  noncompliantInstitutions: z.number().int().optional(),
});
export type HomeSummary = z.infer<typeof homeSummarySchema>;
