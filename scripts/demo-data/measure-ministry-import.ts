/**
 * Times the ministry-registry import on a large workbook: 500 institutions and about 20,000 persons.
 * Run: cd scripts && npx tsx demo-data/measure-ministry-import.ts
 */
import { performance } from 'node:perf_hooks';
import { diffMinistry } from '../../server/src/registries/diff';
import { brokenKeysOf } from '@xf/domain/registries/records';
import { parseMinistryWorkbook, writeMinistryWorkbook } from '../../server/src/registries/workbook';
import { generateDemoData } from './generate';

/** Wall time, and CPU time of this process (the machine is shared, so wall time depends on the load). */
let cpuStart = process.cpuUsage();
const seconds = (start: number) => {
  const cpu = process.cpuUsage(cpuStart);
  cpuStart = process.cpuUsage();
  return `${((performance.now() - start) / 1000).toFixed(2)}（CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)}）`;
};

let t = performance.now();
cpuStart = process.cpuUsage();
const data = generateDemoData(7, {
  referenceDate: '2026-03-15',
  institutionCount: 500,
  staffPerInstitution: 47,
  socialUnitsPerDetachment: 5,
});
console.log(
  `生成数据：${data.ministry.institutions.length}个机构，${data.ministry.persons.length}名人员，${seconds(t)}秒`,
);

t = performance.now();
cpuStart = process.cpuUsage();
const buf = await writeMinistryWorkbook(data.ministry);
console.log(`写入工作簿：${(buf.length / 1024 / 1024).toFixed(1)} MB，${seconds(t)}秒`);

t = performance.now();
cpuStart = process.cpuUsage();
const parsed = await parseMinistryWorkbook(buf);
console.log(
  `解析工作簿：${parsed.snapshot.institutions.length}个机构，${parsed.snapshot.persons.length}名人员，${parsed.rowErrors.length}个错误行，${seconds(t)}秒`,
);

t = performance.now();
cpuStart = process.cpuUsage();
const changes = diffMinistry(data.ministry, parsed.snapshot, brokenKeysOf(parsed.rowErrors));
console.log(`比对变化：${changes.length}条变化，${seconds(t)}秒`);
console.log(`内存峰值约 ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
