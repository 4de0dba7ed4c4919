// Both tests need a process where the models have not been loaded yet, so each runs in a child process of its
// own: vitest may run several files in one worker (isolate: false), and an earlier face test would have loaded them.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs an ES module script with tsx in a fresh Node process and returns the JSON its last line prints. */
async function inFreshProcess(script: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script],
    { cwd: serverDir, timeout: 180_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('FaceService start-up', () => {
  it('does not load tfjs when the module is imported, only on init()', async () => {
    const result = await inFreshProcess(`
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const tfLoaded = () => Object.keys(require.cache).some((file) => file.includes('@tensorflow'));
      const { createFaceService } = await import('./src/face/index.ts');
      const service = createFaceService();
      const afterImport = tfLoaded();
      await service.init();
      console.log(JSON.stringify({ afterImport, afterInit: tfLoaded() }));
    `);
    expect(result).toEqual({ afterImport: false, afterInit: true });
  }, 240_000);

  it('loads the models once even when many calls race for them', async () => {
    const result = await inFreshProcess(`
      const faceapi = await import('@vladmandic/face-api/dist/face-api.node-wasm.js');
      const net = faceapi.nets.faceRecognitionNet;
      const original = net.loadFromDisk.bind(net);
      let loads = 0;
      net.loadFromDisk = (...args) => { loads += 1; return original(...args); };
      const { createFaceService } = await import('./src/face/index.ts');
      const { portrait } = await import('./test/face/fixtures.ts');
      const first = createFaceService();
      const second = createFaceService();
      const photo = await portrait('greenTop');
      const listeners = () => process.listenerCount('unhandledRejection') + process.listenerCount('uncaughtException');
      const listenersBefore = listeners();
      const [, , , description] = await Promise.all([first.init(), first.init(), second.init(), second.describe(photo)]);
      await first.init();
      console.log(JSON.stringify({
        loads,
        backend: faceapi.tf.getBackend(),
        descriptorLength: description.descriptor.length,
        listenersAdded: listeners() - listenersBefore,
      }));
    `);
    // The wasm glue's rethrowing process listeners must not survive start-up (listenersAdded 0).
    expect(result).toEqual({ loads: 1, backend: 'wasm', descriptorLength: 128, listenersAdded: 0 });
  }, 240_000);
});
