import { startSyncLoop } from '../offline/sync-engine';
import { listenForRestoredPhotos, type AppPluginLike } from './camera-restore';
import { capacitor } from './device';
import { registerServiceWorker } from './service-worker';
import { requestPersistentStorage } from './storage-persist';

/** What the H5 build (browser and Android shell) starts with; never part of the weapp bundle. */
export function startH5(): void {
  registerServiceWorker();
  startSyncLoop();
  void requestPersistentStorage();
  const app = (capacitor()?.Plugins as { App?: AppPluginLike } | undefined)?.App;
  if (app) void listenForRestoredPhotos(app);
}
