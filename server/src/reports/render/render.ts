import { Worker } from 'node:worker_threads';
import type { MaintenanceRenderInput } from '../../maintenance-reports/layout';
import type { RenderInput } from '../../testing-reports/layout';
import type { RenderedFiles, WorkerMessage } from './render-worker';

/** What to render: a testing report with its raw record, or a monthly maintenance report. */
export type RenderJob =
  { kind: 'testing'; input: RenderInput } | { kind: 'maintenance'; input: MaintenanceRenderInput };

/**
 * Render a generated report, PDF and Word, in a worker thread (the API keeps answering meanwhile).
 * `onProgress` receives 0–90 with a Chinese description.
 */
export function renderInWorker(
  job: RenderJob,
  onProgress: (percent: number, text: string) => void = () => {},
  formats: ('pdf' | 'docx')[] = ['pdf', 'docx'],
): Promise<RenderedFiles> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./render-worker-entry.mjs', import.meta.url), {
      workerData: { job, formats },
    });
    let done = false;
    worker.on('message', (m: WorkerMessage) => {
      if ('progress' in m) onProgress(m.progress, m.text);
      else if ('files' in m) {
        done = true;
        resolve(m.files);
      } else {
        done = true;
        reject(new Error(m.error));
      }
    });
    worker.on('error', (e) => {
      done = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!done) reject(new Error(`报告生成进程意外退出（${code}）`));
    });
  });
}
