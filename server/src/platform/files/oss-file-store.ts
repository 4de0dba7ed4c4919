import type { Readable } from 'node:stream';
import OSS, { type OssError } from 'ali-oss';
import { assertValidFileKey, FileNotFoundError } from './file-key';
import type { FileStore, OssFileStoreConfig } from './file-store';

const isNotFound = (err: unknown) => (err as OssError | undefined)?.status === 404;

export function createOssFileStore(config: OssFileStoreConfig): FileStore {
  if (!config.endpoint && !config.region) {
    throw new Error('OSS 配置不完整：endpoint 与 region 至少填写一项');
  }
  const client = new OSS({
    region: config.region,
    endpoint: config.endpoint,
    bucket: config.bucket,
    accessKeyId: config.accessKeyId,
    accessKeySecret: config.accessKeySecret,
    cname: config.cname,
    // HTTPS unless told otherwise; an endpoint that names its protocol (the fake's http://localhost) keeps it.
    secure: config.secure ?? true,
    timeout: 60_000,
  });

  return {
    kind: 'oss',

    async put(key, body, mime) {
      assertValidFileKey(key);
      await client.put(key, body, { mime, headers: { 'Content-Type': mime } });
    },

    async putFile(key, localPath, mime) {
      assertValidFileKey(key);
      // ali-oss streams a file named by its path.
      await client.put(key, localPath, { mime, headers: { 'Content-Type': mime } });
    },

    async get(key) {
      assertValidFileKey(key);
      try {
        return (await client.get(key)).content;
      } catch (err) {
        if (isNotFound(err)) throw new FileNotFoundError(key);
        throw err;
      }
    },

    async stream(key) {
      assertValidFileKey(key);
      try {
        // The object's body as it arrives from OSS; the response status is known before it is returned.
        const streaming = client as unknown as { getStream(name: string): Promise<{ stream: Readable }> };
        return (await streaming.getStream(key)).stream;
      } catch (err) {
        if (isNotFound(err)) throw new FileNotFoundError(key);
        throw err;
      }
    },

    async exists(key) {
      assertValidFileKey(key);
      try {
        await client.head(key);
        return true;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    },

    async delete(key) {
      assertValidFileKey(key);
      await client.delete(key);
    },
  };
}
