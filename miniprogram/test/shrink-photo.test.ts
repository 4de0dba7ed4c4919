import { describe, expect, it } from 'vitest';
import { jpegName, MAX_LONG_SIDE, shrinkPhoto, shrunkSize } from '../src/platform/shrink-photo';

describe('photo shrinking: long side ≤ 1920 px', () => {
  it('scales a 4000×3000 camera photo to 1920×1440 and a portrait one to 1440×1920', () => {
    expect(shrunkSize(4000, 3000)).toEqual({ width: 1920, height: 1440, scaled: true });
    expect(shrunkSize(3000, 4000)).toEqual({ width: 1440, height: 1920, scaled: true });
  });

  it('never enlarges, keeps the aspect ratio, and never exceeds the limit by rounding', () => {
    expect(shrunkSize(1920, 1080)).toEqual({ width: 1920, height: 1080, scaled: false });
    expect(shrunkSize(800, 600)).toEqual({ width: 800, height: 600, scaled: false });
    expect(shrunkSize(9999, 10)).toEqual({ width: 1920, height: 2, scaled: true });
    expect(shrunkSize(10000, 1)).toEqual({ width: 1920, height: 1, scaled: true });
    for (const [w, h] of [
      [4032, 3024],
      [4624, 3472],
      [1921, 1921],
      [5000, 4999],
    ] as const) {
      const s = shrunkSize(w, h);
      expect(Math.max(s.width, s.height)).toBe(MAX_LONG_SIDE);
      expect(Math.abs(s.width / s.height - w / h)).toBeLessThan(0.01);
    }
    expect(shrunkSize(0, 100)).toEqual({ width: 0, height: 0, scaled: false });
  });

  it('names the re-encoded photo .jpg', () => {
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('photo.png')).toBe('photo.jpg');
    expect(jpegName('')).toBe('photo.jpg');
  });

  it('keeps the original when the platform cannot decode images (no canvas)', async () => {
    const blob = new Blob(['not an image'], { type: 'image/jpeg' });
    const out = await shrinkPhoto(blob, 'a.jpg');
    expect(out.blob).toBe(blob);
  });
});
