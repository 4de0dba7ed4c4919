import { open, readFile } from 'node:fs/promises';
import sharp from 'sharp';
import yauzl from 'yauzl';
import {
  CATEGORY_LABELS,
  DEFAULT_MAX_BYTES,
  detectFileType,
  formatMegabytes,
  officeTypeFromNames,
  UploadError,
  type DetectedFileType,
  type FileCategory,
  type UploadRule,
} from './file-type';
import { isOle2 } from './ole2-stream-names';

const HEAD_BYTES = 64 * 1024;
const MB = 1024 * 1024;

/** What a ZIP's central directory declares, read before anything is inflated. */
export interface ZipDirectory {
  entries: { name: string; compressedSize: number; uncompressedSize: number }[];
}

/** Limits on what an Office (ZIP) upload may inflate to: checked on the directory, then on the real bytes. */
export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxUncompressedBytes: 100 * MB };

async function readRange(path: string, start: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, start);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The central directory of a ZIP file on disk, read from its end without inflating anything; null when the
 * file has none (truncated, or not a ZIP). ZIP64 archives are refused as such (no Office file needs one).
 */
export async function readZipDirectory(path: string, size: number): Promise<ZipDirectory | null> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readRange(path, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff || cdOffset + cdSize > size || cdSize > 16 * MB)
    return null;
  const cd = await readRange(path, cdOffset, cdSize);
  const entries: ZipDirectory['entries'] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    entries.push({
      name: cd.toString('utf8', at + 46, at + 46 + nameLength),
      compressedSize: cd.readUInt32LE(at + 20),
      uncompressedSize: cd.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries };
}

const bombMessage = (limits: ZipLimits) =>
  `Excel文件解压后的内容超过${formatMegabytes(limits.maxUncompressedBytes)}或包含超过${limits.maxEntries}个部件，可能是恶意构造的压缩文件，已拒绝`;

/**
 * Refuses a ZIP that would inflate beyond the limits: first by what its directory declares (nothing
 * inflated), then by inflating each entry into nothing and counting, so a directory that understates its
 * sizes is caught too (yauzl stops an entry at its declared size). Memory stays at one inflate buffer.
 */
export async function checkZipBomb(path: string, directory: ZipDirectory, limits = DEFAULT_ZIP_LIMITS) {
  const declared = directory.entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (directory.entries.length > limits.maxEntries || declared > limits.maxUncompressedBytes)
    throw new UploadError('unsupported_type', bombMessage(limits));
  await new Promise<void>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(new UploadError('unsupported_type', 'Excel文件已损坏，无法读取'));
      let total = 0;
      const fail = (e: Error) => {
        zip.close();
        reject(
          e instanceof UploadError ? e : new UploadError('unsupported_type', 'Excel文件已损坏，无法读取'),
        );
      };
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(e ?? new Error('no stream'));
          stream.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > limits.maxUncompressedBytes) {
              stream.destroy();
              fail(new UploadError('unsupported_type', bombMessage(limits)));
            }
          });
          stream.on('error', fail);
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

const JPEG_END = Buffer.from([0xff, 0xd9]);
const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** The last bytes of a file, without trailing NUL or whitespace padding some writers add. */
async function trimmedTail(path: string, size: number, length = 2048): Promise<Buffer> {
  const tail = await readRange(path, Math.max(0, size - length), Math.min(size, length));
  let end = tail.length;
  while (end > 0 && [0x00, 0x0a, 0x0d, 0x20, 0x09].includes(tail[end - 1]!)) end--;
  return tail.subarray(0, end);
}

/** The whole image decodes and nothing follows its end marker (no program glued behind a picture). */
async function checkImage(path: string, size: number, type: DetectedFileType) {
  const tail = await trimmedTail(path, size);
  if (type.ext === 'jpg' && !tail.subarray(-2).equals(JPEG_END)) throw new Error('jpeg end');
  if (type.ext === 'png' && !tail.subarray(-8).equals(PNG_END)) throw new Error('png end');
  // Decoding at a reduced size still reads every byte of the image data; a damaged image fails here.
  await sharp(path, { failOn: 'truncated', animated: false })
    .resize(64, 64, { fit: 'inside' })
    .raw()
    .toBuffer();
}

/**
 * A PDF's structure: it ends with %%EOF, and its trailer is there — `startxref` pointing at a cross-reference
 * table or stream, or (files without one, which readers rebuild) a trailer dictionary naming the /Root.
 */
async function checkPdf(path: string, size: number) {
  const tail = (await trimmedTail(path, size, 4096)).toString('latin1');
  if (!tail.endsWith('%%EOF')) throw new Error('no %%EOF');
  const startxref = /startxref\s+(\d+)\s+%%EOF$/.exec(tail);
  if (startxref) {
    const offset = Number(startxref[1]);
    if (offset >= size) throw new Error('startxref beyond the end');
    const at = (await readRange(path, offset, 64)).toString('latin1');
    if (!/^\s*(xref\b|\d+\s+\d+\s+obj\b)/.test(at)) throw new Error('startxref points nowhere');
    return;
  }
  if (!/trailer\s*<<[\s\S]*\/Root\s+\d+\s+\d+\s+R/.test(tail)) throw new Error('no trailer');
}

/**
 * An MP4/MOV is a chain of boxes (size, four-letter type) from the first byte to the last. The chain is walked by
 * reading each box's header only: it must end exactly at the file's end, every type must be printable, and the
 * movie header (`moov`) must be there. An ftyp header glued in front of something else (a program, a page) fails.
 */
async function checkVideo(path: string, size: number) {
  const handle = await open(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const types = new Set<string>();
    let at = 0;
    for (let boxes = 0; at < size; boxes++) {
      if (boxes > 100_000) throw new Error('too many boxes');
      const { bytesRead } = await handle.read(header, 0, 16, at);
      if (bytesRead < 8) throw new Error('box header cut');
      const type = header.toString('latin1', 4, 8);
      if (!/^[\x20-\x7e]{4}$/.test(type)) throw new Error('box type');
      let length = header.readUInt32BE(0);
      if (length === 1) {
        if (bytesRead < 16) throw new Error('large box header cut');
        length = Number(header.readBigUInt64BE(8));
      } else if (length === 0) length = size - at; // "to the end of the file"
      if (length < 8 || at + length > size) throw new Error('box beyond the end');
      types.add(type);
      at += length;
    }
    if (!types.has('moov')) throw new Error('no moov');
  } finally {
    await handle.close();
  }
}

/**
 * Checks an upload saved to disk: its size, its type from its content, and that the whole file is what it
 * claims (images decode, PDFs have their structure, Office files have a directory; spreadsheets do not
 * inflate beyond the limits). Reads the head and tail, never the whole file into memory (legacy OLE2
 * documents excepted, whose directory may be anywhere).
 */
export async function checkUploadedFile(
  path: string,
  size: number,
  rule: UploadRule & { zip?: ZipLimits },
): Promise<DetectedFileType> {
  const prefix = rule.label ? `${rule.label}：` : '';
  const limitOf = (category: FileCategory) =>
    rule.maxBytes ?? rule.limits?.[category] ?? DEFAULT_MAX_BYTES[category];
  const tooLarge = (limit: number) =>
    new UploadError('too_large', `${prefix}文件大小不能超过${formatMegabytes(limit)}`);
  const accepted = rule.accept.map((c) => CATEGORY_LABELS[c]).join('、');
  const refused = () =>
    new UploadError('unsupported_type', `${prefix}文件类型不符合要求，仅支持：${accepted}`);
  const damaged = (what: string) =>
    new UploadError('unsupported_type', `${prefix}文件内容不完整或已损坏，不是有效的${what}`);

  const largestLimit = Math.max(...rule.accept.map(limitOf));
  if (size > largestLimit) throw tooLarge(largestLimit);
  if (size === 0) throw new UploadError('unsupported_type', `${prefix}文件内容为空，仅支持：${accepted}`);

  const head = await readRange(path, 0, Math.min(size, HEAD_BYTES));
  let type: DetectedFileType | null;
  let directory: ZipDirectory | null = null;
  if (head.readUInt32LE(0) === 0x04034b50) {
    directory = await readZipDirectory(path, size);
    if (!directory) throw damaged('Office文件');
    type = officeTypeFromNames(directory.entries.map((e) => e.name));
  } else if (isOle2(head)) {
    type = detectFileType(await readFile(path));
  } else type = detectFileType(head);
  if (!type || !rule.accept.includes(type.category)) throw refused();
  if (size > limitOf(type.category)) throw tooLarge(limitOf(type.category));

  if (type.category === 'image') {
    try {
      await checkImage(path, size, type);
    } catch {
      throw damaged('图片');
    }
  } else if (type.ext === 'pdf') {
    try {
      await checkPdf(path, size);
    } catch {
      throw damaged('PDF文件');
    }
  } else if (type.category === 'video') {
    try {
      await checkVideo(path, size);
    } catch {
      throw damaged('视频');
    }
  } else if (type.category === 'spreadsheet' && directory) {
    await checkZipBomb(path, directory, rule.zip);
  }
  return type;
}
