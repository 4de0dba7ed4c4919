import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredFile } from '../../src/files/model';
import { sampleIsoMedia, sampleVideo } from '../platform/fixtures/sample-files';
import { fileForm } from '../support/forms';
import { startTestApp, testDialect, type TestApp } from '../support/test-app';

/**
 * Issue 11: the "+" of a maintenance record takes a video recorded on the phone. POST /files accepts MP4 and MOV
 * up to UPLOAD_MAX_VIDEO_MB (1 MB here), recognised by their content as a whole: a name or a declared type saying
 * "video" proves nothing.
 */
let t: TestApp;
let op: string;
const MB = 1024 * 1024;
beforeAll(async () => {
  t = await startTestApp({ env: { UPLOAD_MAX_VIDEO_MB: '1', UPLOAD_MAX_DOCUMENT_MB: '2' } });
  op = await t.login('caozuo01');
});
afterAll(async () => t?.close());

/** As the phone's file input sends it: a video name and a declared video type. */
const asVideo = (buf: Buffer, name = '现场视频.mp4') => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(buf)], { type: 'video/mp4' }), name);
  return form;
};
const upload = (form: FormData, key?: string) =>
  t.request('POST', '/api/files', {
    token: op,
    form,
    ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
  });

describe(`video uploads (${testDialect})`, () => {
  it('stores an MP4 and a MOV by their content, once per Idempotency-Key, and serves them back', async () => {
    const mp4 = sampleVideo('isom');
    const first = await upload(asVideo(mp4), 'video-key-0001');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ category: 'video', mime: 'video/mp4', size: mp4.length });
    const replay = await upload(asVideo(mp4), 'video-key-0001');
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    expect(await StoredFile.count({ where: { idempotencyKey: 'video-key-0001' } })).toBe(1);
    const got = await t.request('GET', `/api/files/${first.body.id}`, { token: op });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('video/mp4');
    expect(got.buffer!.equals(mp4)).toBe(true);

    const mov = await upload(fileForm(sampleVideo('qt  '), 'clip.mov'));
    expect(mov.status).toBe(201);
    expect(mov.body).toMatchObject({ category: 'video', mime: 'video/quicktime' });
  });

  it('refuses what only claims to be a video: text, a bare ftyp header, a header glued to a program', async () => {
    const text = await upload(asVideo(Buffer.from('<html><script>alert(1)</script></html>')));
    expect(text.status).toBe(415);
    expect(text.body.error.message).toContain('文件类型不符合要求');
    expect(text.body.error.message).toContain('视频（MP4、MOV）');

    const bare = await upload(asVideo(sampleIsoMedia('isom', ['isom', 'mp41'])));
    expect(bare.status).toBe(415);
    expect(bare.body.error.message).toContain('不是有效的视频');

    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(4000, 0x90)]);
    const glued = await upload(
      asVideo(Buffer.concat([sampleIsoMedia('isom', ['isom']).subarray(0, -8), elf])),
    );
    expect(glued.status).toBe(415);
    expect(glued.body.error.message).toContain('不是有效的视频');

    const trailing = await upload(asVideo(Buffer.concat([sampleVideo('isom'), elf])));
    expect(trailing.status).toBe(415);

    const audio = await upload(
      asVideo(Buffer.concat([sampleIsoMedia('M4A ', ['M4A ', 'isom']), sampleVideo().subarray(28)])),
    );
    expect(audio.status).toBe(415);
  });

  it('refuses a video over UPLOAD_MAX_VIDEO_MB with 413 naming the limit (documents keep theirs)', async () => {
    const big = await upload(asVideo(sampleVideo('isom', Math.round(1.5 * MB))));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('文件大小不能超过1MB');
    expect(await StoredFile.count({ where: { category: 'video', size: { [Op.gt]: MB } } })).toBe(0);
  });
});
