import sharp from 'sharp';

/** Long side of a stored photo (issue 10: phones shrink to ≤ 1920 px; the server makes sure of it once, here). */
export const PHOTO_MAX_SIDE = 1920;
/** Long side of the small copy generated reports embed (never decoded again at generation). */
export const REPORT_PHOTO_SIDE = 640;
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Shrink a photo once, at upload: the stored copy to ≤ 1920 px on its long side (EXIF orientation applied), and a
 * 640 px JPEG for reports. Photos already small are stored as sent. Anything sharp cannot read is stored as sent
 * without a small copy.
 */
export async function shrinkPhoto(
  buffer: Buffer,
  mime: string,
): Promise<{ buffer: Buffer; thumbnail: Buffer | null }> {
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(mime)) return { buffer, thumbnail: null };
  try {
    const meta = await sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const long = Math.max(meta.width ?? 0, meta.height ?? 0);
    let stored = buffer;
    if (long > PHOTO_MAX_SIDE) {
      const pipeline = sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside' });
      stored =
        mime === 'image/png'
          ? await pipeline.png().toBuffer()
          : mime === 'image/webp'
            ? await pipeline.webp({ quality: 82 }).toBuffer()
            : await pipeline.jpeg({ quality: 82, mozjpeg: false }).toBuffer();
    }
    const thumbnail = await sharp(stored)
      .rotate()
      .resize({
        width: REPORT_PHOTO_SIDE,
        height: REPORT_PHOTO_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 72 })
      .toBuffer();
    return { buffer: stored, thumbnail };
  } catch {
    return { buffer, thumbnail: null };
  }
}
