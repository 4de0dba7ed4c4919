import sharp from 'sharp';

/**
 * A 256-bit difference hash (dHash) of a photo: the picture shrunk to 17×16 grey pixels, one bit per pair of
 * neighbours (is the left one brighter?). Re-encoding, rescaling or a slight exposure change keep nearly all
 * bits; a new photo — even of the same person in the same place — changes many. Hex, 64 digits.
 */
export async function photoHash(image: Buffer): Promise<string> {
  const { data } = await sharp(image)
    .rotate()
    .grayscale()
    .resize(17, 16, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const bits: number[] = [];
  for (let y = 0; y < 16; y++)
    for (let x = 0; x < 16; x++) bits.push(data[y * 17 + x]! > data[y * 17 + x + 1]! ? 1 : 0);
  let hex = '';
  for (let i = 0; i < 256; i += 4)
    hex += ((bits[i]! << 3) | (bits[i + 1]! << 2) | (bits[i + 2]! << 1) | bits[i + 3]!).toString(16);
  return hex;
}

/** Number of differing bits between two hashes of `photoHash`. */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16);
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d;
}
