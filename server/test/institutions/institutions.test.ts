import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Op } from 'sequelize';
import { startTestApp, type TestApp } from '../support/test-app';
import { Institution } from '../../src/institutions/models';
import { OperationLog } from '../../src/operation-log/model';

let t: TestApp;
let admin: string;
let brigade: string;
let myId: number;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('jigou01');
  brigade = await t.login('zongdui');
  myId = (await t.request('GET', '/api/auth/me', { token: admin })).body.institutionId;
});
afterAll(async () => t?.close());

describe('institution profile', () => {
  it('lists institutions for the brigade with 未标记 until marked, searchable by name and district', async () => {
    const list = await t.request('GET', '/api/institutions?pageSize=100', { token: brigade });
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(20);
    expect(list.body.items[0].officeMarkedLabel).toBe('未标记');
    const name = list.body.items[3].name as string;
    const byName = await t.request('GET', `/api/institutions?name=${encodeURIComponent(name.slice(2, 6))}`, {
      token: brigade,
    });
    expect(byName.body.items.map((i: any) => i.name)).toContain(name);
    const district = list.body.items[3].district as string;
    const byDistrict = await t.request(
      'GET',
      `/api/institutions?province=${encodeURIComponent(list.body.items[3].province)}&district=${encodeURIComponent(district)}`,
      { token: brigade },
    );
    expect(byDistrict.body.items.length).toBeGreaterThan(0);
    for (const i of byDistrict.body.items)
      expect([i.district, i.officeAddress?.district]).toContain(district);
  });

  it('the admin marks the office address; WGS-84 input is stored converted to GCJ-02 with both kept', async () => {
    const res = await t.request('PUT', `/api/institutions/${myId}/office-address`, {
      token: admin,
      body: {
        address: '北京市朝阳区广渠路3号',
        province: '北京市',
        city: '北京市',
        district: '朝阳区',
        lng: 116.46,
        lat: 39.89,
        crs: 'WGS84',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.officeMarkedLabel).toBe('已标记');
    expect(res.body.officeAddress.crs).toBe('GCJ02');
    expect(res.body.officeAddress.input).toEqual({ lng: 116.46, lat: 39.89, crs: 'WGS84' });
    // GCJ-02 is offset from WGS-84 by a few hundred metres in Beijing.
    expect(res.body.officeAddress.lng - 116.46).toBeGreaterThan(0.004);
    expect(res.body.officeAddress.lng - 116.46).toBeLessThan(0.01);
    const marked = await t.request('GET', '/api/institutions?officeMarked=true', { token: brigade });
    expect(marked.body.items.map((i: any) => i.id)).toContain(myId);
    const unmarked = await t.request('GET', '/api/institutions?officeMarked=false&pageSize=200', {
      token: brigade,
    });
    expect(unmarked.body.items.map((i: any) => i.id)).not.toContain(myId);
    expect(
      await OperationLog.count({ where: { action: 'institution.office_marked', entityId: String(myId) } }),
    ).toBe(1);
  });

  it('refuses coordinates outside China and a missing address, changing nothing', async () => {
    const before = (await Institution.findByPk(myId))!.officeLng;
    const bad = await t.request('PUT', `/api/institutions/${myId}/office-address`, {
      token: admin,
      body: { address: '某地', province: '北京市', city: '北京市', district: '朝阳区', lng: 10, lat: 39.9 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('lng');
    const missing = await t.request('PUT', `/api/institutions/${myId}/office-address`, {
      token: admin,
      body: { lng: 116.4, lat: 39.9 },
    });
    expect(missing.status).toBe(400);
    expect((await Institution.findByPk(myId))!.officeLng).toBe(before);
  });

  it('the admin confirms business registration data', async () => {
    const res = await t.request('POST', `/api/institutions/${myId}/confirm-registration`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.registrationConfirmedAt).toBeTruthy();
  });

  it('persons are listed with masked ID numbers', async () => {
    const res = await t.request('GET', `/api/institutions/${myId}/persons?pageSize=100`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(5);
    for (const p of res.body.items) {
      expect(p.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(JSON.stringify(p)).not.toMatch(/\d{17}[\dX]/);
    }
  });
});

describe('tenancy', () => {
  it('an institution sees only itself, on every institution endpoint', async () => {
    const other = await Institution.findOne({ where: { id: { [Op.ne]: myId } } });
    for (const [method, path, body] of [
      ['GET', `/api/institutions/${other!.id}`],
      ['GET', `/api/institutions/${other!.id}/persons`],
      ['GET', `/api/institutions/${other!.id}/compliance`],
      ['GET', `/api/institutions/${other!.id}/staff-changes`],
      ['POST', `/api/institutions/${other!.id}/confirm-registration`],
      [
        'PUT',
        `/api/institutions/${other!.id}/office-address`,
        {
          address: '北京市西城区某路1号',
          province: '北京市',
          city: '北京市',
          district: '西城区',
          lng: 116.36,
          lat: 39.91,
        },
      ],
    ] as const) {
      const res = await t.request(method, path, { token: admin, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const list = await t.request('GET', '/api/institutions', { token: admin });
    expect(list.body.items.map((i: any) => i.id)).toEqual([myId]);
  });

  it('a detachment sees institutions with projects in its jurisdiction only', async () => {
    const token = await t.login('dongcheng');
    const list = await t.request('GET', '/api/institutions?pageSize=200', { token });
    expect(list.status).toBe(200);
    const all = await t.request('GET', '/api/institutions?pageSize=200', { token: brigade });
    expect(list.body.total).toBeLessThan(all.body.total);
    const hidden = all.body.items.find((i: any) => !list.body.items.some((v: any) => v.id === i.id));
    if (hidden)
      expect((await t.request('GET', `/api/institutions/${hidden.id}`, { token })).status).toBe(403);
  });

  it('unauthenticated requests are refused', async () => {
    expect((await t.request('GET', '/api/institutions')).status).toBe(401);
  });
});
