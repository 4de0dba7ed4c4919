import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportWorld, type ReportWorld } from './world';

let r: ReportWorld;
beforeAll(async () => {
  r = await reportWorld();
});
afterAll(() => r?.t.close());

const key = (s: string) => `report-${s}-${Date.now()}`;
const generate = (token: string, idempotencyKey = key('gen'), projectId = r.projectId) =>
  r.t.request('POST', `/api/projects/${projectId}/testing-reports`, { token, body: { idempotencyKey } });

async function untilGenerated(id: number) {
  const seen: number[] = [];
  for (let i = 0; i < 2400; i++) {
    const res = await r.t.request('GET', `/api/reports/${id}`, { token: r.w.admin });
    seen.push(res.body.progress);
    if (res.body.status !== 'generating') return { report: res.body, seen };
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('report still generating');
}

const tmp = mkdtempSync(path.join(tmpdir(), 'xf-report-'));
const pdfText = (buf: Buffer) => {
  const file = path.join(tmp, `r-${Math.random()}.pdf`);
  writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 << 20 }).toString('utf8');
};
const docxText = (buf: Buffer) => {
  const file = path.join(tmp, `r-${Math.random()}.docx`);
  writeFileSync(file, buf);
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 64 << 20 }).toString(
    'utf8',
  );
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
};
const download = async (url: string) => (await r.t.request('GET', url, { token: r.w.admin })).buffer!;

describe('uploads', () => {
  it('shrinks a phone photo once, to 1920 px, and keeps a 640 px copy for reports', async () => {
    const [row] = await r.sql('SELECT storageKey, thumbnailKey FROM stored_files WHERE id = :id', {
      id: r.photoFileId,
    });
    const stored = await sharp(await r.t.app.files.get(row.storageKey)).metadata();
    expect(Math.max(stored.width!, stored.height!)).toBe(1920);
    const small = await sharp(await r.t.app.files.get(row.thumbnailKey)).metadata();
    expect(Math.max(small.width!, small.height!)).toBe(640);
  });
});

describe('生成检测报告', () => {
  it('is refused until the project lead approved the review', async () => {
    await r.setReview('open');
    const res = await generate(r.w.admin);
    await r.setReview('approved');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('项目负责人审核检测计划通过后才能生成检测报告');
  });

  it('is the institution admin’s: another institution or the project lead is refused', async () => {
    expect((await generate(r.w.otherAdmin)).status).toBe(403);
    expect((await generate(r.w.projectLead)).status).toBe(403);
  });

  it('is refused outside the testing period with the manual’s advice', async () => {
    const [p] = await r.sql('SELECT contractEnd FROM projects WHERE id = :id', { id: r.projectId });
    await r.exec('UPDATE projects SET contractEnd = :d WHERE id = :id', { id: r.projectId, d: '2020-01-01' });
    const res = await generate(r.w.admin);
    await r.exec('UPDATE projects SET contractEnd = :d WHERE id = :id', {
      id: r.projectId,
      d: p.contractEnd,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('超过项目的检测期限');
    expect(res.body.error.message).toContain('只能在项目列表中注销检测项目，重新录入检测项目');
  });

  let report: any;
  it('generates Word and PDF with progress; the same key answers with the same report', async () => {
    const k = key('first');
    const res = await generate(r.w.admin, k);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'generating', source: 'generated', reportFileUrl: null });
    expect(res.body.reportNo).toMatch(/^消检（\d{4}）第\d+号$/);
    const again = await generate(r.w.admin, k);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    const done = await untilGenerated(res.body.id);
    report = done.report;
    expect(report.status).toBe('uploaded');
    expect(report.progress).toBe(100);
    expect(report.hashes.map((h: any) => h.label)).toEqual([
      '检测报告PDF',
      '检测报告Word',
      '原始记录PDF',
      '原始记录Word',
    ]);
    expect(report.conclusion).toContain('综合评定：不合格');
    expect(report.abilities).toMatchObject({ delete: false, replace: false });
  }, 300_000);

  it('prints the single-item verdicts, the overall result and the footer in the PDF', async () => {
    const pdf = await download(report.reportFileUrl);
    const text = pdfText(pdf);
    expect(text).toContain('建筑消防设施检测报告');
    expect(text).toContain('报告测试大厦');
    expect(text).toMatch(/A\.8消防电梯\s+\d+\s+0（>0）\s+0（>2）\s+1（>4）\s+合格/);
    expect(text).toMatch(/A\.12自动喷水灭火系统\s+\d+\s+1（>0）/);
    expect(text).toContain('综合评定：不合格');
    expect(text).toContain('现场发现问题');
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((p, i) =>
      expect(p).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`)),
    );
    const raw = pdfText(await download(report.rawRecordFileUrl));
    expect(raw).toContain('建筑消防设施检测原始记录');
    expect(raw).toContain('检测人');
  });

  it('prints the same in the Word report, with page number fields', async () => {
    const buf = await download(report.reportDocxUrl);
    const text = docxText(buf);
    expect(text).toContain('A.8消防电梯');
    expect(text).toContain('综合评定：不合格');
    expect(text).toContain('检测机构（盖章）');
    const footer = execFileSync('sh', ['-c', `unzip -p "$0" 'word/footer*.xml'`, writeTmp(buf)]).toString();
    expect(footer).toContain('NUMPAGES');
    expect(footer).toContain('PAGE');
    const raw = docxText(await download(report.rawRecordDocxUrl));
    expect(raw).toContain('建筑消防设施检测原始记录');
  });

  it('is never deleted or replaced', async () => {
    const del = await r.t.request('DELETE', `/api/reports/${report.id}`, { token: r.w.admin });
    expect(del.status).toBe(409);
    expect(del.body.error.message).toContain('报告生成后不能删除');
  });

  it('refuses a second generation while one is running', async () => {
    await r.exec(`UPDATE reports SET status = 'generating' WHERE id = :id`, { id: report.id });
    const res = await generate(r.w.admin);
    await r.exec(`UPDATE reports SET status = 'uploaded' WHERE id = :id`, { id: report.id });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('正在生成');
  });

  it('has a public verification page with project, institution, dates, state and hashes, nothing personal', async () => {
    const token = report.verifyUrl.split('/verify/')[1];
    const page = await r.t.request('GET', `/verify/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('报告测试大厦');
    expect(page.body).toContain('待备案');
    for (const h of report.hashes) expect(page.body).toContain(h.sha256);
    expect(page.body).not.toContain('13800138000');
    expect(page.body).not.toContain('王经理');
    const json = await r.t.request('GET', `/api/verify/${token}`);
    expect(json.status).toBe(200);
    expect(json.body.projectName).toBe('报告测试大厦');
    expect(JSON.stringify(json.body)).not.toContain('13800138000');
    expect((await r.t.request('GET', '/verify/not-a-real-token-at-all-xx')).status).toBe(404);
  });
});

function writeTmp(buf: Buffer) {
  const file = path.join(tmp, `f-${Math.random()}.docx`);
  writeFileSync(file, buf);
  return file;
}
