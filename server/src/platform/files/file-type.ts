import { ole2StreamNames, isOle2 } from './ole2-stream-names';
import { zipEntryNames } from './zip-entry-names';

export type FileCategory = 'image' | 'document' | 'spreadsheet' | 'video';

export interface DetectedFileType {
  mime: string;
  ext: string;
  category: FileCategory;
}

const MB = 1024 * 1024;
export const IMAGE_MAX_BYTES = 10 * MB;
export const DOCUMENT_MAX_BYTES = 50 * MB;
export const VIDEO_MAX_BYTES = 50 * MB;

/** Default size limit for each category; callers pass `maxBytes` to checkUpload to use another one. */
export const DEFAULT_MAX_BYTES: Readonly<Record<FileCategory, number>> = {
  image: IMAGE_MAX_BYTES,
  document: DOCUMENT_MAX_BYTES,
  spreadsheet: DOCUMENT_MAX_BYTES,
  video: VIDEO_MAX_BYTES,
};

export const CATEGORY_LABELS: Readonly<Record<FileCategory, string>> = {
  image: '图片（JPG、PNG、WEBP、GIF）',
  document: '文档（PDF、Word、Excel）',
  spreadsheet: 'Excel 表格（XLSX）',
  video: '视频（MP4、MOV）',
};

const TYPES = {
  jpg: { mime: 'image/jpeg', ext: 'jpg', category: 'image' },
  png: { mime: 'image/png', ext: 'png', category: 'image' },
  webp: { mime: 'image/webp', ext: 'webp', category: 'image' },
  gif: { mime: 'image/gif', ext: 'gif', category: 'image' },
  pdf: { mime: 'application/pdf', ext: 'pdf', category: 'document' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    category: 'document',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    category: 'spreadsheet',
  },
  // Legacy binary Office files count as documents: they can be stored and downloaded, but exceljs cannot import .xls.
  doc: { mime: 'application/msword', ext: 'doc', category: 'document' },
  xls: { mime: 'application/vnd.ms-excel', ext: 'xls', category: 'document' },
  mp4: { mime: 'video/mp4', ext: 'mp4', category: 'video' },
  mov: { mime: 'video/quicktime', ext: 'mov', category: 'video' },
} as const satisfies Record<string, DetectedFileType>;

const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'dash',
  'MSNV',
  'XAVC',
  'mmp4',
]);
// ftyp brands of still images and audio, which share the MP4 container but are not videos.
const NON_VIDEO_BRANDS = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'mif1',
  'msf1',
  'avif',
  'avis',
  'M4A ',
  'M4B ',
  'M4P ',
  'crx ',
]);

const startsWith = (buf: Buffer, bytes: number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (buf: Buffer, start: number, end: number) =>
  buf.length >= end ? buf.toString('latin1', start, end) : '';

/** Identifies an upload by its content alone; the file name and the client's declared type are never trusted. */
export function detectFileType(buf: Buffer): DetectedFileType | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return TYPES.jpg;
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return TYPES.webp;
  const gif = ascii(buf, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return TYPES.gif;
  if (isPdf(buf)) return TYPES.pdf;
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return detectOfficeOpenXml(buf);
  if (isOle2(buf)) return detectLegacyOffice(buf);
  if (ascii(buf, 4, 8) === 'ftyp') return detectIsoMedia(buf);
  return null;
}

function isPdf(buf: Buffer): boolean {
  // Readers tolerate the header anywhere in the first 1024 bytes, but that would let text or HTML carrying
  // `%PDF-` pass as a PDF; every PDF writer in practice starts the file with it.
  return ascii(buf, 0, 5) === '%PDF-';
}

function detectOfficeOpenXml(buf: Buffer): DetectedFileType | null {
  return officeTypeFromNames(zipEntryNames(buf));
}

/** An Office Open XML file's type from its ZIP entry names (null: some other ZIP). */
export function officeTypeFromNames(names: string[]): DetectedFileType | null {
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return TYPES.docx;
  if (names.some((n) => n.startsWith('xl/'))) return TYPES.xlsx;
  return null;
}

function detectLegacyOffice(buf: Buffer): DetectedFileType | null {
  const names = ole2StreamNames(buf);
  if (names.includes('WordDocument')) return TYPES.doc;
  if (names.includes('Workbook') || names.includes('Book')) return TYPES.xls;
  return null;
}

function detectIsoMedia(buf: Buffer): DetectedFileType | null {
  const major = ascii(buf, 8, 12);
  if (major === 'qt  ') return TYPES.mov;
  if (NON_VIDEO_BRANDS.has(major)) return null;
  if (MP4_BRANDS.has(major)) return TYPES.mp4;
  const boxSize = Math.min(buf.readUInt32BE(0), buf.length);
  for (let at = 16; at + 4 <= boxSize; at += 4) {
    if (MP4_BRANDS.has(ascii(buf, at, at + 4))) return TYPES.mp4;
  }
  return null;
}

export type UploadErrorCode = 'too_large' | 'unsupported_type';

export class UploadError extends Error {
  readonly status: 413 | 415;
  constructor(
    readonly code: UploadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
    this.status = code === 'too_large' ? 413 : 415;
  }
}

export interface UploadRule {
  accept: FileCategory[];
  /** Overrides the per-category default limit. */
  maxBytes?: number;
  /** Per-category limits (from configuration); `maxBytes` wins when both are given. */
  limits?: Partial<Record<FileCategory, number>>;
  /** The form field's Chinese name, put in front of the message, e.g. 营业执照. */
  label?: string;
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : Number(mb.toFixed(1))}MB`;
}

/** Refuses a file that is too large or whose content is not one of the accepted categories. */
export function checkUpload(buf: Buffer, rule: UploadRule): DetectedFileType {
  const prefix = rule.label ? `${rule.label}：` : '';
  const limitOf = (category: FileCategory) =>
    rule.maxBytes ?? rule.limits?.[category] ?? DEFAULT_MAX_BYTES[category];
  const tooLarge = (limit: number) =>
    new UploadError('too_large', `${prefix}文件大小不能超过${formatMegabytes(limit)}`);
  const accepted = rule.accept.map((c) => CATEGORY_LABELS[c]).join('、');

  const largestLimit = Math.max(...rule.accept.map(limitOf));
  if (buf.length > largestLimit) throw tooLarge(largestLimit);
  if (buf.length === 0)
    throw new UploadError('unsupported_type', `${prefix}文件内容为空，仅支持：${accepted}`);

  const type = detectFileType(buf);
  if (!type || !rule.accept.includes(type.category)) {
    throw new UploadError('unsupported_type', `${prefix}文件类型不符合要求，仅支持：${accepted}`);
  }
  if (buf.length > limitOf(type.category)) throw tooLarge(limitOf(type.category));
  return type;
}
