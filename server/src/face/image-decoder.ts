import sharp from 'sharp';
import { FaceError } from './face-error.js';

export interface RgbImage {
  /** Interleaved RGB, 3 bytes per pixel, row-major. */
  data: Uint8Array;
  width: number;
  height: number;
  /** Factor from this (resized) image back to the uploaded photo's pixel coordinates. */
  scaleToOriginal: number;
}

// 40 MP covers any phone camera; larger inputs are refused before sharp allocates them (decompression bombs).
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Decodes any format sharp knows, applies the EXIF orientation (phones store portraits rotated) and
 * shrinks so the long side is at most `maxSide`: detection time grows with pixel count while a
 * portrait face stays well above the detector's minimum size at 640 px.
 */
export async function decodeToRgb(image: Buffer, maxSide: number): Promise<RgbImage> {
  if (!Buffer.isBuffer(image) || image.length === 0) throw new FaceError('bad_image');
  try {
    const pipeline = sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    const { data, info } = await pipeline
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
    const meta = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const orientedWidth = (meta.orientation ?? 1) >= 5 ? meta.height : meta.width;
    const scaleToOriginal = orientedWidth ? orientedWidth / info.width : 1;
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width: info.width,
      height: info.height,
      scaleToOriginal,
    };
  } catch (error) {
    if (error instanceof FaceError) throw error;
    throw new FaceError('bad_image', 'live', { cause: error });
  }
}
