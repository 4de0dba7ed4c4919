import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { QueryTypes } from 'sequelize';
import type { AppContext } from '../../context';

/**
 * What every generated report embeds besides its data: photos as the small copies made once at upload (see
 * files/shrink.ts) with their pixel size, the QR code of the verification address, the data's SHA-256.
 */
export interface ReportPhoto {
  fileId: number;
  data: Uint8Array;
  width: number;
  height: number;
}

/** The QR code's modules (PDF, drawn as vector squares). */
export type QrModules = { size: number; data: boolean[] };

export type RenderProgress = (done: number, total: number, what: string) => void;

/** Width and height from an image's header, without decoding it (JPEG SOF or PNG IHDR). */
export function imageSize(b: Uint8Array): { width: number; height: number } | null {
  if (b[0] === 0x89 && b[1] === 0x50) {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return { width: v.getUint32(16), height: v.getUint32(20) };
  }
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
    i += 2 + len;
  }
  return null;
}

/**
 * The photos of the findings as the small copies made at upload (stored_files.thumbnailKey): they are embedded
 * as they are, never decoded or shrunk again here. A photo stored before thumbnails existed is embedded as stored.
 */
export async function readReportPhotos(app: AppContext, ids: number[]): Promise<ReportPhoto[]> {
  if (ids.length === 0) return [];
  const rows = await app.sequelize.query<{
    id: number;
    storageKey: string;
    thumbnailKey: string | null;
    mime: string;
  }>('SELECT id, storageKey, thumbnailKey, mime FROM stored_files WHERE id IN (:ids)', {
    replacements: { ids },
    type: QueryTypes.SELECT,
  });
  const photos: ReportPhoto[] = [];
  for (const r of rows) {
    const key = r.thumbnailKey ?? (r.mime === 'image/jpeg' ? r.storageKey : null);
    if (!key) continue;
    const data = new Uint8Array(await app.files.get(key).catch(() => Buffer.alloc(0)));
    const size = data.length ? imageSize(data) : null;
    if (size) photos.push({ fileId: Number(r.id), data, ...size });
  }
  return photos;
}

export async function qrOf(url: string) {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const png = await QRCode.toBuffer(url, { type: 'png', width: 240, margin: 1 });
  return {
    qrPng: new Uint8Array(png),
    qrModules: { size: qr.modules.size, data: Array.from(qr.modules.data, (x) => Boolean(x)) },
  };
}

/** SHA-256 of the report's data as printed (stable: the data is built in one fixed order). */
export const dataDigest = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex');
