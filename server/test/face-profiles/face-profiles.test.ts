import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { fileForm } from '../support/forms';
import { demoFacePhoto } from '../../src/demo/seed';
import { FaceComparison } from '../../src/face-profiles/models';

let samePerson: Buffer;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  samePerson = await demoFacePhoto();
});
afterAll(async () => t?.close());

const form = (buf: Buffer, name = 'photo.jpg') => fileForm(buf, name, 'photo');

describe('face profiles', () => {
  it('upload → pending → brigade approves; status visible to the owner', async () => {
    const op = await t.login('caozuo02');
    const up = await t.request('POST', '/api/face-profiles', { token: op, form: form(samePerson) });
    expect(up.status).toBe(201);
    expect(up.body.status).toBe('pending');
    const brigade = await t.login('zongdui');
    const queue = await t.request('GET', '/api/face-profiles?status=pending', { token: brigade });
    expect(queue.body.items.map((p: any) => p.id)).toContain(up.body.id);
    const photo = await t.request('GET', `/api/face-profiles/${up.body.id}/photo`, { token: brigade });
    expect(photo.status).toBe(200);
    const rejectNoReason = await t.request('POST', `/api/face-profiles/${up.body.id}/reject`, {
      token: brigade,
      body: { reason: '' },
    });
    expect(rejectNoReason.status).toBe(400);
    expect(rejectNoReason.body.error.field).toBe('reason');
    const ok = await t.request('POST', `/api/face-profiles/${up.body.id}/approve`, { token: brigade });
    expect(ok.body.status).toBe('approved');
    expect((await t.request('GET', '/api/face-profiles/me', { token: op })).body.status).toBe('approved');
    expect(
      (await t.request('POST', `/api/face-profiles/${up.body.id}/approve`, { token: brigade })).status,
    ).toBe(409);
  });

  it('a rejected profile carries the reason; only the brigade reviews', async () => {
    const lead = await t.login('xiangmu01');
    const up = await t.request('POST', '/api/face-profiles', { token: lead, form: form(samePerson) });
    expect(
      (await t.request('POST', `/api/face-profiles/${up.body.id}/approve`, { token: lead })).status,
    ).toBe(403);
    const brigade = await t.login('zongdui');
    const rej = await t.request('POST', `/api/face-profiles/${up.body.id}/reject`, {
      token: brigade,
      body: { reason: '背景不是白色，请重拍' },
    });
    expect(rej.body.status).toBe('rejected');
    const me = await t.request('GET', '/api/auth/me', { token: lead });
    expect(me.body.faceProfileStatus).toBe('rejected');
    expect(me.body.faceProfileRejectReason).toBe('背景不是白色，请重拍');
  });

  it('refuses a photo with no face and a non-image', async () => {
    const op = await t.login('caozuo01');
    const blank = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#ffffff' } })
      .jpeg()
      .toBuffer();
    const r = await t.request('POST', '/api/face-profiles', { token: op, form: form(blank) });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('no_face');
    const pdf = await t.request('POST', '/api/face-profiles', {
      token: op,
      form: form(Buffer.from('%PDF-1.4 xx'), 'a.jpg'),
    });
    expect(pdf.status).toBe(415);
  });

  it('compares a live photo with the approved profile and logs the score', async () => {
    const op = await t.login('caozuo01');
    // The same person photographed again: other framing, size and exposure.
    const live = await demoFacePhoto({ margin: 0.6, width: 300, brightness: 1.15 });
    const res = await t.request('POST', '/api/face/compare', { token: op, form: form(live) });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(true);
    expect(await FaceComparison.count()).toBeGreaterThanOrEqual(1);
    const { portraitOf } = await import('../support/faces');
    const stranger = await t.request('POST', '/api/face/compare', {
      token: op,
      form: form(await portraitOf('curlyBlonde')),
    });
    expect(stranger.status).toBe(200);
    expect(stranger.body.accepted).toBe(false);
  });
});
