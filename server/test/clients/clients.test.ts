import { describe, expect, it } from 'vitest';
import { OperationLog } from '../../src/operation-log/model';
import type { TestApp } from '../support/test-app';
import { projectSuite, type Parties, type ProjectWorld } from '../projects/fixtures';

let t: TestApp, w: ProjectWorld, parties: Parties;
projectSuite('枫蓝国际中心物业管理公司', (s) => ({ t, w, parties } = s));

describe('clients (甲方单位) and contacts', () => {
  it('the admin adds a client and a contact; both are operation-logged', async () => {
    const c = await t.request('POST', '/api/clients', {
      token: w.admin,
      body: {
        name: '平安里物业',
        province: '北京市',
        city: '市辖区',
        district: '西城区',
        address: '平安里西大街1号',
      },
    });
    expect(c.status).toBe(201);
    expect(c.body.cityLabel).toBe('北京市-市辖区');
    const k = await t.request('POST', `/api/clients/${c.body.id}/contacts`, {
      token: w.admin,
      body: { name: '李主任', mobile: '13912345678', position: '主任' },
    });
    expect(k.status).toBe(201);
    const got = await t.request('GET', `/api/clients/${c.body.id}`, { token: w.admin });
    expect(got.body.contacts.map((x: any) => x.name)).toEqual(['李主任']);
    const renamed = await t.request('PUT', `/api/clients/${c.body.id}/contacts/${k.body.id}`, {
      token: w.admin,
      body: { name: '李主任', mobile: '13912345679', position: '副主任' },
    });
    expect(renamed.body.mobile).toBe('13912345679');
    for (const action of ['client.created', 'client_contact.created', 'client_contact.updated'])
      expect(await OperationLog.count({ where: { action, institutionId: w.institutionId } })).toBeGreaterThan(
        0,
      );
  });

  it('refuses a bad mobile, a mismatched region and a duplicate name, naming the field', async () => {
    const mobile = await t.request('POST', `/api/clients/${parties.clientId}/contacts`, {
      token: w.admin,
      body: { name: '赵先生', mobile: '12345' },
    });
    expect(mobile.status).toBe(400);
    expect(mobile.body.error.field).toBe('mobile');
    expect(mobile.body.error.message).toContain('手机号码');
    const region = await t.request('POST', '/api/clients', {
      token: w.admin,
      body: { name: '某物业', province: '北京市', city: '市辖区', district: '和平区', address: '某路1号' },
    });
    expect(region.status).toBe(400);
    expect(region.body.error.field).toBe('district');
    const dup = await t.request('POST', '/api/clients', {
      token: w.admin,
      body: {
        name: '枫蓝国际中心物业管理公司',
        province: '北京市',
        city: '市辖区',
        district: '海淀区',
        address: '某路2号',
      },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('甲方名称');
  });

  it('another institution can neither read nor change the client; the brigade reads it', async () => {
    const id = parties.clientId;
    const contactBody = { name: '某人', mobile: '13800000000' };
    for (const [method, path, body] of [
      ['GET', `/api/clients/${id}`],
      [
        'PUT',
        `/api/clients/${id}`,
        { name: '改名', province: '北京市', city: '市辖区', district: '海淀区', address: '某路3号' },
      ],
      ['DELETE', `/api/clients/${id}`],
      ['POST', `/api/clients/${id}/contacts`, contactBody],
      ['PUT', `/api/clients/${id}/contacts/${parties.contactId}`, contactBody],
      ['DELETE', `/api/clients/${id}/contacts/${parties.contactId}`],
    ] as const) {
      const res = await t.request(method, path, { token: w.otherAdmin, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const list = await t.request('GET', '/api/clients', { token: w.otherAdmin });
    expect(list.body.items.map((c: any) => c.id)).not.toContain(id);
    const brigade = await t.request('GET', `/api/clients/${id}`, { token: w.brigade });
    expect(brigade.status).toBe(200);
  });
});
