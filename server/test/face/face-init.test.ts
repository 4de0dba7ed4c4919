// Own file (own worker): these tests need a process where the models have not been loaded yet.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { createFaceService } from '../../src/face/index.js';
import { portrait } from './fixtures.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('FaceService start-up', () => {
  it('does not load tfjs when the module is imported, only on init()', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const tfLoaded = () => Object.keys(require.cache).some((file) => file.includes('@tensorflow'));
      const { createFaceService } = await import('./src/face/index.ts');
      const service = createFaceService();
      const afterImport = tfLoaded();
      await service.init();
      console.log(JSON.stringify({ afterImport, afterInit: tfLoaded() }));
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: serverDir, timeout: 60_000 },
    );
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ afterImport: false, afterInit: true });
  }, 90_000);

  it('loads the models once even when many calls race for them', async () => {
    const faceapi = await import('@vladmandic/face-api/dist/face-api.node-wasm.js');
    const loadSpy = vi.spyOn(faceapi.nets.faceRecognitionNet, 'loadFromDisk');
    const first = createFaceService();
    const second = createFaceService();
    const photo = await portrait('greenTop');
    const listenersBefore =
      process.listenerCount('unhandledRejection') + process.listenerCount('uncaughtException');
    const [, , , description] = await Promise.all([
      first.init(),
      first.init(),
      second.init(),
      second.describe(photo),
    ]);
    await first.init();
    expect(loadSpy).toHaveBeenCalledTimes(1);
    expect((faceapi.tf as unknown as { getBackend(): string }).getBackend()).toBe('wasm');
    expect(description.descriptor).toHaveLength(128);
    // The wasm glue's rethrowing process listeners must not survive start-up.
    expect(process.listenerCount('unhandledRejection') + process.listenerCount('uncaughtException')).toBe(
      listenersBefore,
    );
  }, 60_000);
});
