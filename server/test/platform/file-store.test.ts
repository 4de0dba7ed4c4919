import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOssServer, type FakeOssServer } from '../../src/platform/files/fake-oss-server';
import {
  createFileStore,
  FileNotFoundError,
  InvalidFileKeyError,
  type FileStore,
} from '../../src/platform/files/file-store';

/** The behaviour every FileStore must have, whatever holds the bytes. */
function fileStoreContract(
  kind: string,
  open: () => Promise<{ store: FileStore; close: () => Promise<void> }>,
) {
  describe(`FileStore contract: ${kind}`, () => {
    let store: FileStore;
    let close: () => Promise<void>;
    beforeAll(async () => ({ store, close } = await open()));
    afterAll(() => close());

    it('stores and returns the exact bytes under a key containing slashes and Chinese', async () => {
      const body = Buffer.from([0x00, 0xff, 0x10, ...Buffer.from('检测报告')]);
      const key = 'institutions/12/营业执照/2025-01-01.pdf';
      expect(await store.exists(key)).toBe(false);
      await store.put(key, body, 'application/pdf');
      expect(await store.exists(key)).toBe(true);
      expect(Buffer.compare(await store.get(key), body)).toBe(0);
    });

    it('replaces an existing object on a second put', async () => {
      await store.put('reports/1.docx', Buffer.from('第一版'), 'application/octet-stream');
      await store.put('reports/1.docx', Buffer.from('第二版'), 'application/octet-stream');
      expect((await store.get('reports/1.docx')).toString()).toBe('第二版');
    });

    it('stores an empty file and a 3MB file', async () => {
      await store.put('empty/none.bin', Buffer.alloc(0), 'application/octet-stream');
      expect((await store.get('empty/none.bin')).length).toBe(0);
      const big = Buffer.alloc(3 * 1024 * 1024, 7);
      await store.put('big/photo.jpg', big, 'image/jpeg');
      expect((await store.get('big/photo.jpg')).equals(big)).toBe(true);
    });

    it('get of a missing key throws FileNotFoundError; exists says false', async () => {
      await expect(store.get('missing/file.pdf')).rejects.toBeInstanceOf(FileNotFoundError);
      await expect(store.get('missing/file.pdf')).rejects.toThrow('文件不存在或已被删除：missing/file.pdf');
      expect(await store.exists('missing/file.pdf')).toBe(false);
    });

    it('streams the stored bytes in chunks, and a missing key throws FileNotFoundError before any stream', async () => {
      const big = Buffer.alloc(3 * 1024 * 1024 + 17);
      for (let i = 0; i < big.length; i++) big[i] = (i * 31) % 251;
      await store.put('stream/report.pdf', big, 'application/pdf');
      const chunks: Buffer[] = [];
      for await (const chunk of await store.stream('stream/report.pdf')) chunks.push(chunk as Buffer);
      expect(chunks.length).toBeGreaterThan(1);
      expect(Buffer.concat(chunks).equals(big)).toBe(true);
      await expect(store.stream('missing/stream.pdf')).rejects.toBeInstanceOf(FileNotFoundError);
      await expect(store.stream('../outside.txt')).rejects.toBeInstanceOf(InvalidFileKeyError);
    });

    it('delete removes the object and is harmless for a missing key', async () => {
      await store.put('to-delete/a.png', Buffer.from('x'), 'image/png');
      await store.delete('to-delete/a.png');
      expect(await store.exists('to-delete/a.png')).toBe(false);
      await expect(store.get('to-delete/a.png')).rejects.toBeInstanceOf(FileNotFoundError);
      await expect(store.delete('to-delete/a.png')).resolves.toBeUndefined();
    });

    it('refuses keys that could escape or are malformed, and stores nothing', async () => {
      for (const key of [
        '../outside.txt',
        'a/../../outside.txt',
        '/absolute.txt',
        'a//b.txt',
        'a/./b.txt',
        'a\\b.txt',
        '',
      ]) {
        await expect(store.put(key, Buffer.from('x'), 'text/plain'), key).rejects.toBeInstanceOf(
          InvalidFileKeyError,
        );
        await expect(store.get(key), key).rejects.toBeInstanceOf(InvalidFileKeyError);
      }
      await expect(store.put('../outside.txt', Buffer.from('x'), 'text/plain')).rejects.toThrow(
        '文件路径不合法',
      );
    });
  });
}

let diskDir = '';
fileStoreContract('disk', async () => {
  diskDir = await mkdtemp(path.join(tmpdir(), 'xf-file-store-'));
  return {
    store: createFileStore({ kind: 'disk', dir: path.join(diskDir, 'files') }),
    close: () => rm(diskDir, { recursive: true, force: true }),
  };
});

let oss: FakeOssServer;
fileStoreContract('oss (real ali-oss client → fake OSS server)', async () => {
  oss = await startFakeOssServer();
  return { store: createFileStore(oss.config), close: () => oss.close() };
});

describe('disk store specifics', () => {
  it('writes atomically: no temporary files are left behind and nothing lands outside its folder', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'xf-file-store-'));
    try {
      const store = createFileStore({ kind: 'disk', dir: path.join(base, 'files') });
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.put('same/key.bin', Buffer.alloc(100_000, i), 'application/octet-stream'),
        ),
      );
      const stored = await store.get('same/key.bin');
      expect(stored.length).toBe(100_000);
      expect(new Set(stored).size).toBe(1); // one whole write won, never a mix of two
      expect(await readdir(path.join(base, 'files', 'same'))).toEqual(['key.bin']);
      await store.put('../escape.txt', Buffer.from('x'), 'text/plain').catch(() => undefined);
      expect(await readdir(base)).toEqual(['files']);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});

describe('fake OSS server behaves like OSS towards its client', () => {
  it('rejects a client with the wrong secret (signatures are checked) and stores nothing', async () => {
    const server = await startFakeOssServer();
    try {
      const intruder = createFileStore({ ...server.config, accessKeySecret: 'wrong-secret' });
      await expect(intruder.put('a.txt', Buffer.from('x'), 'text/plain')).rejects.toMatchObject({
        status: 403,
        code: 'SignatureDoesNotMatch',
      });
      const unknownKey = createFileStore({ ...server.config, accessKeyId: 'someone-else' });
      await expect(unknownKey.exists('a.txt')).rejects.toMatchObject({ status: 403 });
      expect(server.objectKeys()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
