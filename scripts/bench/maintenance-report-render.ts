/**
 * One maintenance report renderer in a process of its own, so its time and peak RSS are its own.
 * Usage: node --import tsx scripts/bench/maintenance-report-render.ts <input.bin> <pdf|docx> <outDir>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialize } from 'node:v8';
import type { MaintenanceRenderInput } from '../../server/src/maintenance-reports/layout';
import { renderMaintenanceReportDocx } from '../../server/src/maintenance-reports/render-docx';
import { renderMaintenanceReportPdf } from '../../server/src/maintenance-reports/render-pdf';

const [file, format, outDir] = process.argv.slice(2) as [string, 'pdf' | 'docx', string];
const input = deserialize(readFileSync(file)) as MaintenanceRenderInput;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const report =
  format === 'pdf' ? await renderMaintenanceReportPdf(input) : await renderMaintenanceReportDocx(input);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
writeFileSync(path.join(outDir, `report.${format}`), report);
process.stdout.write(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMb: Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024,
    bytes: report.length,
  }) + '\n',
);
