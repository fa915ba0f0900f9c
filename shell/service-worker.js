// The planner's service worker: it keeps the site's files, so that the
// planner opens without a connection after the first visit. Written into
// dist/sw.js by cmake/service_worker.cmake, with the list of files and a hash
// of their contents: each new deployment is a new worker. A new worker waits
// until the page, having stored the open plan, asks it to take over; it never
// reloads a page itself (docs/offline.md).
const build = '@BUILD@';
const cacheName = `care-structure-planner-${build}`;
const files = @PRECACHE@;

self.addEventListener('install', (event) => {
  // Fresh from the server (not the browser's HTTP cache), all or nothing.
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(files.map((file) => new Request(file, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names
    .filter((name) => name.startsWith('care-structure-planner-') && name !== cacheName)
    .map((name) => caches.delete(name)))));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;  // published plans elsewhere: the network's business
  if (url.pathname.endsWith('/embed.json')) return;  // which sites are trusted: always the server's word, never a kept copy
  const scope = new URL(self.registration.scope);
  const isPage = request.mode === 'navigate' && (url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`);
  event.respondWith((async () => {
    const cache = await caches.open(cacheName);
    // The page, whatever its ?example= or ?plan=; other files as asked.
    const kept = await cache.match(isPage ? './' : request);
    return kept || fetch(request);
  })());
});
