import { z } from 'zod';

/** The to-do counts on each role's home page; a role sees only the counts that concern it. */
export const homeSummarySchema = z.object({
  pendingRequests: z.number().int(),
  pendingReviews: z.number().int(),
  reportsToFile: z.number().int(),
  workLogsToday: z.number().int().optional(),
  pendingFaceProfiles: z.number().int().optional(),
  openRedFlags: z.number().int().optional(),
  noncompliantInstitutions: z.number().int().optional(),
});
export type HomeSummary = z.infer<typeof homeSummarySchema>;
