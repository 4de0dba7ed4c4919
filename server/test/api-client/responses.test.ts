import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  complianceViewSchema,
  detachmentListSchema,
  healthSchema,
  institutionListSchema,
  institutionViewSchema,
  operationLogListSchema,
  personListSchema,
  redFlagKindListSchema,
  redFlagListSchema,
  regionListSchema,
  registryImportDetailSchema,
  registryImportListSchema,
  registryProjectListSchema,
  socialUnitListSchema,
  staffChangeListSchema,
  standardEditionDiffViewSchema,
  standardEditionListSchema,
  standardEditionSummarySchema,
  standardEditionViewSchema,
} from '@xf/domain';
import { startTestApp, type TestApp } from '../support/test-app';

// The response schemas are what the typed clients trust: each is checked here against a real answer on the
// demo data, so a presenter that drifts from its schema fails.
let t: TestApp;
let brigade: string;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  brigade = await t.login('zongdui');
  admin = await t.login('jigou01');
});
afterAll(() => t.close());

async function expectShape(schema: z.ZodType, path: string, token?: string) {
  const res = await t.request('GET', path, { token });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  const parsed = schema.safeParse(res.body);
  expect(parsed.error?.issues ?? [], path).toEqual([]);
  return res.body;
}

it('system: health and regions', async () => {
  await expectShape(healthSchema, '/api/health');
  await expectShape(regionListSchema, '/api/regions');
});

it('institutions: list, one with its abilities, persons, compliance, staff changes, detachments', async () => {
  await expectShape(detachmentListSchema, '/api/detachments', brigade);
  const list = await expectShape(institutionListSchema, '/api/institutions', brigade);
  expect(list.items.length).toBeGreaterThan(0);
  const me = (await t.request('GET', '/api/auth/me', { token: admin })).body;
  const id = me.institutionId;
  const one = await expectShape(institutionViewSchema, `/api/institutions/${id}`, admin);
  expect(one.abilities).toHaveProperty('confirmRegistration');
  const persons = await expectShape(personListSchema, `/api/institutions/${id}/persons`, admin);
  expect(persons.items.length).toBeGreaterThan(0);
  await expectShape(complianceViewSchema, `/api/institutions/${id}/compliance`, brigade);
  await expectShape(staffChangeListSchema, `/api/institutions/${id}/staff-changes`, admin);
});

it('registries: imports, one import with its changes, social units, registry projects', async () => {
  const imports = await expectShape(registryImportListSchema, '/api/registry/imports', brigade);
  expect(imports.items.length).toBeGreaterThan(0);
  await expectShape(registryImportDetailSchema, `/api/registry/imports/${imports.items[0].id}`, brigade);
  await expectShape(socialUnitListSchema, `/api/social-units?q=${encodeURIComponent('北京')}`, admin);
  await expectShape(registryProjectListSchema, '/api/registry-projects', admin);
});

it('red flags, operation logs and standard editions', async () => {
  await expectShape(redFlagListSchema, '/api/red-flags', brigade);
  await expectShape(redFlagKindListSchema, '/api/red-flags/kinds', brigade);
  // A change to log, whose answer is the institution as well.
  const me = (await t.request('GET', '/api/auth/me', { token: admin })).body;
  const confirmed = await t.request('POST', `/api/institutions/${me.institutionId}/confirm-registration`, {
    token: admin,
  });
  expect(institutionViewSchema.safeParse(confirmed.body).error?.issues ?? []).toEqual([]);
  const logs = await expectShape(operationLogListSchema, '/api/operation-logs', brigade);
  expect(logs.items.length).toBeGreaterThan(0);
  const editions = await expectShape(standardEditionListSchema, '/api/standard-editions', brigade);
  await expectShape(standardEditionSummarySchema, '/api/standard-editions/in-force', brigade);
  await expectShape(standardEditionViewSchema, `/api/standard-editions/${editions[0].id}`, brigade);
  await expectShape(standardEditionDiffViewSchema, `/api/standard-editions/${editions[0].id}/diff`, brigade);
});
