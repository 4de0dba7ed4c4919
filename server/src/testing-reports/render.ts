import { Worker } from 'node:worker_threads';
import type { RenderInput } from './layout';
import type { RenderedFiles, WorkerMessage } from './render-worker';

/**
 * Render the report and its raw record, PDF and Word, in a worker thread (the API keeps answering meanwhile).
 * `onProgress` receives 0–90 with a Chinese description.
 */
export function renderInWorker(
  input: RenderInput,
  onProgress: (percent: number, text: string) => void = () => {},
  formats: ('pdf' | 'docx')[] = ['pdf', 'docx'],
): Promise<RenderedFiles> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./render-worker-entry.mjs', import.meta.url), {
      workerData: { input, formats },
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
