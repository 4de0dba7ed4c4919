/**
 * Testing report generation (issue 10 bench 1): 15 single items, 2,000 test records and 300 phone photos
 * (4000×3000 JPEG, ~1.5 MB each, generated with sharp and shrunk as an upload is, once) →
 * the report and the raw record as PDF (≤ 6 s) and Word (≤ 10 s), each renderer in its own process for its
 * peak RSS (≤ 600 MB); the Chinese text extractable from the PDF (pdftotext) with the footer on every page; and
 * API reads (/api/health) keeping p99 ≤ 100 ms while a report is generated in the worker thread.
 * Run from the repo root: npx tsx scripts/bench/testing-report.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import autocannon from 'autocannon';
import sharp from 'sharp';
import {
  assembleTestingReport,
  gb25201_2010_jing,
  type ReportRecordInput,
  type TestResult,
} from '@xf/domain';
import { createApp } from '../../server/src/app';
import { createAppContext } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/core/logger';
import { shrinkPhoto } from '../../server/src/files/shrink';
import { dataDigest, imageSize, qrOf, type ReportPhoto } from '../../server/src/reports/render/assets';
import { renderInWorker } from '../../server/src/reports/render/render';
import type { RenderInput } from '../../server/src/testing-reports/layout';

const SINGLE_ITEMS = 15;
const RECORDS = 2000;
const PHOTOS = 300;
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'xf-report-bench-'));
const photoDir = path.join(tmpdir(), 'xf-report-bench-photos');
mkdirSync(photoDir, { recursive: true });
const secs = (ms: number) => (ms / 1000).toFixed(2);

// 1. Phone photos: smooth scenes with sensor-like noise, about 1.5 MB at quality 88 (cached between runs).
const noise = await sharp({
  create: { width: 4000, height: 3000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 14 } },
})
  .raw()
  .toBuffer();
let t = performance.now();
let made = 0;
for (let i = 0; i < PHOTOS; i++) {
  const file = path.join(photoDir, `p${i}.jpg`);
  if (existsSync(file)) continue;
  const tint = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: { r: (i * 37) % 255, g: (i * 91) % 255, b: 120 },
    },
  })
    .composite([{ input: noise, raw: { width: 4000, height: 3000, channels: 3 }, blend: 'overlay' }])
    .jpeg({ quality: 88 })
    .toBuffer();
  writeFileSync(file, tint);
  made++;
}
let originals = Array.from({ length: PHOTOS }, (_, i) => readFileSync(path.join(photoDir, `p${i}.jpg`)));
const mb = originals.reduce((s, b) => s + b.length, 0) / 2 ** 20;
console.log(`照片：${PHOTOS}张 4000×3000 JPEG，平均 ${(mb / PHOTOS).toFixed(2)} MB（本次新生成 ${made} 张）`);

// 2. Shrunk once, as an upload is (files/shrink.ts): the stored ≤ 1920 px copy and the report's 640 px copy.
// The small copies are cached with the photos; the shrink is timed when they are made.
t = performance.now();
const photos: ReportPhoto[] = [];
let shrunk = 0;
for (const [i, b] of originals.entries()) {
  const cached = path.join(photoDir, `p${i}.report.jpg`);
  if (!existsSync(cached)) {
    writeFileSync(cached, (await shrinkPhoto(b, 'image/jpeg')).thumbnail!);
    shrunk++;
  }
  const thumbnail = readFileSync(cached);
  photos.push({ fileId: i + 1, data: new Uint8Array(thumbnail), ...imageSize(thumbnail)! });
}
originals = []; // the renderers get only the small copies
const thumbsMb = photos.reduce((s, p) => s + p.data.length, 0) / 2 ** 20;
console.log(
  `上传时缩小（每张一次）：${shrunk} 张用时 ${secs(performance.now() - t)} 秒${shrunk ? `（每张 ${((performance.now() - t) / shrunk).toFixed(0)} 毫秒）` : '（沿用缓存）'}；报告用小图共 ${thumbsMb.toFixed(1)} MB`,
);

// 3. The data: 15 single items of the built-in edition, 2,000 records over their items, ~8 % failures.
const edition = gb25201_2010_jing;
const singles = edition.testing.slice(0, SINGLE_ITEMS);
const items = singles.flatMap((s) =>
  s.subItems.flatMap((sub) => sub.items.map((item) => ({ s, sub, item }))),
);
const records: ReportRecordInput[] = [];
let photo = 0;
for (let i = 0; i < RECORDS; i++) {
  const { s, sub, item } = items[i % items.length]!;
  const result: TestResult = i % 13 === 5 ? 'fail' : i % 29 === 7 ? 'not_testable' : 'pass';
  const bad = result !== 'pass';
  const ids = bad && photo < PHOTOS ? [++photo, ...(photo < PHOTOS ? [++photo] : [])] : [];
  records.push({
    id: i + 1,
    planItemId: `1:${item.id}`,
    planSubItemId: `1:${sub.id}`,
    planSingleItemId: `1:${s.code}`,
    itemId: item.id,
    position: `${Math.floor(i / items.length) + 1}层${(i % 7) + 1}号`,
    result,
    reviewedResult: null,
    measuredValue: null,
    photoFileIds: ids,
    note: bad ? '现场检查发现该项不符合要求，已告知使用单位整改' : '',
    operatorName: `操作员${(i % 4) + 1}`,
    recordedAt: new Date(Date.UTC(2026, 10, 1 + (i % 10))).toISOString(),
  });
}
const verifyUrl = 'http://localhost:3000/verify/benchmarkbenchmarkbenchmark';
const data = assembleTestingReport({
  header: {
    reportNo: '消检（2026）第1号',
    title: '建筑消防设施检测报告',
    issuedOn: '2026-12-02',
    verifyUrl,
    project: {
      id: 1,
      name: '性能测试大厦',
      address: '北京市东城区东直门南大街1号',
      client: { name: '性能测试甲方', contact: '王经理', phone: '13800138000' },
      maintenanceUnit: null,
      buildings: [
        {
          name: '主楼',
          totalArea: 52000,
          aboveGroundFloors: 28,
          belowGroundFloors: 3,
          useFunction: '办公',
          height: 99.5,
        },
      ],
      documents: ['检测范围页'],
      testingType: 'annual',
      scope: singles.map((s) => s.name),
      basis: edition.sources.join('、'),
      contractStart: '2026-10-01',
      contractEnd: '2027-09-30',
    },
    institution: { name: '北京检测维保机构' },
    projectLead: { name: '注册人员3', certificateNo: '1111111' },
    technicalLead: { name: '注册人员1', certificateNo: '注册号1' },
  },
  edition,
  scopeCodes: singles.map((s) => s.code),
  buildings: [{ id: '1', name: '主楼' }],
  records,
  reviews: [],
});
const input: RenderInput = { data, dataSha256: dataDigest(data), photos, ...(await qrOf(verifyUrl)) };
console.log(
  `报告数据：${SINGLE_ITEMS}个单项，${data.rawRecords.length}条检测记录，${data.findings.length}个问题/不能测试项，${photo}张照片；综合评定 ${data.overall.verdictLabel}`,
);
const inputFile = path.join(work, 'input.bin');
writeFileSync(inputFile, serialize(input));

// 4. Each renderer in its own process.
const results: Record<string, any> = {};
for (const format of ['pdf', 'docx'] as const) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/bench/testing-report-render.ts'), inputFile, format, work],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`${format} 渲染失败（${r.status} ${r.signal}）：${r.stderr}`);
  const m = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  results[format] = m;
  const limit = format === 'pdf' ? 6 : 10;
  console.log(
    `${format === 'pdf' ? 'PDF ' : 'Word'}（报告+原始记录）：${m.seconds.toFixed(2)} 秒（CPU ${m.cpuSeconds.toFixed(2)} 秒，上限 ${limit} 秒）` +
      `，峰值内存 ${m.maxRssMb.toFixed(0)} MB（上限 600 MB），报告 ${(m.reportBytes / 2 ** 20).toFixed(1)} MB，原始记录 ${(m.rawBytes / 2 ** 20).toFixed(1)} MB` +
      (m.seconds <= limit && m.maxRssMb <= 600 ? ' ✓' : ' ✗'),
  );
}

// 5. The PDF: Chinese text extractable and the footer on every page.
for (const name of ['report.pdf', 'raw.pdf']) {
  const text = execFileSync('pdftotext', ['-layout', path.join(work, name), '-'], {
    maxBuffer: 256 << 20,
  }).toString();
  const pages = text.split('\f').filter((p) => p.trim());
  const footers = pages.filter((p, i) =>
    new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`).test(p),
  );
  const chinese = /建筑消防设施检测/.test(text) && /合格/.test(text);
  console.log(
    `${name}：${pages.length} 页，页脚“第 M 页 共 N 页” ${footers.length}/${pages.length} 页，中文可提取 ${chinese ? '是' : '否'}` +
      (footers.length === pages.length && chinese ? ' ✓' : ' ✗'),
  );
}

// 6. API reads while a report is generated in the worker thread (the real path: renderInWorker).
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'test',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'xf-bench-')),
  LOG_LEVEL: 'silent',
  SERVE_CLIENTS: 'off',
});
const app = await createAppContext(config, createLogger('silent'));
const server = createApp(app).listen(0, '127.0.0.1');
await new Promise((ok) => server.once('listening', ok));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`;
const load = (seconds: number) => autocannon({ url, connections: 10, duration: seconds });
const idle = await load(5);
console.log(`（机器负载 ${(await import('node:os')).loadavg()[0]!.toFixed(1)}，2 核；CPU 秒是稳定的数字）`);
console.log(
  `API 读（/api/health，10 并发）空闲：p50 ${idle.latency.p50} ms，p99 ${idle.latency.p99} ms，${idle.requests.average} 次/秒`,
);
const started = performance.now();
let generation = 0;
const rendering = renderInWorker({ kind: 'testing', input }).then(
  () => (generation = performance.now() - started),
);
const busy = await load(15);
await rendering;
console.log(
  `API 读（生成报告期间，生成用时 ${secs(generation)} 秒）：p50 ${busy.latency.p50} ms，p99 ${busy.latency.p99} ms（上限 100 ms），最大 ${busy.latency.max} ms，${busy.requests.average} 次/秒` +
    (busy.latency.p99 <= 100 ? ' ✓' : ' ✗'),
);
server.close();
await app.close();
