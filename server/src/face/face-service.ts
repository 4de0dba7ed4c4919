import { descriptorDistance, distanceToSimilarity } from './face-distance.js';
import type { EngineOptions, FaceDetector, FaceEngine } from './face-engine.js';
import { FaceError, type FacePhotoRole } from './face-error.js';
import { decodeToRgb } from './image-decoder.js';
import { LruCache } from './lru-cache.js';

export interface FaceLogger {
  info(obj: Record<string, unknown>, msg: string): void;
}

export interface FaceServiceOptions extends EngineOptions {
  /** Largest descriptor distance still accepted as the same person (face-api's usual 0.6). */
  threshold?: number;
  /** Which face detector finds the faces; see FaceDetector. */
  detector?: FaceDetector;
  /** Detector score from which something counts as a face. */
  minConfidence?: number;
  /** Photos are shrunk to this long side before detection. */
  maxImageSide?: number;
  /** How many face profile descriptors stay in memory. */
  profileCacheSize?: number;
  logger?: FaceLogger;
}

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FaceDescription {
  /** 128 numbers; store it to compare later without the photo. */
  descriptor: Float32Array;
  /** In pixels of the uploaded photo (after EXIF rotation). */
  box: FaceBox;
  /** Detector confidence 0–1. */
  score: number;
}

/**
 * The approved face profile to compare against: its photo, a descriptor computed earlier, or a photo
 * with a stable key (e.g. the file's sha256) so its descriptor is computed once and then cached.
 * `image` may be a loader so a cached profile is never read from storage.
 */
export type ProfileInput = Buffer | Float32Array | { key: string; image: Buffer | (() => Promise<Buffer>) };

export interface FaceComparison {
  distance: number;
  /** 0–1, 1 = identical; 0.5 at distance 0.6. */
  similarity: number;
  accepted: boolean;
  threshold: number;
}

export const DEFAULT_THRESHOLD = 0.6;
const DEFAULT_DETECTOR: FaceDetector = 'ssd';
const DEFAULT_MIN_CONFIDENCE = 0.5;
const DEFAULT_MAX_IMAGE_SIDE = 640;
const DEFAULT_PROFILE_CACHE_SIZE = 500;

function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value <= min || value > max) {
    throw new RangeError(`人脸比对配置 ${name} 必须大于 ${min} 且不大于 ${max}，收到 ${value}`);
  }
  return value;
}

function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export class FaceService {
  readonly threshold: number;
  readonly detector: FaceDetector;
  private readonly minConfidence: number;
  private readonly maxImageSide: number;
  private readonly engineOptions: EngineOptions;
  private readonly logger?: FaceLogger;
  private readonly profiles: LruCache<string, Promise<Float32Array>>;
  private engine?: Promise<FaceEngine>;

  constructor(options: FaceServiceOptions = {}) {
    this.threshold = checkRange('threshold', options.threshold ?? DEFAULT_THRESHOLD, 0, 2);
    this.detector = options.detector ?? DEFAULT_DETECTOR;
    if (this.detector !== 'ssd' && this.detector !== 'auto') {
      throw new RangeError(`人脸比对配置 detector 只能是 ssd 或 auto，收到 ${String(this.detector)}`);
    }
    this.minConfidence = checkRange('minConfidence', options.minConfidence ?? DEFAULT_MIN_CONFIDENCE, 0, 1);
    this.maxImageSide = Math.round(
      checkRange('maxImageSide', options.maxImageSide ?? DEFAULT_MAX_IMAGE_SIDE, 63, 8192),
    );
    this.profiles = new LruCache(options.profileCacheSize ?? DEFAULT_PROFILE_CACHE_SIZE);
    this.engineOptions = { modelDir: options.modelDir, wasmDir: options.wasmDir };
    this.logger = options.logger;
  }

  /** Loads tfjs and the models; safe to call many times and concurrently, the work happens once. */
  async init(): Promise<void> {
    await this.loadEngine();
  }

  /**
   * Finds exactly one face in the photo and returns its descriptor, or refuses with a FaceError.
   * `photo` only labels the refusal, e.g. `'profile'` when checking an uploaded face profile.
   */
  async describe(image: Buffer, photo: FacePhotoRole = 'live'): Promise<FaceDescription> {
    try {
      return await this.detectSingleFace(image);
    } catch (error) {
      throw error instanceof FaceError ? error.withPhoto(photo) : error;
    }
  }

  private async detectSingleFace(image: Buffer): Promise<FaceDescription> {
    const engine = await this.loadEngine();
    const rgb = await decodeToRgb(image, this.maxImageSide);
    const faces = await engine.detect(rgb, this.detector, this.minConfidence);
    if (faces.length === 0) throw new FaceError('no_face');
    if (faces.length > 1) throw new FaceError('multiple_faces');
    const [face] = faces;
    if (!face.descriptor) throw new Error('人脸特征提取失败');
    const s = rgb.scaleToOriginal;
    return {
      descriptor: face.descriptor,
      box: {
        x: round(face.box.x * s, 1),
        y: round(face.box.y * s, 1),
        width: round(face.box.width * s, 1),
        height: round(face.box.height * s, 1),
      },
      score: round(face.score),
    };
  }

  /** Live photo against the approved face profile. Refusals of the profile carry `photo: 'profile'`. */
  async compare(
    live: Buffer,
    profile: ProfileInput,
    logContext: Record<string, unknown> = {},
  ): Promise<FaceComparison> {
    const started = performance.now();
    let profileCached = false;
    try {
      const profilePromise = this.profileDescriptor(profile, (cached) => (profileCached = cached));
      // Attach a handler now so a failing profile is not reported as unhandled while the live photo runs.
      profilePromise.catch(() => undefined);
      const liveFace = await this.describe(live);
      const profileDescriptor = await profilePromise;
      const distance = descriptorDistance(liveFace.descriptor, profileDescriptor);
      const result: FaceComparison = {
        distance: round(distance),
        similarity: round(distanceToSimilarity(distance)),
        accepted: distance <= this.threshold,
        threshold: this.threshold,
      };
      this.logger?.info(
        {
          ...logContext,
          ...result,
          liveScore: liveFace.score,
          profileCached,
          ms: Math.round(performance.now() - started),
        },
        result.accepted ? '人脸比对通过' : '人脸比对未通过',
      );
      return result;
    } catch (error) {
      if (error instanceof FaceError) {
        this.logger?.info(
          {
            ...logContext,
            refused: error.code,
            photo: error.photo,
            ms: Math.round(performance.now() - started),
          },
          '人脸比对被拒绝',
        );
      }
      throw error;
    }
  }

  /** Drops a cached profile descriptor, e.g. when a profile is revoked. */
  forgetProfile(key: string): void {
    this.profiles.delete(key);
  }

  private profileDescriptor(
    profile: ProfileInput,
    reportCached: (cached: boolean) => void,
  ): Promise<Float32Array> {
    if (profile instanceof Float32Array) {
      reportCached(true);
      return Promise.resolve(profile);
    }
    if (Buffer.isBuffer(profile)) {
      reportCached(false);
      return this.describeProfile(profile);
    }
    const cached = this.profiles.get(profile.key);
    if (cached) {
      reportCached(true);
      return cached;
    }
    reportCached(false);
    const source = profile.image;
    const pending = (async () =>
      this.describeProfile(typeof source === 'function' ? await source() : source))();
    this.profiles.set(profile.key, pending);
    pending.catch(() => {
      // Only successful descriptors stay cached; a failure must be retried with the next request.
      if (this.profiles.get(profile.key) === pending) this.profiles.delete(profile.key);
    });
    return pending;
  }

  private async describeProfile(image: Buffer): Promise<Float32Array> {
    return (await this.describe(image, 'profile')).descriptor;
  }

  private loadEngine(): Promise<FaceEngine> {
    this.engine ??= import('./face-engine.js')
      .then(({ loadFaceEngine }) => loadFaceEngine(this.engineOptions))
      .catch((error: unknown) => {
        this.engine = undefined;
        throw error;
      });
    return this.engine;
  }
}

export function createFaceService(options: FaceServiceOptions = {}): FaceService {
  return new FaceService(options);
}
