import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_EDITIONS } from '@xf/domain';
import { startTestApp, type TestApp } from '../support/test-app';
import { StandardEditionRecord } from '../../src/standards/model';

let t: TestApp;
let brigade: string;
const base = BUILT_IN_EDITIONS[0]!;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
  brigade = await t.login('zongdui');
});
afterAll(async () => t?.close());

function corrected(id: string, effectiveDate: string) {
  const e = structuredClone(base);
  e.id = id;
  e.title = `${base.title}（更正）`;
  e.effectiveDate = effectiveDate;
  const line = e.maintenance[0]!.categories[0]!.facilities[0]!.lines[0]!;
  line.text = `${line.text}（更正）`;
  return e;
}

describe('standard editions', () => {
  it('lists the built-in edition with its counts', async () => {
    const res = await t.request('GET', '/api/standard-editions', { token: brigade });
    expect(res.body[0].id).toBe(base.id);
    expect(res.body[0].counts.maintenanceSystems).toBe(21);
    expect(res.body[0].source).toBe('built_in');
  });

  it('previews a corrected edition with a readable diff, then publishes it; old dates keep the old edition', async () => {
    const edition = corrected('GB25201-2010+京检测评定-2027更正', '2027-01-01');
    const preview = await t.request('POST', '/api/standard-editions/json?dryRun=true', {
      token: brigade,
      body: { edition },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.previousEditionId).toBe(base.id);
    expect(preview.body.diff.counts.changed).toBeGreaterThanOrEqual(1);
    expect(preview.body.diff.counts.added + preview.body.diff.counts.removed).toBe(0);
    expect(preview.body.diffText).toContain('（更正）');
    expect(await StandardEditionRecord.count()).toBe(0);

    const published = await t.request('POST', '/api/standard-editions/json', {
      token: brigade,
      body: { edition },
    });
    expect(published.status).toBe(201);
    expect(
      (await t.request('GET', '/api/standard-editions/in-force?date=2026-06-01', { token: brigade })).body.id,
    ).toBe(base.id);
    expect(
      (await t.request('GET', '/api/standard-editions/in-force?date=2027-02-01', { token: brigade })).body.id,
    ).toBe(edition.id);
    const again = await t.request('POST', '/api/standard-editions/json', {
      token: brigade,
      body: { edition },
    });
    expect(again.status).toBe(409);
  });

  it('refuses an invalid edition, listing where, and stores nothing', async () => {
    const edition = corrected('坏版本', '2028-01-01') as any;
    edition.testing[0].subItems[0].items[0].class = 'D';
    edition.maintenance[1].categories[0].facilities[0].lines[0].source = undefined;
    const before = await StandardEditionRecord.count();
    const res = await t.request('POST', '/api/standard-editions/json', { token: brigade, body: { edition } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.length).toBeGreaterThanOrEqual(2);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await StandardEditionRecord.count()).toBe(before);
  });

  it('round-trips through the Excel workbook', async () => {
    const wb = await t.request('GET', `/api/standard-editions/${encodeURIComponent(base.id)}/workbook`, {
      token: brigade,
    });
    expect(wb.status).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(wb.buffer!)]), 'edition.xlsx');
    // The same content under the same id is refused as a duplicate, which proves it parsed back to the same edition.
    const res = await t.request('POST', '/api/standard-editions/excel?dryRun=true', { token: brigade, form });
    expect(res.status).toBe(409);
  });

  it('only the brigade publishes', async () => {
    const admin = await t.login('jigou01');
    const res = await t.request('POST', '/api/standard-editions/json', {
      token: admin,
      body: { edition: corrected('x1', '2029-01-01') },
    });
    expect(res.status).toBe(403);
  });
});
