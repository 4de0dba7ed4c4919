import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  claimRestoredPhotos,
  handleRestoredResult,
  listenForRestoredPhotos,
  onRestoredPhoto,
  pendingCapture,
  rememberPendingCapture,
  type AppPluginLike,
  type RestoredResult,
} from '../src/platform/camera-restore';

/** A minimal localStorage and location for node. */
function browserStubs() {
  const data = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  });
  vi.stubGlobal('location', { hash: '#/pages/face-profile/index' });
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:restored' }));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => new Response(new Blob([`bytes of ${url}`], { type: 'image/jpeg' }))),
  );
}

/** The App plugin of the shell, firing appRestoredResult as Capacitor does after Android killed the app. */
function fakeApp() {
  let listener: ((r: RestoredResult) => void) | null = null;
  const app: AppPluginLike = {
    addListener: async (_event, l) => {
      listener = l;
      return { remove: () => void (listener = null) };
    },
  };
  return { app, fire: (r: RestoredResult) => listener?.(r) };
}

const photoResult: RestoredResult = {
  pluginId: 'Camera',
  methodName: 'getPhoto',
  success: true,
  data: { webPath: 'https://localhost/_capacitor_file_/cache/restored.jpg', format: 'jpeg' },
};

describe('camera restored result (Android killed the app while the camera was open)', () => {
  beforeEach(browserStubs);
  afterEach(() => vi.unstubAllGlobals());

  it('gives the photo back to the form that opened the camera and returns the user to its page', async () => {
    rememberPendingCapture('face-profile');
    expect(pendingCapture()).toMatchObject({ purpose: 'face-profile', route: '#/pages/face-profile/index' });
    // The WebView restarts on the home page.
    (globalThis.location as { hash: string }).hash = '#/pages/home/index';
    const { app, fire } = fakeApp();
    const routes: string[] = [];
    const notified: string[] = [];
    const off = onRestoredPhoto((p) => notified.push(p));
    await listenForRestoredPhotos(app, (r) => routes.push(r));

    fire(photoResult);
    await vi.waitFor(() => expect(notified).toEqual(['face-profile']));

    expect(routes).toEqual(['#/pages/face-profile/index']);
    const [photo, ...rest] = claimRestoredPhotos('face-profile');
    expect(rest).toEqual([]);
    expect(photo!.name).toBe('photo.jpeg');
    expect(await photo!.blob!.text()).toContain('restored.jpg');
    expect(claimRestoredPhotos('face-profile')).toEqual([]);
    expect(pendingCapture()).toBeNull();
    off();
  });

  it('ignores other plugins and failed captures, and keeps nothing', async () => {
    rememberPendingCapture('work-log');
    expect(await handleRestoredResult({ ...photoResult, pluginId: 'Geolocation' })).toBeNull();
    expect(await handleRestoredResult({ ...photoResult, success: false, data: undefined })).toBeNull();
    expect(claimRestoredPhotos('work-log')).toEqual([]);
    expect(pendingCapture()).toBeNull();
  });

  it('a photo restored without a remembered form is kept under the generic purpose', async () => {
    const kept = await handleRestoredResult(photoResult);
    expect(kept).toMatchObject({ purpose: 'photo', route: '' });
    expect(claimRestoredPhotos('photo')).toHaveLength(1);
  });
});
