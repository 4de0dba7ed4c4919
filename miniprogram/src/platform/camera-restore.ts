import { shrinkPhoto } from './shrink-photo';
import type { PickedPhoto } from './device';

/**
 * Android may kill the app while the camera is open (low memory, the camera app is heavy). Capacitor then
 * restarts the WebView and delivers the photo through the App plugin's `appRestoredResult` event instead of
 * resolving the lost `getPhoto` promise. Before opening the camera we remember which form asked (purpose)
 * and where the user was (route); at start `listenForRestoredPhotos` takes the photo back, keeps it for that
 * form (`claimRestoredPhotos`) and returns the user to that page.
 */

const PENDING_KEY = 'xf.pendingCapture';

export interface PendingCapture {
  purpose: string;
  /** location.hash of the page that opened the camera (hash router). */
  route: string;
  at: number;
}

/** The App plugin's restored-result event (Capacitor 7 `RestoredListenerEvent`). */
export interface RestoredResult {
  pluginId: string;
  methodName: string;
  success: boolean;
  data?: { webPath?: string; path?: string; format?: string };
  error?: { message: string };
}

export interface AppPluginLike {
  addListener(
    event: 'appRestoredResult',
    listener: (r: RestoredResult) => void,
  ): Promise<{ remove(): Promise<void> | void }>;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function rememberPendingCapture(purpose: string): void {
  const route = typeof location === 'undefined' ? '' : location.hash;
  storage()?.setItem(
    PENDING_KEY,
    JSON.stringify({ purpose, route, at: Date.now() } satisfies PendingCapture),
  );
}

export function forgetPendingCapture(): void {
  storage()?.removeItem(PENDING_KEY);
}

export function pendingCapture(): PendingCapture | null {
  try {
    const raw = storage()?.getItem(PENDING_KEY);
    return raw ? (JSON.parse(raw) as PendingCapture) : null;
  } catch {
    return null;
  }
}

/** A camera result as a photo, shrunk on the device (long side ≤ 1920 px) like every other photo path. */
export async function photoFromWebPath(webPath: string, format?: string): Promise<PickedPhoto> {
  const original = await (await fetch(webPath)).blob();
  const small = await shrinkPhoto(original, `photo.${format || 'jpg'}`);
  return { name: small.name, blob: small.blob, previewUrl: URL.createObjectURL(small.blob) };
}

const restored = new Map<string, PickedPhoto[]>();
const subscribers = new Set<(purpose: string) => void>();

/**
 * Handles one restored result: a Camera.getPhoto result becomes a photo kept for the form that asked.
 * Returns where it was kept (or null when the event is not a photo, or the capture failed).
 */
export async function handleRestoredResult(
  r: RestoredResult,
): Promise<{ purpose: string; route: string; photo: PickedPhoto } | null> {
  if (r.pluginId !== 'Camera' || r.methodName !== 'getPhoto') return null;
  const pending = pendingCapture();
  forgetPendingCapture();
  if (!r.success || !r.data?.webPath) return null;
  const photo = await photoFromWebPath(r.data.webPath, r.data.format);
  const purpose = pending?.purpose ?? 'photo';
  restored.set(purpose, [...(restored.get(purpose) ?? []), photo]);
  subscribers.forEach((s) => s(purpose));
  return { purpose, route: pending?.route ?? '', photo };
}

/** The photos restored for a form; each is handed out once. */
export function claimRestoredPhotos(purpose: string): PickedPhoto[] {
  const photos = restored.get(purpose) ?? [];
  restored.delete(purpose);
  return photos;
}

/** Called when a photo is restored for `purpose` (a form already on screen claims it). */
export function onRestoredPhoto(listener: (purpose: string) => void): () => void {
  subscribers.add(listener);
  return () => subscribers.delete(listener);
}

/**
 * Listens for restored results (call once at start, in the shell). After a restore the user is taken back
 * to the page that opened the camera.
 */
export async function listenForRestoredPhotos(
  app: AppPluginLike,
  goTo: (route: string) => void = (route) => {
    if (route && typeof location !== 'undefined' && location.hash !== route) location.hash = route;
  },
): Promise<() => void> {
  const handle = await app.addListener('appRestoredResult', (r) => {
    void handleRestoredResult(r).then((kept) => {
      if (kept?.route) goTo(kept.route);
    });
  });
  return () => void handle.remove();
}
