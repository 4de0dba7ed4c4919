import { describe, expect, it } from 'vitest';
import { descriptorDistance, distanceToSimilarity } from '../../src/face/face-distance.js';
import { FaceError } from '../../src/face/face-error.js';
import { LruCache } from '../../src/face/lru-cache.js';
import { createFaceService } from '../../src/face/index.js';

describe('LruCache', () => {
  it('evicts the least recently used entry, counting reads as use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now fresher than b
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(/正整数/);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});

describe('descriptor distance and similarity', () => {
  it('computes the euclidean distance', () => {
    expect(descriptorDistance(new Float32Array([0, 0, 0]), new Float32Array([1, 2, 2]))).toBeCloseTo(3, 6);
  });

  it('refuses descriptors of different length', () => {
    expect(() => descriptorDistance(new Float32Array(128), new Float32Array(127))).toThrow(/长度不一致/);
  });

  it('maps distance 0 → 1, 0.6 → 0.5 and far distances to 0', () => {
    expect(distanceToSimilarity(0)).toBe(1);
    expect(distanceToSimilarity(0.6)).toBeCloseTo(0.5, 6);
    expect(distanceToSimilarity(0.9)).toBeCloseTo(0.25, 6);
    expect(distanceToSimilarity(1.5)).toBe(0);
  });
});

describe('FaceError', () => {
  it('carries the code and its Chinese message', () => {
    expect(new FaceError('no_face').message).toBe('照片中未检测到人脸，请正对镜头重新拍摄');
    expect(new FaceError('multiple_faces').message).toBe('照片中检测到多张人脸，请确保只有本人入镜');
    const bad = new FaceError('bad_image');
    expect(bad.message).toBe('无法识别的图片文件');
    expect(bad.photo).toBe('live');
    expect(bad.withPhoto('profile')).toMatchObject({ code: 'bad_image', photo: 'profile' });
  });
});

describe('FaceService options', () => {
  it('refuses a threshold outside (0, 2]', () => {
    expect(() => createFaceService({ threshold: 0 })).toThrow(/threshold/);
    expect(() => createFaceService({ threshold: Number.NaN })).toThrow(RangeError);
    expect(createFaceService({ threshold: 0.45 }).threshold).toBe(0.45);
    expect(createFaceService().threshold).toBe(0.6);
  });

  it('defaults to the SSD detector and refuses unknown ones', () => {
    expect(createFaceService().detector).toBe('ssd');
    expect(() => createFaceService({ detector: 'mtcnn' as never })).toThrow(/detector/);
  });
});
