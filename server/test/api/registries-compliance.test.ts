import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/test-app';
import { Account } from '../../src/accounts/models';
import { Institution, Person } from '../../src/institutions/models';
import { RedFlag } from '../../src/red-flags/model';
import { ministrySnapshotFromDb } from '../../src/registries/snapshot-from-db';
import { writeMinistryWorkbook } from '../../src/registries/workbook';
import type { MinistrySnapshot } from '@xf/domain/registries/records';

let t: TestApp;
let brigade: string;
let inst1: Institution;
beforeAll(async () => {
  t = await startTestApp();
  brigade = await t.login('zongdui');
  const admin = await Account.findOne({ where: { accountName: 'jigou01' } });
  inst1 = (await Institution.findByPk(admin!.institutionId!))!;
});
afterAll(async () => t?.close());

function upload(snapshotBuf: Buffer, name = 'ministry.xlsx') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(snapshotBuf)]), name);
  return t.request('POST', '/api/registry/ministry/imports', { token: brigade, form });
}

async function current(): Promise<MinistrySnapshot> {
  return structuredClone((await ministrySnapshotFromDb())!);
}

describe('ministry import', () => {
  it("the first import of an institution's staff is its baseline, not churn", async () => {
    // the demo data came in through one ministry import, so every person joined on day one
    const run = await t.request('POST', '/api/compliance/run', { token: brigade });
    expect(run.status).toBe(200);
    const flags = await t.request('GET', '/api/red-flags?kind=staff_churn&open=true', { token: brigade });
    expect(flags.status).toBe(200);
    expect(flags.body.total).toBe(0);
  });

  it('the brigade downloads the template; others cannot', async () => {
    const res = await t.request('GET', '/api/registry/ministry/template', { token: brigade });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.buffer as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['机构', '人员']));
    const admin = await t.login('jigou01');
    expect((await t.request('GET', '/api/registry/ministry/template', { token: admin })).status).toBe(403);
  });

  it('re-importing the same data changes nothing', async () => {
    const res = await upload(await writeMinistryWorkbook(await current()));
    expect(res.status).toBe(201);
    expect(res.body.summary).toMatchObject({ joined: 0, changed: 0, left: 0, errors: 0 });
  });

  it('reports joined, changed and left, with history', async () => {
    const snap = await current();
    const ops = snap.persons.filter((p) => p.institutionUscc === inst1.uscc && p.post === 'operator');
    const leaving = ops[0]!;
    snap.persons = snap.persons.filter((p) => p !== leaving);
    const changing = ops[1]!;
    changing.name = `${changing.name}改`;
    const res = await upload(await writeMinistryWorkbook(snap));
    expect(res.status).toBe(201);
    expect(res.body.summary).toMatchObject({ joined: 0, changed: 1, left: 1 });
    const detail = await t.request('GET', `/api/registry/imports/${res.body.id}`, { token: brigade });
    expect(detail.body.changes.items.map((c: any) => c.change).sort()).toEqual(['changed', 'left']);
    const p = await Person.findOne({ where: { idNumber: leaving.idNumber } });
    expect(p!.inRegistry).toBe(false);
    const history = await t.request('GET', `/api/institutions/${inst1.id}/staff-changes`, { token: brigade });
    expect(history.body.items.map((c: any) => c.change)).toEqual(expect.arrayContaining(['left', 'changed']));
  });

  it('a broken row is reported with its row number and the rest still imports', async () => {
    const snap = await current();
    const fresh = structuredClone(snap.persons.find((p) => p.post === 'operator')!);
    fresh.idNumber = '11010519900307123X'.slice(0, 17) + '0';
    fresh.name = '新来的人';
    snap.persons.push(fresh);
    const buf = await writeMinistryWorkbook(snap);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as any);
    const sheet = wb.getWorksheet('人员')!;
    // Break the last row's ID number.
    const header = Array.from(sheet.getRow(1).values as any[], (v) => String(v ?? ''));
    const col = header.findIndex((h) => h.includes('身份证'));
    sheet.getRow(sheet.rowCount).getCell(col).value = '12345';
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe(201);
    expect(res.body.summary.errors).toBe(1);
    expect(res.body.rowErrors[0].row).toBe(sheet.rowCount);
    expect(res.body.rowErrors[0].reason).toContain('身份证');
  });

  it('a file that is not a workbook is refused as a whole, by content not by name', async () => {
    const before = await Person.count();
    const res = await upload(Buffer.from('%PDF-1.4 not a workbook'), 'people.xlsx');
    expect(res.status).toBe(415);
    expect(await Person.count()).toBe(before);
  });
});

describe('compliance', () => {
  it('closes the admin account when the institution falls below the practice conditions, and reopens it', async () => {
    const snap = await current();
    const keep = snap.persons.filter((p) => p.institutionUscc !== inst1.uscc || p.post !== 'operator');
    const ops = snap.persons.filter((p) => p.institutionUscc === inst1.uscc && p.post === 'operator');
    const res = await upload(
      await writeMinistryWorkbook({ ...snap, persons: [...keep, ...ops.slice(0, 3)] }),
    );
    expect(res.status).toBe(201);
    const status = await t.request('GET', `/api/institutions/${inst1.id}/compliance`, { token: brigade });
    expect(status.body.status).toBe('noncompliant');
    expect(status.body.failures.map((f: any) => f.clause).join()).toContain('第五条');
    const login = await t.request('POST', '/api/auth/login', { body: await webLogin('jigou01') });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('account_closed');
    expect(login.body.error.message).toContain('操作员');
    expect(
      await RedFlag.count({
        where: { kind: 'institution_noncompliant', subjectId: inst1.id, clearedAt: null },
      }),
    ).toBe(1);

    const back = await upload(await writeMinistryWorkbook(snap));
    expect(back.status).toBe(201);
    expect((await t.request('POST', '/api/auth/login', { body: await webLogin('jigou01') })).status).toBe(
      200,
    );
    const history = await t.request('GET', `/api/institutions/${inst1.id}/compliance`, { token: brigade });
    expect(history.body.history.map((h: any) => h.status).slice(0, 2)).toEqual(['compliant', 'noncompliant']);
    expect(
      await RedFlag.count({
        where: { kind: 'institution_noncompliant', subjectId: inst1.id, clearedAt: null },
      }),
    ).toBe(0);
  });

  it('two technical leads make an institution noncompliant (must be corrected in the ministry registry)', async () => {
    const snap = await current();
    const engineer = snap.persons.find(
      (p) =>
        p.institutionUscc === inst1.uscc && p.post === 'project_lead' && p.registeredEngineer?.level === 1,
    )!;
    engineer.post = 'technical_lead';
    await upload(await writeMinistryWorkbook(snap));
    const status = await t.request('GET', `/api/institutions/${inst1.id}/compliance`, { token: brigade });
    expect(status.body.status).toBe('noncompliant');
    expect(status.body.failures.map((f: any) => f.message).join()).toContain('技术负责人');
    engineer.post = 'project_lead';
    await upload(await writeMinistryWorkbook(snap));
    expect(
      (await t.request('GET', `/api/institutions/${inst1.id}/compliance`, { token: brigade })).body.status,
    ).toBe('compliant');
  });

  it('flags staff churn above the threshold and a person at two institutions', async () => {
    const snap = await current();
    const other = snap.institutions.find((i) => i.uscc !== inst1.uscc)!;
    const ops = snap.persons.filter((p) => p.institutionUscc === other.uscc && p.post === 'other');
    // Six people join at once: above the default threshold of 5 in 90 days.
    const joiners = Array.from({ length: 6 }, (_, i) => ({
      ...structuredClone(snap.persons.find((p) => p.institutionUscc === other.uscc)!),
      post: 'other' as const,
      name: `新员工${i}`,
      idNumber: makeId(i),
      registeredEngineer: undefined,
      operatorCertificate: undefined,
    }));
    const dup = {
      ...structuredClone(
        snap.persons.find((p) => p.institutionUscc === inst1.uscc && p.post === 'operator')!,
      ),
      institutionUscc: other.uscc,
    };
    const res = await upload(
      await writeMinistryWorkbook({ ...snap, persons: [...snap.persons, ...joiners, dup] }),
    );
    expect(res.status).toBe(201);
    const otherId = (await Institution.findOne({ where: { uscc: other.uscc } }))!.id;
    const flags = await t.request('GET', `/api/red-flags?institutionId=${otherId}&open=true`, {
      token: brigade,
    });
    expect(flags.body.items.map((f: any) => f.kind)).toContain('staff_churn');
    // the flag names the six who joined, not the staff of the baseline import
    const churn = flags.body.items.find((f: any) => f.kind === 'staff_churn');
    expect(churn.details.people.map((p: any) => p.name).sort()).toEqual(joiners.map((j) => j.name).sort());
    const personFlags = await t.request('GET', '/api/red-flags?kind=person_multiple_institutions', {
      token: brigade,
    });
    expect(personFlags.body.total).toBeGreaterThanOrEqual(1);
    expect(ops.length).toBeGreaterThanOrEqual(0);
  });

  it('the brigade can run the pass on demand; an admin cannot', async () => {
    const res = await t.request('POST', '/api/compliance/run', { token: brigade });
    expect(res.status).toBe(200);
    expect(res.body.checked).toBeGreaterThanOrEqual(20);
    expect(
      (await t.request('POST', '/api/compliance/run', { token: await t.login('dongcheng') })).status,
    ).toBe(403);
  });
});

function makeId(i: number) {
  const first17 = `1101051990010${String(100 + i).padStart(3, '0')}1`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, k) => s + Number(c) * w[k]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

async function webLogin(accountName: string) {
  const cap = await t.request('GET', '/api/auth/captcha');
  const peek = await t.request('GET', `/api/auth/captcha/${cap.body.captchaId}/peek`);
  return {
    channel: 'web',
    accountName,
    password: 'demo123456',
    captchaId: cap.body.captchaId,
    captchaText: peek.body.text,
  };
}
