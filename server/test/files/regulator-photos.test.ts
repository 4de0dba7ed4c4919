import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../projects/fixtures';
import { phonePhoto, reportWorld, type ReportWorld } from '../testing-reports/world';

/** Photos of testing records: the regulators of the project's jurisdiction read them, others do not. */
let r: ReportWorld;
let elsewhere: string;
let strayPhotoId: number;
beforeAll(async () => {
  r = await reportWorld();
  await createAccount({
    accountName: 'zhidui-elsewhere',
    kind: 'detachment',
    detachmentId: r.w.elsewhere.id,
  });
  elsewhere = await r.t.login('zhidui-elsewhere');
  // A photo in no record of any project.
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await phonePhoto())]), 'other.jpg');
  const stray = await r.t.request('POST', '/api/files', { token: await r.t.login('caozuo01'), form });
  expect(stray.status).toBe(201);
  strayPhotoId = stray.body.id;
});
afterAll(() => r?.t.close());

const open = (token: string, id = r.photoFileId) => r.t.request('GET', `/api/files/${id}`, { token });

describe('photos of a testing project for the regulators', () => {
  it('the detachment of the project’s jurisdiction opens the photos of its testing records', async () => {
    const res = await open(r.w.detachment);
    expect(res.status).toBe(200);
    expect(res.buffer!.length).toBeGreaterThan(0);
  });

  it('the brigade (总队, the whole city) opens them too', async () => {
    expect((await open(r.w.brigade)).status).toBe(200);
  });

  it('another detachment is refused', async () => {
    expect((await open(elsewhere)).status).toBe(403);
  });

  it('the detachment is refused a photo that belongs to no record of its projects', async () => {
    expect((await open(r.w.detachment, strayPhotoId)).status).toBe(403);
  });

  it('a photo whose id only appears inside a longer id is not a match', async () => {
    // e.g. photo 5 must not open because a record holds photo 15.
    const [row] = await r.sql('SELECT MAX(id) AS id FROM stored_files');
    const ids = JSON.stringify([Number(row.id) * 10 + strayPhotoId]);
    const [first] = await r.sql('SELECT MIN(id) AS id FROM testing_records');
    await r.exec('UPDATE testing_records SET photoFileIds = :ids WHERE id = :id', { ids, id: first.id });
    expect((await open(r.w.detachment, strayPhotoId)).status).toBe(403);
  });
});
