import { z } from 'zod';
import { pageOf } from './common';
import { REGISTRY_CHANGES } from './institutions';

export const REGISTRY_NAMES = ['ministry', 'inspection'] as const;
export type RegistryName = (typeof REGISTRY_NAMES)[number];

/** One import of a registry (Excel upload, feed pull or demo data) and its counts. */
export const registryImportViewSchema = z.object({
  id: z.number().int(),
  registry: z.enum(REGISTRY_NAMES),
  registryLabel: z.string(),
  source: z.enum(['excel', 'feed', 'demo']),
  sourceLabel: z.string(),
  fileName: z.string().nullable(),
  status: z.enum(['running', 'completed', 'refused', 'failed', 'interrupted']),
  statusLabel: z.string(),
  message: z.string().nullable(),
  summary: z
    .object({
      joined: z.number().int(),
      changed: z.number().int(),
      left: z.number().int(),
      errors: z.number().int(),
      rows: z.number().int(),
    })
    .nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RegistryImportView = z.infer<typeof registryImportViewSchema>;
export const registryImportListSchema = pageOf(registryImportViewSchema);

/** A workbook row the import left out, and why. */
export const registryRowErrorSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  field: z.string(),
  reason: z.string(),
});
export type RegistryRowError = z.infer<typeof registryRowErrorSchema>;

/** An upload's answer: the import and its refused rows. */
export const registryImportResultSchema = registryImportViewSchema.extend({
  rowErrors: z.array(registryRowErrorSchema),
});

export const registryChangeViewSchema = z.object({
  entity: z.string(),
  entityLabel: z.string(),
  key: z.string(),
  name: z.string(),
  change: z.enum(REGISTRY_CHANGES),
  changeLabel: z.string(),
  fields: z.array(z.string()).nullable(),
  on: z.string(),
});
export type RegistryChangeView = z.infer<typeof registryChangeViewSchema>;

export const registryImportDetailSchema = registryImportResultSchema.extend({
  changes: pageOf(registryChangeViewSchema),
});
export type RegistryImportDetail = z.infer<typeof registryImportDetailSchema>;

export const socialUnitViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string(),
  address: z.string(),
  district: z.string(),
  safetyLevel: z.string(),
  unitType: z.string(),
  detachmentId: z.number().int().nullable(),
  detachmentName: z.string().nullable(),
});
export type SocialUnitView = z.infer<typeof socialUnitViewSchema>;
export const socialUnitListSchema = pageOf(socialUnitViewSchema);

export const registryProjectViewSchema = z.object({
  id: z.number().int(),
  externalId: z.string(),
  kind: z.enum(['maintenance', 'testing']),
  kindLabel: z.string(),
  institutionId: z.number().int().nullable(),
  socialUnitId: z.number().int().nullable(),
  socialUnitName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
export type RegistryProjectView = z.infer<typeof registryProjectViewSchema>;
export const registryProjectListSchema = pageOf(registryProjectViewSchema);

/** What a compliance pass did: institutions checked, admin accounts closed and reopened. */
export const complianceRunResultSchema = z.object({
  checked: z.number().int(),
  closed: z.number().int(),
  reopened: z.number().int(),
});
export type ComplianceRunResult = z.infer<typeof complianceRunResultSchema>;
