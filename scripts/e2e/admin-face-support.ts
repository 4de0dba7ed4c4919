// Face photos for the admin-web face profile tests (scripts/e2e/admin-face-*.test.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import type { ApiSession } from './admin-support';

const require = createRequire(import.meta.url);
const demoDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

/** One person's head and shoulders from a demo group photo (the server refuses photos with several faces). */
export async function singleFacePhoto(): Promise<Buffer> {
  const [x, y, w, h] = [1487, 263, 212, 296];
  return sharp(path.join(demoDir, 'sample6.jpg'))
    .extract({
      left: Math.round(x - w * 0.45),
      top: Math.round(y - h * 0.45),
      width: Math.round(w * 1.9),
      height: Math.round(h * 2.1),
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Uploads a face profile as the logged-in field staff member would from the app. */
export async function uploadFaceProfile(baseURL: string, session: ApiSession, photo: Buffer) {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'face.jpg');
  const res = await fetch(`${baseURL}/api/face-profiles`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.accessToken}` },
    body: form,
  });
  if (!res.ok) throw new Error(`face profile upload failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: number; status: string };
}
