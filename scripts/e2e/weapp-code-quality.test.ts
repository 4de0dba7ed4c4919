// WeChat's own code-quality check (代码质量) on the weapp build, the check WeChat DevTools shows before an upload,
// run with `miniprogram-ci` (WeChat's npm package for CI) the way DevTools opens the project: from the repository
// root, whose project.config.json points at miniprogram/dist/weapp. It needs no network and no real appid: the
// private key is a dummy generated here, and miniprogram-ci's proxy is a closed loopback port, so any request to
// WeChat would fail instead of being made.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ci from 'miniprogram-ci';
import { ensureTaroBuild, repoRoot } from './h5-support';

/** The checks WeChat's code-quality panel lists for a mini-program; each must run and pass. */
const CHECKS = [
  'PACKAGE_SIZE_LIMIT', // main package and every subpackage under 1.5 MB
  'JS_COMPRESS_OPEN',
  'WXML_COMPRESS_OPEN',
  'WXSS_COMPRESS_OPEN',
  'LAZYCODE_LOADING_OPEN', // lazyCodeLoading: "requiredComponents"
  'IMAGE_AND_AUDIO_LIMIT',
  'CONTAINS_OTHER_PKG_JS',
  'CONTAINS_OTHER_PKG_COMPONENTS',
  'CONTAINS_UNUSED_PLUGINS',
  'CONTAINS_UNUSED_COMPONENTS',
  'CONTAINS_UNUSED_CODES', // no file in the build that nothing uses
] as const;

/** Everything at the repository root except project.config.json and the weapp build is not part of the project. */
function ignoresOutsideWeappBuild(): string[] {
  const keep = ['miniprogram', 'dist', 'weapp'];
  const ignores: string[] = [];
  let dir = '';
  for (const name of keep) {
    for (const entry of readdirSync(path.join(repoRoot, dir)))
      if (entry !== name && entry !== 'project.config.json')
        ignores.push(`${dir}${entry}`, `${dir}${entry}/**`);
    dir = `${dir}${name}/`;
  }
  return ignores;
}

describe('WeChat code-quality check (miniprogram-ci) on the weapp build', () => {
  let keyDir = '';
  let project: ci.Project;

  beforeAll(() => {
    ensureTaroBuild('weapp');
    keyDir = mkdtempSync(path.join(tmpdir(), 'xf-mpci-'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const keyPath = path.join(keyDir, 'private.dummy.key');
    writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    ci.proxy('http://127.0.0.1:9');
    // The check's texts in Chinese, as DevTools shows them.
    ci.locales.setLocale('zh');
    project = new ci.Project({
      appid: 'touristappid',
      type: 'miniProgram',
      projectPath: repoRoot,
      privateKeyPath: keyPath,
      ignores: ignoresOutsideWeappBuild(),
    });
  });
  afterAll(() => {
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  it('passes every check: compression, lazy code loading, package sizes, no misplaced files', async () => {
    const results = await ci.checkCodeQuality(project);
    const byName = new Map(results.map((r) => [r.name, r]));
    for (const name of CHECKS) expect(byName.has(name), `check ${name} ran`).toBe(true);
    console.log(results.map((r) => `${r.success ? '✓' : '✗'} ${r.name} ${r.text}`).join('\n'));
    const failed = results.filter((r) => !r.success).map((r) => `${r.name}：${r.text}`);
    expect(failed).toEqual([]);

    // Bytes per package (__APP__ is the main package). WeChat refuses an upload whose main package passes 2 MB; the
    // check's own limit is 1.5 MB for every package.
    const sizes = byName.get('PACKAGE_SIZE_LIMIT')!.detail as Record<string, number>;
    console.log(
      '小程序代码包大小（MB）：',
      Object.fromEntries(Object.entries(sizes).map(([p, b]) => [p, +(b / 2 ** 20).toFixed(2)])),
    );
    expect(sizes.__APP__).toBeGreaterThan(100 * 1024);
    for (const bytes of Object.values(sizes)) expect(bytes).toBeLessThan(1.5 * 2 ** 20);
  }, 300_000);

  it('reads the project as DevTools does: the root project.config.json, the build folder', () => {
    const config = JSON.parse(readFileSync(path.join(repoRoot, 'project.config.json'), 'utf8'));
    expect(config.miniprogramRoot).toBe('miniprogram/dist/weapp/');
    expect(project.miniprogramRoot).toBe('miniprogram/dist/weapp/');
  });
});
