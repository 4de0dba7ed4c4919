// Public surface of face comparison. Importing this does not load tfjs: that happens on init() or first use.
export { createFaceService, FaceService, DEFAULT_THRESHOLD } from './face-service.js';
export type {
  FaceServiceOptions,
  FaceLogger,
  FaceDescription,
  FaceBox,
  FaceComparison,
  ProfileInput,
} from './face-service.js';
export { FaceError } from './face-error.js';
export type { FaceErrorCode, FacePhotoRole } from './face-error.js';
export type { FaceDetector } from './face-engine.js';
