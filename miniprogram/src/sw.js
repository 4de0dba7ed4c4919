/* Service worker of the H5 build: cache-first for the hashed assets, network-first for the page itself,
   never touches /api (the outbox owns data; a cached API answer would hide what the server really has). */
const CACHE_PREFIX = 'xf-shell-';
const SCOPE = new URL(self.registration.scope);

async function readManifest() {
  const res = await fetch(new URL('precache-manifest.json', SCOPE), { cache: 'no-store' });
  if (!res.ok) throw new Error('precache-manifest.json ' + res.status);
  return res.json();
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const manifest = await readManifest();
      const cache = await caches.open(CACHE_PREFIX + manifest.version);
      const urls = ['./', ...manifest.files.filter((f) => f !== 'precache-manifest.json')].map(
        (f) => new URL(f, SCOPE).href,
      );
      await cache.addAll(urls);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const manifest = await readManifest().catch(() => null);
      if (manifest) {
        const keep = CACHE_PREFIX + manifest.version;
        for (const key of await caches.keys()) {
          if (key.startsWith(CACHE_PREFIX) && key !== keep) await caches.delete(key);
        }
      }
      await self.clients.claim();
    })(),
  );
});

function isPage(request, url) {
  return request.mode === 'navigate' || url.href === SCOPE.href || url.pathname.endsWith('/index.html');
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  if (
    url.pathname.includes('/api/') ||
    url.pathname.endsWith('/sw.js') ||
    url.pathname.endsWith('/precache-manifest.json')
  )
    return;

  if (isPage(request, url)) {
    event.respondWith(
      (async () => {
        try {
          const fresh = await fetch(request);
          if (fresh.ok) {
            const cache = await caches.open(
              (await caches.keys()).find((k) => k.startsWith(CACHE_PREFIX)) || CACHE_PREFIX + 'runtime',
            );
            await cache.put(SCOPE.href, fresh.clone());
          }
          return fresh;
        } catch {
          const cached =
            (await caches.match(SCOPE.href)) || (await caches.match(new URL('index.html', SCOPE).href));
          return cached || Response.error();
        }
      })(),
    );
    return;
  }

  event.respondWith(
    (async () => {
      const cached = await caches.match(request);
      if (cached) return cached;
      const fresh = await fetch(request);
      if (fresh.ok) {
        const key = (await caches.keys()).find((k) => k.startsWith(CACHE_PREFIX)) || CACHE_PREFIX + 'runtime';
        (await caches.open(key)).put(request, fresh.clone());
      }
      return fresh;
    })(),
  );
});
