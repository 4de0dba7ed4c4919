// Test photos built from the real sample photos shipped in @vladmandic/face-api's demo/ folder.
// Each sample is a group photo, so a person's "portrait" is a crop around their face; the face boxes
// below were measured once on the 1920 px originals and checked by eye.
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const demoDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

interface FaceSpot {
  sample: number;
  box: [x: number, y: number, width: number, height: number];
}

/** Different women, frontal and sharp enough to be used as portraits. */
export const PEOPLE = {
  blondeSmiling: { sample: 1, box: [1476, 199, 203, 241] },
  curlyBlonde: { sample: 3, box: [585, 329, 199, 271] },
  darkHairBlueLight: { sample: 3, box: [1514, 292, 170, 280] },
  greenTop: { sample: 6, box: [1487, 263, 212, 296] },
  braidedFringe: { sample: 6, box: [250, 468, 210, 291] },
} satisfies Record<string, FaceSpot>;

export type PersonName = keyof typeof PEOPLE;

export function samplePath(sample: number): string {
  return path.join(demoDir, `sample${sample}.jpg`);
}

interface PortraitOptions {
  /** Crop margin around the face box, as a fraction of the box size. */
  margin?: number;
  /** Moves the crop window, as a fraction of the face box size. */
  shift?: [dx: number, dy: number];
  /** Output width in pixels. */
  width?: number;
  brightness?: number;
  jpegQuality?: number;
}

/** A head-and-shoulders photo of one person, cut from the group photo. */
export async function portrait(name: PersonName, options: PortraitOptions = {}): Promise<Buffer> {
  const { sample, box } = PEOPLE[name];
  const [x, y, w, h] = box;
  const margin = options.margin ?? 0.45;
  const [dx, dy] = options.shift ?? [0, 0];
  const source = sharp(samplePath(sample));
  const meta = await source.metadata();
  const left = Math.max(0, Math.round(x - w * margin + w * dx));
  const top = Math.max(0, Math.round(y - h * margin + h * dy));
  const width = Math.min(meta.width! - left, Math.round(w * (1 + 2 * margin)));
  const height = Math.min(meta.height! - top, Math.round(h * (1 + 2.4 * margin)));
  let image = source.extract({ left, top, width, height });
  if (options.width) image = image.resize({ width: options.width });
  if (options.brightness) image = image.modulate({ brightness: options.brightness });
  return image.jpeg({ quality: options.jpegQuality ?? 92 }).toBuffer();
}

/** The same person photographed "again": other framing, size, exposure and JPEG quality. */
export function retake(name: PersonName): Promise<Buffer> {
  return portrait(name, { margin: 0.6, shift: [0.08, -0.05], width: 300, brightness: 1.15, jpegQuality: 70 });
}

/** Two portraits side by side in one picture. */
export async function sideBySide(a: PersonName, b: PersonName): Promise<Buffer> {
  const height = 480;
  const [left, right] = await Promise.all(
    [a, b].map(async (name) =>
      sharp(await portrait(name))
        .resize({ height })
        .jpeg()
        .toBuffer(),
    ),
  );
  const leftWidth = (await sharp(left).metadata()).width!;
  const rightWidth = (await sharp(right).metadata()).width!;
  return sharp({ create: { width: leftWidth + rightWidth, height, channels: 3, background: '#ffffff' } })
    .composite([
      { input: left, left: 0, top: 0 },
      { input: right, left: leftWidth, top: 0 },
    ])
    .jpeg()
    .toBuffer();
}

/** A wall-coloured picture without anyone in it. */
export function emptyWall(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 214, g: 205, b: 190 } } })
    .png()
    .toBuffer();
}

/** A full-resolution phone-like photo of one person (portrait crop enlarged to 1920 px long side). */
export async function fullSizePortrait(name: PersonName): Promise<Buffer> {
  const crop = await portrait(name, { margin: 0.9 });
  return sharp(crop).resize({ height: 1920 }).jpeg({ quality: 90 }).toBuffer();
}
