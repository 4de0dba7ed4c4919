/**
 * Every photo the operator takes is shrunk on the phone before it is stored (IndexedDB) or sent: the long side
 * at most 1920 px, JPEG. A 4000×3000 camera photo (~4–6 MB) becomes ~0.3–0.6 MB, so a task's photos fit in the
 * browser's storage and upload in seconds on a weak connection; the server never has to shrink them again.
 */
export const MAX_LONG_SIDE = 1920;
export const JPEG_QUALITY = 0.85;

/** The size a width×height image is drawn at: scaled down (never up) so that its long side ≤ max. */
export function shrunkSize(
  width: number,
  height: number,
  max = MAX_LONG_SIDE,
): { width: number; height: number; scaled: boolean } {
  if (!(width > 0) || !(height > 0)) return { width: 0, height: 0, scaled: false };
  const long = Math.max(width, height);
  if (long <= max) return { width, height, scaled: false };
  const factor = max / long;
  return {
    width: Math.max(1, Math.min(max, Math.round(width * factor))),
    height: Math.max(1, Math.min(max, Math.round(height * factor))),
    scaled: true,
  };
}

/** The photo's file name with a .jpg extension, as it is stored after re-encoding. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]+$/, '') || 'photo';
  return `${base}.jpg`;
}

interface Decoded {
  width: number;
  height: number;
  source: CanvasImageSource;
  close(): void;
}

async function decode(blob: Blob): Promise<Decoded | null> {
  if (typeof createImageBitmap === 'function') {
    try {
      // from-image: phones write the rotation into EXIF; the bitmap is drawn upright.
      const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
      return { width: bitmap.width, height: bitmap.height, source: bitmap, close: () => bitmap.close() };
    } catch {
      /* fall through to <img> (older WebViews) */
    }
  }
  if (typeof Image === 'undefined' || typeof URL === 'undefined') return null;
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('图片无法解码'));
      img.src = url;
    });
    return { width: img.naturalWidth, height: img.naturalHeight, source: img, close: () => undefined };
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function encode(source: CanvasImageSource, width: number, height: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.drawImage(source, 0, 0, width, height);
      return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    }
  }
  if (typeof document === 'undefined') return Promise.resolve(null);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve(null);
  ctx.drawImage(source, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/jpeg', JPEG_QUALITY));
}

/**
 * Shrinks one photo to long side ≤ 1920 px JPEG. A JPEG that is already small enough is kept as it is (no
 * second loss of quality); anything else is re-encoded. When the platform cannot decode the image at all the
 * original is returned and the server's own limits apply.
 */
export async function shrinkPhoto(
  blob: Blob,
  name: string,
  max = MAX_LONG_SIDE,
): Promise<{ blob: Blob; name: string; width: number; height: number }> {
  const decoded = await decode(blob);
  if (!decoded) return { blob, name, width: 0, height: 0 };
  try {
    const size = shrunkSize(decoded.width, decoded.height, max);
    if (!size.scaled && blob.type === 'image/jpeg') return { blob, name, ...size };
    const out = await encode(decoded.source, size.width, size.height);
    if (!out) return { blob, name, width: decoded.width, height: decoded.height };
    return { blob: out, name: jpegName(name), width: size.width, height: size.height };
  } finally {
    decoded.close();
  }
}
