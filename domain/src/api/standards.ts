import { z } from 'zod';
import { standardEditionSchema } from '../catalog/edition-schema';
import type { EditionDiff } from '../catalog/edition-diff';

/** An edition's heading and how much it holds, without the catalogues. */
export const standardEditionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  effectiveDate: z.string(),
  sources: z.array(z.string()),
  counts: z.object({
    maintenanceSystems: z.number().int(),
    maintenanceLines: z.number().int(),
    singleItems: z.number().int(),
    testItems: z.number().int(),
  }),
});
export type StandardEditionSummary = z.infer<typeof standardEditionSummarySchema>;

export const standardEditionListSchema = z.array(
  standardEditionSummarySchema.extend({
    source: z.enum(['built_in', 'json', 'excel']),
    publishedAt: z.string().nullable(),
  }),
);

/** An edition in full (maintenance and testing catalogues), as published. */
export const standardEditionViewSchema = standardEditionSchema;

const fieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});
export const editionDiffSchema: z.ZodType<EditionDiff> = z.object({
  from: z.string(),
  to: z.string(),
  changes: z.array(
    z.object({
      kind: z.enum(['added', 'removed', 'changed']),
      level: z.enum(['edition', 'system', 'category', 'facility', 'line', 'single_item', 'sub_item', 'item']),
      id: z.string(),
      name: z.string(),
      context: z.string(),
      fieldChanges: z.array(fieldChangeSchema),
      description: z.string(),
    }),
  ),
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
});

export const standardEditionDiffViewSchema = z.object({
  previousEditionId: z.string().nullable(),
  diff: editionDiffSchema.nullable(),
});

/** A publication (or its dry run): the edition and what it changes against the one in force. */
export const standardEditionPreviewSchema = z.object({
  edition: standardEditionViewSchema,
  previousEditionId: z.string().nullable(),
  diff: editionDiffSchema.nullable(),
  diffText: z.string().nullable(),
});
export type StandardEditionPreview = z.infer<typeof standardEditionPreviewSchema>;
