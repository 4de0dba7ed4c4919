#!/usr/bin/env node
// Makes the launcher icons and splash screens of the Android shell from assets/icon.svg (a white flame on
// the product red) with sharp, replacing Capacitor's defaults: `node scripts/make-icons.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const shellRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const res = path.join(shellRoot, 'android/app/src/main/res');
export const RED = '#c62f2f';
const svg = path.join(shellRoot, 'assets/icon.svg');

const densities = { mdpi: 1, hdpi: 1.5, xhdpi: 2, xxhdpi: 3, xxxhdpi: 4 };
const splash = {
  'drawable/splash.png': [480, 320],
  'drawable-land-mdpi/splash.png': [480, 320],
  'drawable-land-hdpi/splash.png': [800, 480],
  'drawable-land-xhdpi/splash.png': [1280, 720],
  'drawable-land-xxhdpi/splash.png': [1600, 960],
  'drawable-land-xxxhdpi/splash.png': [1920, 1280],
  'drawable-port-mdpi/splash.png': [320, 480],
  'drawable-port-hdpi/splash.png': [480, 800],
  'drawable-port-xhdpi/splash.png': [720, 1280],
  'drawable-port-xxhdpi/splash.png': [960, 1600],
  'drawable-port-xxxhdpi/splash.png': [1280, 1920],
};

/** The icon without its red square: the adaptive icon's foreground layer. */
const flameOnly = () => Buffer.from(readFileSync(svg, 'utf8').replace(/<rect[^>]*\/>/, ''));
const icon = (size) => sharp(svg, { density: 300 }).resize(size, size).png({ compressionLevel: 9 });
const roundMask = (size) =>
  Buffer.from(
    `<svg width="${size}" height="${size}"><circle cx="${size / 2}" cy="${size / 2}" r="${size / 2}"/></svg>`,
  );

export async function makeIcons() {
  const written = [];
  for (const [name, k] of Object.entries(densities)) {
    const legacy = Math.round(48 * k);
    const adaptive = Math.round(108 * k);
    await icon(legacy).toFile(path.join(res, `mipmap-${name}/ic_launcher.png`));
    await icon(legacy)
      .composite([{ input: roundMask(legacy), blend: 'dest-in' }])
      .toFile(path.join(res, `mipmap-${name}/ic_launcher_round.png`));
    // Adaptive foreground: the flame inside the 72/108 safe zone on a transparent layer (the background is the colour).
    const inner = Math.round(adaptive * 0.6);
    const flame = await sharp(flameOnly(), { density: 300 }).resize(inner, inner).png().toBuffer();
    await sharp({
      create: { width: adaptive, height: adaptive, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([{ input: flame, gravity: 'centre' }])
      .png({ compressionLevel: 9 })
      .toFile(path.join(res, `mipmap-${name}/ic_launcher_foreground.png`));
    written.push(name);
  }
  for (const [file, [w, h]] of Object.entries(splash)) {
    const mark = await icon(Math.round(Math.min(w, h) * 0.4)).toBuffer();
    await sharp({ create: { width: w, height: h, channels: 3, background: RED } })
      .composite([{ input: mark, gravity: 'centre' }])
      .png({ compressionLevel: 9 })
      .toFile(path.join(res, file));
  }
  writeFileSync(
    path.join(res, 'values/ic_launcher_background.xml'),
    `<?xml version="1.0" encoding="utf-8"?>\n<resources>\n    <color name="ic_launcher_background">${RED.toUpperCase()}</color>\n</resources>\n`,
  );
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await makeIcons();
  console.log('已生成图标和启动图');
}
