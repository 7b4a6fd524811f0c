// The kitchen screen's app shell, kept on the device so a screen reloaded while the network is
// down still opens (it then shows its last tickets under the Offline banner). Only the page and
// its hashed assets are kept: the API is never cached, and live data never comes from here.
const CACHE = 'kds-kitchen-shell-v1';
// Assets answered with `Vary` (Origin, Accept-Encoding) are still the same bytes: match them anyway.
const SHELL = '/kitchen/';
const ASSET = /^\/kitchen\/assets\//;

/** The page, and every asset it names (their names carry their content's hash). */
async function keepShell() {
  const cache = await caches.open(CACHE);
  const page = await fetch(SHELL, { cache: 'no-cache' });
  if (!page.ok) return;
  const html = await page.clone().text();
  await cache.put(SHELL, page);
  const assets = [...html.matchAll(/(?:src|href)="(\/kitchen\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(keepShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  if (event.request.mode === 'navigate' && url.pathname.startsWith(SHELL)) {
    // The network first (a new release shows at once); the kept page when there is none.
    event.respondWith(
      fetch(event.request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          return response;
        })
        .catch(() => caches.match(SHELL).then((kept) => kept ?? Response.error())),
    );
    return;
  }
  if (ASSET.test(url.pathname)) {
    event.respondWith(
      caches.match(event.request, { ignoreVary: true }).then(
        (kept) =>
          kept ??
          fetch(event.request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((cache) => cache.put(event.request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
