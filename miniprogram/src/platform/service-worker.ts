/**
 * The service worker (src/sw.js, copied next to index.html) caches the app shell so the operator app
 * opens in the field without a connection. Registered relative to the page, so its scope is the H5 folder.
 */
export function registerServiceWorker(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js').catch((e: unknown) => {
      console.warn('离线缓存注册失败', e);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
