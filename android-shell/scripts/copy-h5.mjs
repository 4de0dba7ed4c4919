#!/usr/bin/env node
// Copies the Taro H5 build into www/ (Capacitor's webDir). Run after `npm run build:h5 -w miniprogram`
// (built with XF_API_BASE=https://<server>), then `npx cap sync android`.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const shellRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function copyH5({
  from = path.resolve(shellRoot, '..', 'miniprogram', 'dist', 'h5'),
  to = path.join(shellRoot, 'www'),
} = {}) {
  if (!existsSync(path.join(from, 'index.html'))) {
    throw new Error(
      `未找到H5构建产物：${path.join(from, 'index.html')}，请先运行 npm run build:h5 -w miniprogram`,
    );
  }
  // The shell's pages come from https://localhost: a relative /api would call the phone itself. The H5 build
  // writes the base it was built with to xf-build.json (miniprogram/config/index.ts).
  const info = path.join(from, 'xf-build.json');
  const apiBase = existsSync(info) ? String(JSON.parse(readFileSync(info, 'utf8')).apiBase ?? '') : '';
  if (!/^https:\/\/[^/\s]+/.test(apiBase)) {
    throw new Error(
      `H5构建的接口地址为“${apiBase || '空（相对地址）'}”，APP必须使用 https 地址：` +
        '请用 XF_API_BASE=https://监管系统域名 npm run build:h5 -w miniprogram 重新构建',
    );
  }
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith('.map') });
  return to;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const out = copyH5({ from: process.argv[2], to: process.argv[3] });
    console.log(`已复制H5构建到 ${out}`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
