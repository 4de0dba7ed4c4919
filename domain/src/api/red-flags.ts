import { z } from 'zod';
import { pageOf } from './common';

/** 跟踪标红: a person or institution the system keeps an eye on, open until cleared. */
export const redFlagViewSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  kindLabel: z.string(),
  subjectType: z.string(),
  subjectId: z.number().int(),
  subjectName: z.string(),
  institutionId: z.number().int().nullable(),
  reason: z.string(),
  details: z.unknown(),
  raisedAt: z.string(),
  clearedAt: z.string().nullable(),
  open: z.boolean(),
});
export type RedFlagView = z.infer<typeof redFlagViewSchema>;
export const redFlagListSchema = pageOf(redFlagViewSchema);

export const redFlagKindListSchema = z.array(z.object({ kind: z.string(), label: z.string() }));
