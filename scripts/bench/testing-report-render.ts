/**
 * One renderer in a process of its own, so its peak RSS is its own (see testing-report.ts).
 * Usage: node --import tsx scripts/bench/testing-report-render.ts <input.bin> <pdf|docx> <outDir>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialize } from 'node:v8';
import { renderRawRecordDocx, renderReportDocx } from '../../server/src/testing-reports/render-docx';
import { renderRawRecordPdf, renderReportPdf } from '../../server/src/testing-reports/render-pdf';
import type { RenderInput } from '../../server/src/testing-reports/layout';

const [file, format, outDir] = process.argv.slice(2) as [string, 'pdf' | 'docx', string];
const input = deserialize(readFileSync(file)) as RenderInput;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const report = format === 'pdf' ? await renderReportPdf(input) : await renderReportDocx(input);
const raw = format === 'pdf' ? await renderRawRecordPdf(input) : await renderRawRecordDocx(input);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
writeFileSync(path.join(outDir, `report.${format}`), report);
writeFileSync(path.join(outDir, `raw.${format}`), raw);
process.stdout.write(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // VmHWM, not getrusage: ru_maxrss survives exec and would report the parent's peak.
    maxRssMb: Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024,
    reportBytes: report.length,
    rawBytes: raw.length,
  }) + '\n',
);
