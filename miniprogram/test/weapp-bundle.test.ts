import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';

/**
 * The weapp build as WeChat receives it (dist/weapp, built by `XF_API_BASE=https://… npm run build:weapp`;
 * CI builds it before `npm test`). Skipped when there is no build here, except in CI (XF_WEAPP_BUILD=required,
 * set by .ci/run), where a missing build fails.
 */
const dist = path.resolve(__dirname, '..', 'dist', 'weapp');
const built = existsSync(path.join(dist, 'app.json'));
const required = process.env.XF_WEAPP_BUILD === 'required';
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
const projectConfig = JSON.parse(
  readFileSync(path.resolve(__dirname, '..', '..', 'project.config.json'), 'utf8'),
);

describe.skipIf(!built && !required)('weapp bundle (dist/weapp)', () => {
  const all = built || required ? files(dist) : [];
  const js = all.filter((f) => f.endsWith('.js'));

  it('every script parses as ES5: no ?., ??, classes, arrow functions or let/const for older WeChat engines', () => {
    expect(js.length).toBeGreaterThan(5);
    const failures: string[] = [];
    for (const f of js) {
      try {
        parse(readFileSync(f, 'utf8'), { ecmaVersion: 5, sourceType: 'script' });
      } catch (e) {
        failures.push(`${path.relative(dist, f)}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    // project.config.json leaves WeChat's own ES6 → ES5 step off: the build must already be ES5.
    expect(projectConfig.setting.es6).toBe(false);
  }, 120_000);

  it('keeps the IndexedDB offline engine and the service worker out (H5 only)', () => {
    const offenders = js.filter((f) =>
      /indexedDB|IDBObjectStore|serviceWorker/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(dist, f))).toEqual([]);
  });

  it('app.json: privacy check on, only the private APIs used, lazy code loading, no operator pages', () => {
    const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'));
    expect(app.__usePrivacyCheck__).toBe(true);
    expect(app.requiredPrivateInfos).toEqual(['getLocation']);
    expect(app.lazyCodeLoading).toBe('requiredComponents');
    expect(app.pages).not.toContain('pages/work-logs/index');
    expect(app.pages).not.toContain('pages/work-log-new/index');
  });

  it('calls chooseMedia, never the deprecated chooseImage, and handles privacy authorization', () => {
    const source = js.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(source.includes('chooseMedia')).toBe(true);
    expect(source.includes('onNeedPrivacyAuthorization')).toBe(true);
    // Taro's runtime lists every wx API by name, so our own sources are what must not call the old ones.
    const ours = files(path.resolve(__dirname, '..', 'src')).filter((f) => /\.tsx?$/.test(f));
    const old = ours.filter((f) => /\bchoose(Image|Location)\(/.test(readFileSync(f, 'utf8')));
    expect(old).toEqual([]);
  });

  it('was built with an https API base, never a relative /api', () => {
    const source = js.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(/"https:\/\/[^"\s]+\/api/.test(source) || /"https:\/\/[a-z0-9.-]+"/.test(source)).toBe(true);
  });

  it('the main package stays under WeChat’s 2 MB limit with room (1.5 MB budget, no subpackages needed)', () => {
    const bytes = all.filter((f) => !f.endsWith('.map')).reduce((n, f) => n + statSync(f).size, 0);
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('project.config.json turns on the code-quality settings (minified JS, WXSS and WXML)', () => {
    expect(projectConfig.setting).toMatchObject({ minified: true, minifyWXSS: true, minifyWXML: true });
  });
});
