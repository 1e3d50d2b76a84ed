// Kosh's service worker: keeps the app shell so the app opens with no connection.
//
// - The shell (page, JS, wasm, the photos module, font, manifest, icons, and the words of every
//   language under /locales/) is cached when the worker installs and served cache-first; any
//   page address (the app's routes) gets the cached index.html. The page fetched only its
//   person's language before the app started; the others come now, after the first screen, so
//   that a switch of language in the settings works offline too. The photos module is not
//   loaded by the page, only imported by the app on the checklist: cached here all the same,
//   so a photo can be taken with no connection.
// - The install does not download again what the page has just downloaded (on 3G the wasm alone
//   is ten seconds): the page registers the worker only once the app has started, and each file
//   is asked for with `cache: "no-cache"`, so the browser offers its HTTP cache's copy to the
//   server, which answers 304 when it is current (a few header bytes) and the file itself only
//   when it is not. Nothing stale is cached, as with "reload", and nothing twice.
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
      .then(async (cache) => {
        // "/index.html" is the page the browser already has as "/": kept from that answer.
        const files = SHELL.filter((url) => url !== "/index.html");
        await cache.addAll(files.map((url) => new Request(url, { cache: "no-cache" })));
        await cache.put("/index.html", await cache.match("/"));
      })
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
        cache.match("/index.html", { ignoreVary: true }).then((hit) => hit || fetch(request)),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(request)),
    ),
  );
});
