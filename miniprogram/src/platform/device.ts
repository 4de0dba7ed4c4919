import Taro from '@tarojs/taro';
import { MAX_LONG_SIDE, shrinkPhoto } from './shrink-photo';
import { forgetPendingCapture, photoFromWebPath, rememberPendingCapture } from './camera-restore';

/**
 * Location and camera for the three places this code runs: the Android shell (our native XfLocation plugin,
 * else Capacitor's Geolocation; Capacitor's Camera), a plain browser (H5), and the WeChat mini-program. Coordinates are always WGS-84 (the CRS is returned with them):
 * GPS, the browser and Capacitor all report WGS-84, and the mini-program is asked for it explicitly.
 */
export interface DeviceLocation {
  lng: number;
  lat: number;
  crs: 'WGS84';
  /** Radius of uncertainty in metres. */
  accuracy: number | null;
  /**
   * True when the OS says the position came from a mock provider; null (unknown) when the platform cannot
   * tell (plain browser, mini-program, a shell without the native plugin). Sent as `isMock`: true, false or
   * 'unknown'; the server never reads unknown as "not mocked".
   */
  mocked: boolean | null;
  at: string;
  source: 'native' | 'capacitor' | 'browser' | 'weapp';
  /** Native plugin only: fused, gps or network. */
  provider?: string;
}

/** The `isMock` field as sent to the server (multipart text): true, false or unknown. */
export const mockFlagField = (mocked: boolean | null): 'true' | 'false' | 'unknown' =>
  mocked === true ? 'true' : mocked === false ? 'false' : 'unknown';

/** What android-shell's XfLocation plugin (XfLocationPlugin.java) resolves with. */
export interface NativeFix {
  lng: number;
  lat: number;
  accuracy: number;
  /** Milliseconds since the epoch (the fix's own time, not the call's). */
  time: number;
  isMock: boolean;
  provider: string;
}

export interface PickedPhoto {
  name: string;
  /** H5 and the Android shell: the image bytes (stored in IndexedDB while offline). */
  blob?: Blob;
  /** Mini-program: the temp file path for Taro.uploadFile. */
  tempFilePath?: string;
  previewUrl: string;
}

export type PermissionState = 'granted' | 'denied' | 'prompt' | 'unknown';

export class DeviceError extends Error {
  constructor(
    readonly reason: 'permission_denied' | 'unavailable' | 'timeout' | 'cancelled',
    message: string,
  ) {
    super(message);
    this.name = 'DeviceError';
  }
}

interface CapacitorPosition {
  coords: { latitude: number; longitude: number; accuracy: number };
  timestamp: number;
  /** Present on Android when the plugin reports it (Location.isMock). */
  isMock?: boolean;
}

export interface CameraPromptLabels {
  promptLabelHeader: string;
  promptLabelCancel: string;
  promptLabelPhoto: string;
  promptLabelPicture: string;
}

/** The camera's source sheet (拍照 / 从相册选择) in Chinese; Capacitor's defaults are English. */
export const CAMERA_PROMPT_LABELS: CameraPromptLabels = {
  promptLabelHeader: '现场照片',
  promptLabelCancel: '取消',
  promptLabelPhoto: '从相册选择',
  promptLabelPicture: '拍照',
};

export interface CapacitorGlobal {
  isNativePlatform?: () => boolean;
  Plugins?: {
    XfLocation?: {
      getFix(o: { timeoutMs: number; highAccuracy: boolean }): Promise<NativeFix>;
    };
    Geolocation?: {
      getCurrentPosition(o: { enableHighAccuracy: boolean; timeout: number }): Promise<CapacitorPosition>;
      checkPermissions(): Promise<{ location: string }>;
      requestPermissions(): Promise<{ location: string }>;
    };
    Camera?: {
      getPhoto(
        o: {
          source: 'CAMERA' | 'PHOTOS' | 'PROMPT';
          resultType: 'uri';
          quality: number;
          width: number;
          saveToGallery: boolean;
          correctOrientation: boolean;
        } & CameraPromptLabels,
      ): Promise<{
        webPath?: string;
        format: string;
      }>;
      checkPermissions(): Promise<{ camera: string }>;
    };
  };
}

export function capacitor(): CapacitorGlobal | null {
  if (typeof window === 'undefined') return null;
  const cap = (window as unknown as { Capacitor?: CapacitorGlobal }).Capacitor;
  return cap?.isNativePlatform?.() ? cap : null;
}

const LOCATION_TIMEOUT_MS = 15_000;
const DENIED = '无法获取位置：定位权限未开启，请在手机-系统设置中为本应用打开位置信息权限';

export async function getLocation(): Promise<DeviceLocation> {
  const cap = capacitor();
  if (cap?.Plugins?.XfLocation) {
    // Fused provider, or LocationManager (GPS, then network) on phones without Google Play Services.
    try {
      const f = await cap.Plugins.XfLocation.getFix({ timeoutMs: LOCATION_TIMEOUT_MS, highAccuracy: true });
      return {
        lng: f.lng,
        lat: f.lat,
        crs: 'WGS84',
        accuracy: Number.isFinite(f.accuracy) ? f.accuracy : null,
        mocked: typeof f.isMock === 'boolean' ? f.isMock : null,
        at: new Date(f.time).toISOString(),
        source: 'native',
        provider: f.provider,
      };
    } catch (e) {
      const msg = String((e as Error)?.message ?? e);
      if (/denied|permission|权限/i.test(msg)) throw new DeviceError('permission_denied', DENIED);
      if (/timeout|超时/i.test(msg))
        throw new DeviceError('timeout', '无法获取位置：定位超时，请到开阔处重试');
      throw new DeviceError('unavailable', `无法获取位置：${msg}`);
    }
  }
  if (cap?.Plugins?.Geolocation) {
    try {
      const p = await cap.Plugins.Geolocation.getCurrentPosition({
        enableHighAccuracy: true,
        timeout: LOCATION_TIMEOUT_MS,
      });
      return {
        lng: p.coords.longitude,
        lat: p.coords.latitude,
        crs: 'WGS84',
        accuracy: p.coords.accuracy ?? null,
        mocked: typeof p.isMock === 'boolean' ? p.isMock : null,
        at: new Date(p.timestamp).toISOString(),
        source: 'capacitor',
      };
    } catch (e) {
      const msg = String((e as Error)?.message ?? e);
      if (/denied|permission/i.test(msg)) throw new DeviceError('permission_denied', DENIED);
      throw new DeviceError('unavailable', `无法获取位置：${msg}`);
    }
  }
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const r = await Taro.getLocation({ type: 'wgs84', isHighAccuracy: true });
      return {
        lng: r.longitude,
        lat: r.latitude,
        crs: 'WGS84',
        accuracy: r.accuracy ?? null,
        mocked: null,
        at: new Date().toISOString(),
        source: 'weapp',
      };
    } catch (e) {
      const msg = String((e as { errMsg?: string })?.errMsg ?? e);
      if (/auth deny|authorize/i.test(msg))
        throw new DeviceError('permission_denied', '无法获取位置：请在小程序设置中允许使用位置信息');
      throw new DeviceError('unavailable', `无法获取位置：${msg}`);
    }
  }
  if (typeof navigator === 'undefined' || !navigator.geolocation) {
    throw new DeviceError('unavailable', '无法获取位置：当前浏览器不支持定位');
  }
  return new Promise<DeviceLocation>((resolve, reject) => {
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          lng: p.coords.longitude,
          lat: p.coords.latitude,
          crs: 'WGS84',
          accuracy: Number.isFinite(p.coords.accuracy) ? p.coords.accuracy : null,
          mocked: null,
          at: new Date(p.timestamp).toISOString(),
          source: 'browser',
        }),
      (err) => {
        if (err.code === err.PERMISSION_DENIED) reject(new DeviceError('permission_denied', DENIED));
        else if (err.code === err.TIMEOUT)
          reject(new DeviceError('timeout', '无法获取位置：定位超时，请到开阔处重试'));
        else reject(new DeviceError('unavailable', '无法获取位置：请确认已打开手机的位置信息（GPS）'));
      },
      { enableHighAccuracy: true, timeout: LOCATION_TIMEOUT_MS, maximumAge: 0 },
    );
  });
}

export async function locationPermission(): Promise<PermissionState> {
  const cap = capacitor();
  if (cap?.Plugins?.Geolocation)
    return normalise((await cap.Plugins.Geolocation.checkPermissions()).location);
  if (process.env.TARO_ENV === 'weapp') return weappPermission('scope.userLocation');
  return browserPermission('geolocation');
}

export async function cameraPermission(): Promise<PermissionState> {
  const cap = capacitor();
  if (cap?.Plugins?.Camera) return normalise((await cap.Plugins.Camera.checkPermissions()).camera);
  if (process.env.TARO_ENV === 'weapp') return weappPermission('scope.camera');
  return browserPermission('camera' as PermissionName);
}

async function browserPermission(name: PermissionName): Promise<PermissionState> {
  if (process.env.TARO_ENV === 'weapp' || typeof navigator === 'undefined' || !navigator.permissions)
    return 'unknown';
  try {
    return normalise((await navigator.permissions.query({ name })).state);
  } catch {
    return 'unknown';
  }
}

async function weappPermission(scope: string): Promise<PermissionState> {
  try {
    const granted = (await Taro.getSetting()).authSetting[scope as keyof Taro.AuthSetting];
    return granted === true ? 'granted' : granted === false ? 'denied' : 'prompt';
  } catch {
    return 'unknown';
  }
}

function normalise(state: string): PermissionState {
  if (state === 'granted' || state === 'denied' || state === 'prompt') return state;
  if (state === 'prompt-with-rationale') return 'prompt';
  return 'unknown';
}

/**
 * Takes photos with the camera (or, where allowed, from the album). On H5 a file input with `capture`
 * opens the phone camera; in the Android shell the Capacitor Camera plugin does. `purpose` names the form
 * the photo is for: if Android kills the app while the camera is open, the photo comes back at the next
 * start through `appRestoredResult` and the form claims it with `claimRestoredPhotos(purpose)`.
 */
export async function takePhotos(options: {
  allowAlbum: boolean;
  max: number;
  purpose?: string;
}): Promise<PickedPhoto[]> {
  const cap = capacitor();
  if (cap?.Plugins?.Camera) {
    try {
      rememberPendingCapture(options.purpose ?? 'photo');
      const shot = await cap.Plugins.Camera.getPhoto({
        source: options.allowAlbum ? 'PROMPT' : 'CAMERA',
        resultType: 'uri',
        quality: 80,
        width: MAX_LONG_SIDE,
        saveToGallery: false,
        correctOrientation: true,
        ...CAMERA_PROMPT_LABELS,
      });
      forgetPendingCapture();
      if (!shot.webPath) return [];
      return [await photoFromWebPath(shot.webPath, shot.format)];
    } catch (e) {
      forgetPendingCapture();
      const msg = String((e as Error)?.message ?? e);
      if (/cancel/i.test(msg)) return [];
      if (/denied|permission/i.test(msg)) {
        throw new DeviceError(
          'permission_denied',
          '无法拍照：相机权限未开启，请在手机-系统设置中为本应用打开相机权限',
        );
      }
      throw new DeviceError('unavailable', `无法拍照：${msg}`);
    }
  }
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const r = await Taro.chooseMedia({
        count: options.max,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: options.allowAlbum ? ['camera', 'album'] : ['camera'],
        camera: 'back',
      });
      return r.tempFiles.map((f, i) => ({
        name: `photo-${i + 1}.jpg`,
        tempFilePath: f.tempFilePath,
        previewUrl: f.tempFilePath,
      }));
    } catch (e) {
      const msg = String((e as { errMsg?: string })?.errMsg ?? e);
      if (/cancel/i.test(msg)) return [];
      if (/auth deny|authorize|privacy/i.test(msg))
        throw new DeviceError('permission_denied', '无法拍照：请在小程序设置中允许使用相机');
      throw new DeviceError('unavailable', `无法拍照：${msg}`);
    }
  }
  return pickWithFileInput(options);
}

/** Every photo path on H5 and in the Android shell goes through here: long side ≤ 1920 px JPEG, then kept. */
async function shrunk(original: Blob, name: string): Promise<PickedPhoto> {
  const small = await shrinkPhoto(original, name);
  return { name: small.name, blob: small.blob, previewUrl: URL.createObjectURL(small.blob) };
}

function pickWithFileInput(options: { allowAlbum: boolean; max: number }): Promise<PickedPhoto[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.multiple = options.max > 1;
    if (!options.allowAlbum) input.setAttribute('capture', 'environment');
    input.style.display = 'none';
    const done = (files: File[]) => {
      input.remove();
      void Promise.all(files.slice(0, options.max).map((f) => shrunk(f, f.name || 'photo.jpg'))).then(
        resolve,
      );
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}

export interface RecordedVideo {
  name: string;
  /** H5 and the Android shell: the video's bytes, kept in IndexedDB like a photo until the submission. */
  blob?: Blob;
  /** Mini-program: the temp file path. */
  tempFilePath?: string;
  previewUrl: string;
}

/** Longest clip the camera is asked for: a 60 s phone video stays under the server's 50 MB. */
export const VIDEO_MAX_SECONDS = 60;

/**
 * Records a video with the phone's camera (the "+" of a maintenance record). The mini-program uses
 * chooseMedia; H5 and the Android shell a file input with `accept="video/*"` and `capture`, which opens the
 * camera in video mode (the Capacitor Camera plugin takes photos only). Never shrunk: the bytes are kept as
 * recorded and the size is checked by the caller.
 */
export async function recordVideo(): Promise<RecordedVideo | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const r = await Taro.chooseMedia({
        count: 1,
        mediaType: ['video'],
        sourceType: ['camera'],
        maxDuration: VIDEO_MAX_SECONDS,
        camera: 'back',
      });
      const f = r.tempFiles[0];
      return f ? { name: 'video.mp4', tempFilePath: f.tempFilePath, previewUrl: f.tempFilePath } : null;
    } catch (e) {
      const msg = String((e as { errMsg?: string })?.errMsg ?? e);
      if (/cancel/i.test(msg)) return null;
      if (/auth deny|authorize|privacy/i.test(msg))
        throw new DeviceError('permission_denied', '无法录像：请在小程序设置中允许使用相机和麦克风');
      throw new DeviceError('unavailable', `无法录像：${msg}`);
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'video/*';
    input.setAttribute('capture', 'environment');
    input.style.display = 'none';
    const done = (file: File | undefined) => {
      input.remove();
      resolve(
        file ? { name: file.name || 'video.mp4', blob: file, previewUrl: URL.createObjectURL(file) } : null,
      );
    };
    input.addEventListener('change', () => done(input.files?.[0]));
    input.addEventListener('cancel', () => done(undefined));
    document.body.appendChild(input);
    input.click();
  });
}
