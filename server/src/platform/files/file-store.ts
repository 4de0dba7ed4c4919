import type { Readable } from 'node:stream';
import { createDiskFileStore } from './disk-file-store';
import { createOssFileStore } from './oss-file-store';

/** Where uploaded files and generated documents live: a local folder in development, Aliyun OSS in production. */
export interface FileStore {
  readonly kind: 'disk' | 'oss';
  put(key: string, body: Buffer, mime: string): Promise<void>;
  /** Stores a local file's bytes (an upload's temporary file) without reading it into memory. */
  putFile(key: string, localPath: string, mime: string): Promise<void>;
  /** Throws FileNotFoundError when nothing is stored under the key. */
  get(key: string): Promise<Buffer>;
  /**
   * The bytes as a stream, for downloads (never the whole file in memory). Throws FileNotFoundError before the
   * stream is returned when nothing is stored under the key, so a missing file is a 404, not a broken response.
   */
  stream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export type DiskFileStoreConfig = { kind: 'disk'; dir: string };
export type OssFileStoreConfig = {
  kind: 'oss';
  region?: string;
  endpoint?: string;
  bucket: string;
  accessKeyId: string;
  accessKeySecret: string;
  cname?: boolean;
  secure?: boolean;
};
export type FileStoreConfig = DiskFileStoreConfig | OssFileStoreConfig;

export function createFileStore(config: FileStoreConfig): FileStore {
  return config.kind === 'disk' ? createDiskFileStore(config) : createOssFileStore(config);
}

export { assertValidFileKey, FileNotFoundError, InvalidFileKeyError } from './file-key';
