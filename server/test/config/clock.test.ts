// XF_NOW (test/dev only): the business clock starts at a chosen instant, so tests can live through several months.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { now, startClockAt } from '../../src/core/clock';
import { beijingToday } from '../../src/core/time';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  created,
  createClientWithContact,
  projectWorld,
  uploadPdf,
  type ProjectWorld,
} from '../projects/fixtures';
import { completeMaintenanceProject } from '../maintenance-plans/fixtures';

const START = '2027-01-20T10:00:00+08:00';

describe('XF_NOW configuration', () => {
  it('is refused in production with a Chinese message naming the variable', () => {
    const config = () =>
      loadConfig({
        NODE_ENV: 'production',
        DATA_DIR: '/tmp/xf-cfg',
        DATABASE_URL: 'mysql://root@127.0.0.1:3306/xf',
        JWT_SECRET: 'x'.repeat(32),
        REDIS_URL: 'redis://127.0.0.1:6379',
        OSS_BUCKET: 'b',
        OSS_ACCESS_KEY_ID: 'i',
        OSS_ACCESS_KEY_SECRET: 's',
        WECHAT_APPID: 'a',
        WECHAT_SECRET: 's',
        XF_NOW: START,
      });
    expect(config).toThrow(ConfigError);
    expect(config).toThrow('XF_NOW只用于测试和开发环境，生产环境不能设置');
  });

  it.each(['2027-01-20', '2027-01-20T10:00:00', 'tomorrow', '2027-13-45T10:00:00+08:00'])(
    'refuses %s: an instant needs its offset',
    (value) => {
      expect(() => loadConfig({ DATA_DIR: '/tmp/xf-cfg', XF_NOW: value })).toThrow(
        'XF_NOW必须是带时区的时间，例如2026-10-20T10:00:00+08:00',
      );
    },
  );

  it('accepts an instant with its offset outside production; unset is the wall clock', () => {
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/xf-cfg', XF_NOW: START }).clockStart).toEqual(
      new Date(START),
    );
    expect(loadConfig({ DATA_DIR: '/tmp/xf-cfg' }).clockStart).toBeNull();
  });

  it('runs on from the start instant', () => {
    startClockAt(new Date(START));
    try {
      const elapsed = now().getTime() - Date.parse(START);
      expect(elapsed).toBeGreaterThanOrEqual(0);
      // Still the start's day in Beijing, not the real date: the clock runs from XF_NOW, not from today.
      expect(beijingToday()).toBe('2027-01-20');
    } finally {
      startClockAt(null);
    }
  });
});

describe('a server started with XF_NOW decides the plan month by it', () => {
  let t: TestApp;
  let w: ProjectWorld;
  beforeAll(async () => {
    t = await startTestApp({ env: { XF_NOW: START } });
    w = await projectWorld(t);
  });
  afterAll(async () => {
    await t?.close();
    startClockAt(null);
  });

  it('offers and accepts only 2027-01 plans, whatever the wall clock says', async () => {
    const parties = await createClientWithContact(t, w.admin, '时钟测试物业');
    const fileId = await uploadPdf(t, w.admin);
    const contract = await created(t, w.admin, '/api/maintenance-contracts', {
      ...parties,
      signedOn: '2026-11-20',
      contractStart: '2026-12-01',
      contractEnd: '2027-11-30',
      attachments: [{ fileId, kind: 'maintenance_scope' }],
    });
    const project = await created(t, w.admin, '/api/maintenance-projects', {
      contractId: contract.id,
      siteName: '时钟测试大厦',
      siteUscc: 'NULL',
      detachmentId: w.dongcheng.id,
      district: '东城区',
      address: '东城区东直门南大街1号',
      projectLeadAccountId: w.leadId,
      firstMonth: '2026-12',
      lastMonth: '2027-11',
      maintenanceCount: 12,
    });
    const fs = await t.request('PUT', `/api/projects/${project.id}/fire-systems`, {
      token: w.admin,
      body: { facilityIds: ['M.02.1.01'] },
    });
    expect(fs.status).toBe(200);
    await completeMaintenanceProject(t, w, project.id);

    const list = await t.request('GET', `/api/projects/${project.id}/maintenance-plans`, {
      token: w.projectLead,
    });
    expect(list.status).toBe(200);
    expect(list.body.currentMonth).toBe('2027-01');

    const ok = await t.request('POST', `/api/projects/${project.id}/maintenance-plans`, {
      token: w.projectLead,
      body: { kind: 'month', month: '2027-01' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const earlier = await t.request('POST', `/api/projects/${project.id}/maintenance-plans`, {
      token: w.projectLead,
      body: { kind: 'quarter', month: '2026-12' },
    });
    expect(earlier.status).toBe(400);
    expect(JSON.stringify(earlier.body)).toMatch(/当月/);
  });
});
