/** Euclidean distance between two 128-d face descriptors (the metric face-api's recognition net is trained for). */
export function descriptorDistance(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) {
    throw new RangeError(`人脸特征长度不一致：${a.length} 与 ${b.length}`);
  }
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/**
 * Maps distance to a 0–1 score for display. Fixed scale (independent of the configured threshold) so
 * the same pair of photos always shows the same number: distance 0 → 1, 0.6 → 0.5, ≥ 1.2 → 0.
 */
export function distanceToSimilarity(distance: number): number {
  const similarity = 1 - distance / 1.2;
  return Math.min(1, Math.max(0, similarity));
}
