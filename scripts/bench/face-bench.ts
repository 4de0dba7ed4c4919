// Face comparison timing: cold model load, then per-comparison latency for a full-size phone photo.
// Run from the repository root: npx tsx scripts/bench/face-bench.ts [runs]
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createFaceService } from '../../server/src/face/index.js';

const RUNS = Math.max(20, Number(process.argv[2] ?? 30));
const require = createRequire(import.meta.url);
const demoDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Wall time and process CPU time per run. On a shared machine the wall time includes waiting for a
 * core; the CPU time (tfjs wasm runs on one thread) is what one comparison costs on an idle core.
 */
async function timeRuns(label: string, runs: number, task: () => Promise<unknown>): Promise<void> {
  await task(); // warm-up: the first inferences compile wasm kernels
  await task();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    await task();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const fmt = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `${label}（${runs} 次）：耗时中位数 ${fmt(percentile(wall, 50))}，p95 ${fmt(percentile(wall, 95))}，` +
      `最快 ${fmt(wall[0])}；CPU 时间中位数 ${fmt(percentile(cpu, 50))}，p95 ${fmt(percentile(cpu, 95))}`,
  );
}

async function timeDecode(photo: Buffer): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await sharp(photo)
      .rotate()
      .resize({ width: 640, height: 640, fit: 'inside' })
      .removeAlpha()
      .raw()
      .toBuffer();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[10];
}

/** One person's head and shoulders from a demo group photo, enlarged to a 1920 px tall phone-style JPEG. */
async function fullSizePhoto(sample: number, [x, y, w, h]: number[], brightness = 1): Promise<Buffer> {
  const crop = await sharp(path.join(demoDir, `sample${sample}.jpg`))
    .extract({
      left: Math.round(x - w * 0.45),
      top: Math.round(y - h * 0.45),
      width: Math.round(w * 1.9),
      height: Math.round(h * 2.1),
    })
    .modulate({ brightness })
    .toBuffer();
  return sharp(crop).resize({ height: 1920 }).jpeg({ quality: 90 }).toBuffer();
}

console.log(`开始时机器负载（1 分钟平均）：${os.loadavg()[0].toFixed(1)}`);
const importStarted = performance.now();
const service = createFaceService(); // default detector: ssd
const importMs = performance.now() - importStarted;
const loadStarted = performance.now();
await service.init();
const loadMs = performance.now() - loadStarted;
console.log(`创建服务（未加载模型）：${importMs.toFixed(1)} ms`);
console.log(`模型加载（tfjs wasm 后端 + 4 个模型，冷启动）：${loadMs.toFixed(0)} ms`);

const profilePhoto = await fullSizePhoto(6, [1487, 263, 212, 296]);
const livePhoto = await fullSizePhoto(6, [1487, 263, 212, 296], 1.1);
const groupPhoto = await sharp(path.join(demoDir, 'sample6.jpg')).toBuffer();
const meta = await sharp(livePhoto).metadata();
console.log(`现场照片：${meta.width}×${meta.height} JPEG，${(livePhoto.length / 1024).toFixed(0)} KB`);

const profile = { key: 'bench-profile', image: profilePhoto };
const first = await service.compare(livePhoto, profile);
console.log(
  `比对结果：distance ${first.distance}，similarity ${first.similarity}，accepted ${first.accepted}`,
);

await timeRuns('比对（默认 SSD 检测器，底图特征已缓存，只处理现场照片）', RUNS, () =>
  service.compare(livePhoto, profile),
);
await timeRuns('比对（SSD 检测器，两张照片都要处理，无缓存）', RUNS, () =>
  service.compare(livePhoto, profilePhoto),
);
const auto = createFaceService({ detector: 'auto' });
await timeRuns('比对（auto：先 tiny 后 SSD，底图特征已缓存）', RUNS, () => auto.compare(livePhoto, profile));
await timeRuns('1920 px 多人合照（检测到 4 张人脸后拒绝）', RUNS, () =>
  service.describe(groupPhoto).catch((e: Error) => e),
);
const decodeOnly = await timeDecode(livePhoto);
console.log(`其中解码并缩小现场照片（sharp）：中位数 ${decodeOnly.toFixed(0)} ms`);
console.log(
  `机器负载（1 分钟平均）：${os.loadavg()[0].toFixed(1)}，CPU 核数 ${os.cpus().length}（负载高于核数时耗时偏大，参考 CPU 时间）`,
);
console.log(`内存 RSS：${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
