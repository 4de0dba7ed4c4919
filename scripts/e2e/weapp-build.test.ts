import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTaroBuild, repoRoot } from './h5-support';

const weappDir = path.join(repoRoot, 'miniprogram', 'dist', 'weapp');

describe('mini-program (weapp) build', () => {
  beforeAll(() => ensureTaroBuild('weapp'));

  it('lists the lead pages in app.json and emits every page', () => {
    const app = JSON.parse(readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as { pages: string[] };
    expect(app.pages[0]).toBe('pages/home/index');
    for (const page of [
      'pages/login/index',
      'pages/bind/index',
      'pages/mine/index',
      'pages/password/index',
      'pages/face-profile/index',
    ]) {
      expect(app.pages).toContain(page);
      expect(readFileSync(path.join(weappDir, `${page}.json`), 'utf8')).toContain('navigationBarTitleText');
    }
    // Operators never use the mini-program: their offline pages are only in the H5 build.
    expect(app.pages).not.toContain('pages/work-logs/index');
  });

  it('has the lead tab bar of the manual: 消防检测 / 消防维保 / 我的', () => {
    const app = JSON.parse(readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as {
      pages: string[];
      tabBar: { list: { pagePath: string; text: string }[] };
    };
    expect(app.tabBar.list.map((t) => [t.pagePath, t.text])).toEqual([
      ['pages/home/index', '消防检测'],
      ['pages/maintenance/index', '消防维保'],
      ['pages/mine/index', '我的'],
    ]);
    for (const t of app.tabBar.list) expect(app.pages).toContain(t.pagePath);
    for (const page of [
      'pages/site-requests/index',
      'pages/testing-reviews/index',
      'pages/testing-review/index',
    ])
      expect(app.pages).toContain(page);
  });

  it('is opened by WeChat DevTools from the repository root', () => {
    const project = JSON.parse(readFileSync(path.join(repoRoot, 'project.config.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(project.miniprogramRoot).toBe('miniprogram/dist/weapp/');
    expect(project.appid).toBe('touristappid');
  });
});
