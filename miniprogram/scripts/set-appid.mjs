#!/usr/bin/env node
// Writes the real mini-program appid from WECHAT_APPID into the weapp build, so the repository only ever
// holds the public placeholder "touristappid". Run after `npm run build:weapp -w miniprogram`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const APPID_PATTERN = /^wx[0-9a-f]{16}$/;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function setAppid(appid, { root = repoRoot } = {}) {
  if (!APPID_PATTERN.test(appid ?? '')) {
    throw new Error('WECHAT_APPID：应为 wx 开头加16位十六进制字符的小程序 AppID');
  }
  const distDir = path.join(root, 'miniprogram', 'dist', 'weapp');
  if (!existsSync(path.join(distDir, 'app.json'))) {
    throw new Error('未找到小程序构建产物，请先运行 npm run build:weapp -w miniprogram');
  }
  const base = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8'));
  // dist/weapp/project.config.json lets DevTools or miniprogram-ci open the build folder directly.
  const project = { ...base, appid, miniprogramRoot: './' };
  const target = path.join(distDir, 'project.config.json');
  writeFileSync(target, `${JSON.stringify(project, null, 2)}\n`);
  return target;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(`已写入 appid：${setAppid(process.env.WECHAT_APPID)}`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
