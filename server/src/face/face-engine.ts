import { createRequire } from 'node:module';
import path from 'node:path';
import type { RgbImage } from './image-decoder.js';

type FaceApi = typeof import('@vladmandic/face-api/dist/face-api.node-wasm.js');

/** face-api's bundle re-exports all of tfjs and the wasm backend at runtime, but its typings list only the ops it uses. */
interface TfBackendControl {
  setWasmPaths(prefix: string): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
}

export interface EngineOptions {
  /** Folder with face-api's `*-weights_manifest.json` + `.bin` files; defaults to the package's own `model/`. */
  modelDir?: string;
  /** Folder with the tfjs wasm binaries; defaults to `@tensorflow/tfjs-backend-wasm/dist/`. */
  wasmDir?: string;
}

/**
 * `ssd`: SSD MobileNet v1, accurate: also finds small, turned and tilted faces.
 * `auto`: the Tiny Face Detector first (≈ 3× cheaper); when it does not find exactly one face, SSD
 * decides. Tiny misses tilted faces, so a photo of two people where the second one's head is tilted
 * passes as one face: faster, but less strict about "only the person in the picture".
 */
export type FaceDetector = 'ssd' | 'auto';

export interface DetectedFace {
  score: number;
  /** In the coordinates of the image given to `detect`. */
  box: { x: number; y: number; width: number; height: number };
  /** Present only when the image holds exactly one face: the other cases are refused anyway. */
  descriptor?: Float32Array;
}

export interface FaceEngine {
  readonly backend: string;
  detect(image: RgbImage, detector: FaceDetector, minConfidence: number): Promise<DetectedFace[]>;
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

type ProcessListener = (...args: unknown[]) => void;
const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

function listenersOf(event: (typeof PROCESS_EVENTS)[number]): ProcessListener[] {
  return process.listeners(event as 'uncaughtException') as ProcessListener[];
}

/**
 * The emscripten glue of the wasm backend adds process listeners that rethrow every uncaught
 * exception and unhandled rejection, which would override the server's own handlers and turn a
 * logged rejection into a crash. Remove whatever listeners the backend start-up added.
 */
async function withoutEmscriptenProcessHooks<T>(start: () => Promise<T>): Promise<T> {
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  try {
    return await start();
  } finally {
    for (const event of PROCESS_EVENTS) {
      for (const listener of listenersOf(event)) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
      }
    }
  }
}

// face-api keeps its networks in module-level singletons, so the engine is one per process too.
let enginePromise: Promise<FaceEngine> | undefined;

export function loadFaceEngine(options: EngineOptions = {}): Promise<FaceEngine> {
  enginePromise ??= createEngine(options).catch((error: unknown) => {
    enginePromise = undefined; // a failed load (e.g. missing model file) may be retried later
    throw error;
  });
  return enginePromise;
}

async function createEngine(options: EngineOptions): Promise<FaceEngine> {
  // Imported here, not at the top, so starting the server does not pay for tfjs.
  const faceapi: FaceApi = await import('@vladmandic/face-api/dist/face-api.node-wasm.js');
  const tf = faceapi.tf as FaceApi['tf'] & TfBackendControl;
  const wasmDir = options.wasmDir ?? path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist');
  // The Node build of the wasm backend reads `prefix + fileName` with fs, so a plain folder path with a trailing separator works.
  tf.setWasmPaths(wasmDir.endsWith(path.sep) ? wasmDir : wasmDir + path.sep);
  const backendReady = await withoutEmscriptenProcessHooks(async () => {
    const ready = await tf.setBackend('wasm');
    await tf.ready();
    return ready;
  });
  if (!backendReady) throw new Error(`tfjs wasm 后端初始化失败（${wasmDir}）`);

  const modelDir = options.modelDir ?? path.join(packageDir('@vladmandic/face-api'), 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);

  type Detection = Awaited<ReturnType<typeof faceapi.detectAllFaces>>[number];
  type Input = ReturnType<typeof tf.tensor3d>;

  async function findFaces(
    input: Input,
    detector: 'ssd' | 'tiny',
    minConfidence: number,
  ): Promise<Detection[]> {
    const options =
      detector === 'tiny'
        ? new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: minConfidence })
        : new faceapi.SsdMobilenetv1Options({ minConfidence, maxResults: 10 });
    return faceapi.detectAllFaces(input, options);
  }

  // One inference at a time in the whole process: the wasm backend uses one core anyway, and the
  // queue bounds the memory held by tensors of concurrent requests.
  let queue: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    backend: tf.getBackend(),
    detect: (image, detector, minConfidence) => oneAtATime(() => detectFaces(image, detector, minConfidence)),
  };

  async function detectFaces(
    image: RgbImage,
    detector: FaceDetector,
    minConfidence: number,
  ): Promise<DetectedFace[]> {
    const input = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
    try {
      let found = await findFaces(input, detector === 'ssd' ? 'ssd' : 'tiny', minConfidence);
      // Tiny misses tilted faces and may invent a second one: anything but one clear face goes to SSD.
      if (detector === 'auto' && found.length !== 1) found = await findFaces(input, 'ssd', minConfidence);
      const faces: DetectedFace[] = found.map((detection) => ({
        score: detection.score,
        box: {
          x: detection.box.x,
          y: detection.box.y,
          width: detection.box.width,
          height: detection.box.height,
        },
      }));
      if (found.length === 1) {
        // Landmarks and descriptor only for a lone face: the other cases are refused anyway.
        const parent = Promise.resolve(faceapi.extendWithFaceDetection({}, found[0]));
        const described = await new faceapi.DetectSingleFaceLandmarksTask(
          parent,
          input,
          false,
        ).withFaceDescriptor();
        if (!described) throw new Error('人脸特征提取失败');
        faces[0].descriptor = described.descriptor;
      }
      return faces;
    } finally {
      input.dispose();
    }
  }
}
