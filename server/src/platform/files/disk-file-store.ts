import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertValidFileKey, FileNotFoundError } from './file-key';
import type { DiskFileStoreConfig, FileStore } from './file-store';

const isErrno = (err: unknown, ...codes: string[]) =>
  err instanceof Error && codes.includes((err as NodeJS.ErrnoException).code ?? '');

export function createDiskFileStore(config: DiskFileStoreConfig): FileStore {
  const root = path.resolve(config.dir);

  const pathOf = (key: string) => {
    assertValidFileKey(key);
    const full = path.resolve(root, ...key.split('/'));
    // The key rule already forbids `..`; this guards against anything the rule might have missed.
    if (!full.startsWith(root + path.sep)) throw new FileNotFoundError(key);
    return full;
  };

  return {
    kind: 'disk',

    async put(key, body) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Write beside the target and rename: readers see the old file or the whole new one, never a partial write.
      const temp = `${target}.${randomUUID()}.tmp`;
      try {
        await writeFile(temp, body);
        await rename(temp, target);
      } catch (err) {
        await unlink(temp).catch(() => undefined);
        throw err;
      }
    },

    async putFile(key, localPath) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomUUID()}.tmp`;
      try {
        await copyFile(localPath, temp);
        await rename(temp, target);
      } catch (err) {
        await unlink(temp).catch(() => undefined);
        throw err;
      }
    },

    async get(key) {
      const target = pathOf(key);
      try {
        return await readFile(target);
      } catch (err) {
        if (isErrno(err, 'ENOENT', 'EISDIR', 'ENOTDIR')) throw new FileNotFoundError(key);
        throw err;
      }
    },

    async stream(key) {
      const target = pathOf(key);
      try {
        // Opened first, so a missing file throws here rather than in the middle of a response.
        const handle = await open(target, 'r');
        if (!(await handle.stat()).isFile()) {
          await handle.close();
          throw new FileNotFoundError(key);
        }
        return handle.createReadStream();
      } catch (err) {
        if (isErrno(err, 'ENOENT', 'EISDIR', 'ENOTDIR')) throw new FileNotFoundError(key);
        throw err;
      }
    },

    async exists(key) {
      const target = pathOf(key);
      try {
        return (await stat(target)).isFile();
      } catch (err) {
        if (isErrno(err, 'ENOENT', 'ENOTDIR')) return false;
        throw err;
      }
    },

    async delete(key) {
      const target = pathOf(key);
      try {
        await unlink(target);
      } catch (err) {
        if (!isErrno(err, 'ENOENT', 'ENOTDIR')) throw err;
      }
    },
  };
}
