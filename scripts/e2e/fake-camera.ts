import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

/**
 * A Y4M video of one still picture for Chromium's fake camera (--use-file-for-fake-video-capture): the
 * admin web's live photo (getUserMedia → canvas → JPEG) then captures this face.
 */
export async function fakeCameraFile(photo: Buffer, name = 'fake-camera'): Promise<string> {
  const width = 640;
  const height = 480;
  const { data } = await sharp(photo)
    .resize(width, height, { fit: 'contain', background: '#808080' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc((width / 2) * (height / 2));
  for (let j = 0; j < height; j++)
    for (let i = 0; i < width; i++) {
      const o = (j * width + i) * 3;
      const [r, g, b] = [data[o]!, data[o + 1]!, data[o + 2]!];
      y[j * width + i] = Math.round(0.257 * r + 0.504 * g + 0.098 * b + 16);
      if (j % 2 === 0 && i % 2 === 0) {
        const c = (j / 2) * (width / 2) + i / 2;
        u[c] = Math.round(-0.148 * r - 0.291 * g + 0.439 * b + 128);
        v[c] = Math.round(0.439 * r - 0.368 * g - 0.071 * b + 128);
      }
    }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  const file = path.join(tmpdir(), `${name}-${process.pid}.y4m`);
  writeFileSync(
    file,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]),
  );
  return file;
}

/** Chromium switches for a camera that shows `file` and needs no permission prompt. */
export const fakeCameraArgs = (file: string) => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${file}`,
];
