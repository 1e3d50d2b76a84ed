// Kosh's service worker: keeps the app shell so the app opens with no connection.
//
// - The shell (page, JS, wasm, font, manifest, icons) is cached when the worker installs and
//   served cache-first; any page address (the app's routes) gets the cached index.html.
// - The API (/v1/…) and /healthz are never touched: the worker does not answer them, so they
//   go to the network exactly as the page asked, and fail plainly when offline (the app keeps
//   its answers in its own store and syncs later). A cached API answer would be a stale lie.
// - The cache's name carries the build's hash (filled in by `./kosh run`), so a new build's
//   worker fills a new cache and deletes the old one when it takes over.
const BUILD = "__KOSH_BUILD__";
const CACHE = `kosh-shell-${BUILD}`;
// Every file of the bundle ("/" and the page's routes share index.html); the build writes the
// list in, since wasm-bindgen's JS snippets have generated names.
const SHELL = ["/"].concat(/*__KOSH_FILES__*/ ["/index.html"]);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // "reload": fetch each file from the server, never from a stale HTTP cache.
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith("kosh-shell-") && name !== CACHE).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

function isApi(url) {
  return url.pathname.startsWith("/v1/") || url.pathname === "/v1" || url.pathname === "/healthz";
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || isApi(url)) {
    return; // not ours: the browser fetches it as if there were no worker
  }
  if (request.mode === "navigate") {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match("/index.html").then((hit) => hit || fetch(request)),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
    ),
  );
});
