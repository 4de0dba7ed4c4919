import { parentPort, workerData } from 'node:worker_threads';
import { renderMaintenanceReportDocx } from '../../maintenance-reports/render-docx';
import { renderMaintenanceReportPdf } from '../../maintenance-reports/render-pdf';
import { renderRawRecordDocx, renderReportDocx } from '../../testing-reports/render-docx';
import { renderRawRecordPdf, renderReportPdf } from '../../testing-reports/render-pdf';
import type { RenderJob } from './render';

/**
 * The renderers are synchronous for seconds at a time, so they run here, in a worker thread, never on the API's
 * event loop. Messages: `{ progress, text }` while working, then `{ files }` (transferred) or `{ error }`.
 * A testing report has a raw record (原始记录) besides the report; a maintenance report has none.
 */
export type RenderedFiles = {
  reportPdf: Uint8Array;
  rawPdf: Uint8Array;
  reportDocx: Uint8Array;
  rawDocx: Uint8Array;
};
export type WorkerMessage = { progress: number; text: string } | { files: RenderedFiles } | { error: string };

const port = parentPort!;
const { job, formats } = workerData as { job: RenderJob; formats: ('pdf' | 'docx')[] };
const say = (from: number, span: number) => (done: number, total: number, text: string) =>
  port.postMessage({
    progress: Math.round(from + (span * done) / Math.max(1, total)),
    text,
  } satisfies WorkerMessage);

try {
  const empty = new Uint8Array(0);
  const files: RenderedFiles = { reportPdf: empty, rawPdf: empty, reportDocx: empty, rawDocx: empty };
  if (job.kind === 'testing') {
    // Weights of the four files in the progress bar (measured: the Word report with photos is the slowest).
    if (formats.includes('pdf')) {
      files.reportPdf = await renderReportPdf(job.input, say(5, 15));
      files.rawPdf = await renderRawRecordPdf(job.input, say(20, 20));
    }
    if (formats.includes('docx')) {
      say(40, 0)(0, 1, '生成Word检测报告');
      files.reportDocx = await renderReportDocx(job.input, say(40, 35));
      say(75, 0)(0, 1, '生成Word原始记录');
      files.rawDocx = await renderRawRecordDocx(job.input);
    }
  } else {
    if (formats.includes('pdf')) files.reportPdf = await renderMaintenanceReportPdf(job.input, say(5, 40));
    if (formats.includes('docx')) {
      say(45, 0)(0, 1, '生成Word维保报告');
      files.reportDocx = await renderMaintenanceReportDocx(job.input, say(45, 40));
    }
  }
  const transfer = Object.values(files)
    .filter((b) => b.byteLength > 0)
    .map((b) => b.buffer as ArrayBuffer);
  port.postMessage({ files } satisfies WorkerMessage, [...new Set(transfer)]);
} catch (e) {
  port.postMessage({
    error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e),
  } satisfies WorkerMessage);
}
