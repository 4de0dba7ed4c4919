import { existsSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeOrphanedUploads, uploadTempDir } from '../../src/core/upload';
import { contractPdf } from '../../src/demo/fixtures/contract-pdf';
import { RegistryImport } from '../../src/registries/models';
import { fileForm } from '../support/forms';
import { startPeerProcess, startTestApp, type TestApp } from '../support/test-app';
import { sampleImage, samplePdf } from '../platform/fixtures/sample-files';
import { zipBomb } from './zip-bomb';

let t: TestApp;
let op: string;
let brigade: string;
let jpeg: Buffer;
const MB = 1024 * 1024;
beforeAll(async () => {
  t = await startTestApp({
    env: { UPLOAD_MAX_DOCUMENT_MB: '2', UPLOAD_MAX_IMAGE_MB: '1', UPLOAD_MAX_CONCURRENT_PER_ACCOUNT: '1' },
  });
  op = await t.login('caozuo01');
  brigade = await t.login('zongdui');
  jpeg = await sampleImage('jpeg');
});
afterAll(async () => t?.close());

const upload = (buf: Buffer, name: string, token = op) =>
  t.request('POST', '/api/files', { token, form: fileForm(buf, name) });
const tempFiles = () => (existsSync(uploadTempDir(t.app)) ? readdirSync(uploadTempDir(t.app)) : []);

describe('uploads are checked as a whole, not by their first bytes', () => {
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(4000, 0x90)]);

  it('accepts real pictures and PDFs', async () => {
    expect((await upload(jpeg, 'a.jpg')).status).toBe(201);
    expect((await upload(await sampleImage('png'), 'a.png')).status).toBe(201);
    expect((await upload(samplePdf(), 'a.pdf')).status).toBe(201);
    expect((await upload(contractPdf('contract', ['test']), 'b.pdf')).status).toBe(201);
  });

  it('refuses an ELF program behind a JPEG prefix, and a picture with a program glued behind it', async () => {
    const prefixed = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), elf]), 'x.jpg');
    expect(prefixed.status).toBe(415);
    expect(prefixed.body.error.message).toMatch(/不是有效的图片/);
    const glued = await upload(Buffer.concat([jpeg, elf]), 'y.jpg');
    expect(glued.status).toBe(415);
    const truncated = await upload(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'z.jpg');
    expect(truncated.status).toBe(415);
  });

  it('refuses %PDF- followed by HTML, and a PDF whose startxref points nowhere', async () => {
    const html = await upload(Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>'), 'x.pdf');
    expect(html.status).toBe(415);
    expect(html.body.error.message).toMatch(/不是有效的PDF文件/);
    const bad = await upload(
      Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\nstartxref\n99999\n%%EOF\n'),
      'y.pdf',
    );
    expect(bad.status).toBe(415);
  });

  it('serves files with nosniff, and anything but a picture as an attachment', async () => {
    const pdf = await upload(samplePdf(), '范围页.pdf');
    const got = await t.request('GET', `/api/files/${pdf.body.id}`, { token: op });
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    const img = await upload(jpeg, 'p.jpg');
    const shown = await t.request('GET', `/api/files/${img.body.id}`, { token: op });
    expect(shown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(shown.headers.get('content-disposition')).toBeNull();
  });
});

describe('size and concurrency limits', () => {
  it('refuses an upload over the limit with 413 and keeps nothing of it', async () => {
    const big = Buffer.concat([samplePdf(), Buffer.alloc(3 * MB)]);
    const res = await upload(big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/文件大小不能超过2MB/);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses a body whose declared length is over the limit before reading it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${t.baseURL}/api/files`);
      const req = http.request(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${op}`,
          'content-type': 'multipart/form-data; boundary=b0',
          'content-length': String(60 * MB),
        },
      });
      req.on('response', (res) => resolve(res.statusCode!));
      req.on('error', reject);
      req.write('--b0\r\n'); // the rest never comes: the answer must not wait for it
    });
    expect(status).toBe(413);
  });

  /** An upload that has sent its first bytes and holds its slot until `finish` (waits for the temporary file). */
  async function slowUpload(baseURL: string, token: string) {
    const slow = http.request(new URL(`${baseURL}/api/files`), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=b0' },
    });
    const status = new Promise<number>((resolve) => slow.on('response', (r) => resolve(r.statusCode!)));
    slow.write('--b0\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n');
    slow.write(jpeg.subarray(0, 100));
    // The slot is taken once the server writes the temporary file (no guess at how long that takes).
    for (let i = 0; i < 2000 && tempFiles().length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(tempFiles()).toHaveLength(1);
    return {
      finish() {
        slow.end(Buffer.concat([jpeg.subarray(100), Buffer.from('\r\n--b0--\r\n')]));
        return status;
      },
    };
  }

  it('caps concurrent uploads per account with 429 and a Chinese message', async () => {
    // A slow upload holds the account's only slot.
    const slow = await slowUpload(t.baseURL, op);
    const second = await upload(jpeg, 'b.jpg');
    expect(second.status).toBe(429);
    expect(second.body.error.message).toBe('同时上传的文件过多，请等当前文件上传完成后再试');
    // another account is not held up
    const lead = await t.login('jigou01');
    expect((await upload(jpeg, 'c.jpg', lead)).status).not.toBe(429);
    expect(await slow.finish()).toBe(201);
    expect((await upload(jpeg, 'd.jpg')).status).toBe(201);
  });

  it('caps concurrent uploads per process: with one slot, another account waits its turn', async () => {
    // A second process on the same data directory (so its temporary files are seen here) with one slot.
    const one = await startPeerProcess(t, { UPLOAD_MAX_CONCURRENT: '1' });
    try {
      const lead = await t.login('jigou01');
      const slow = await slowUpload(one.baseURL, op);
      const send = (name: string) =>
        fetch(`${one.baseURL}/api/files`, {
          method: 'POST',
          headers: { authorization: `Bearer ${lead}` },
          body: fileForm(jpeg, name),
        });
      const refused = await send('e.jpg');
      expect(refused.status).toBe(429);
      expect(await slow.finish()).toBe(201);
      expect((await send('f.jpg')).status).toBe(201);
    } finally {
      await one.stop();
    }
  }, 120_000);

  it('a process starting removes temporary uploads left by a process that died, not those of a live one', async () => {
    const dir = uploadTempDir(t.app);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '999999999-orphan'), 'partial upload');
    writeFileSync(path.join(dir, `${process.pid}-receiving`), 'an upload this process still receives');
    // A second server process on the same data directory cleans up as it starts.
    const peer = await startPeerProcess(t);
    await peer.stop();
    expect(tempFiles()).toEqual([`${process.pid}-receiving`]);
    await removeOrphanedUploads(t.app);
    expect(tempFiles()).toEqual([`${process.pid}-receiving`]);
    unlinkSync(path.join(dir, `${process.pid}-receiving`));
  }, 120_000);
});

describe('Excel bombs are refused before inflating', () => {
  it('a workbook declaring 120 MB inside is refused with a clear message, as is one understating its size', async () => {
    const before = await RegistryImport.count();
    const bomb = await zipBomb(120 * MB);
    expect(bomb.length).toBeLessThan(2 * MB);
    const res = await t.request('POST', '/api/registry/ministry/imports', {
      token: brigade,
      form: fileForm(bomb, 'bomb.xlsx'),
    });
    expect(res.status).toBe(415);
    expect(res.body.error.message).toMatch(/可能是恶意构造的压缩文件/);
    const hidden = await zipBomb(120 * MB, { understate: true });
    const res2 = await t.request('POST', '/api/registry/ministry/imports', {
      token: brigade,
      form: fileForm(hidden, 'hidden.xlsx'),
    });
    expect(res2.status).toBe(415);
    expect(await RegistryImport.count()).toBe(before);
  }, 240_000);
});
