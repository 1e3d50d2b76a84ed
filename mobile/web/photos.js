// Kosh's photos of papers, the browser's side (issue 13). The app (Rust, in the wasm) keeps the
// ticks, the upload outbox and the words; the work the browser does better lives here, so that
// none of it is in the wasm every phone downloads: decoding and shrinking a picture on a canvas,
// its SHA-256 (crypto.subtle), keeping the bytes in IndexedDB, and the HEAD and PUT of
// /v1/attachments/{sha256}. Loaded only when a screen with photos needs it (`import()` from
// `mobile/src/photos.rs`); the service worker caches it with the rest of the shell.
//
// Every function answers plain JSON the Rust side reads; none throws for a bad file, a full disk
// or a lost connection: those are answers too.

const DB_NAME = "kosh-photos";
const STORE = "photos";
// Long edge of a kept photo: a paper's small print stays readable, a phone's 12 MP shot shrinks
// to a few hundred KB.
const LONG_EDGE = 1600;
// Under 300 KB (decimal, the stricter reading): the quality steps down until a photo fits.
const MAX_BYTES = 300000;
const QUALITIES = [0.86, 0.78, 0.7, 0.62, 0.54, 0.46, 0.38];

let opened = null;

/** The photos database, opened once per page. */
function db() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error("blocked"));
    });
    // A failed open is tried again next time instead of failing forever.
    opened.catch(() => (opened = null));
  }
  return opened;
}

/** One request in its own transaction; resolves once the transaction is complete. Writes ask
 * for strict durability: "complete" then means on disk, so the app's tick that names the photo
 * (saved after this resolves) never names bytes a crash could lose. */
async function inStore(mode, work) {
  const database = await db();
  return new Promise((resolve, reject) => {
    const options = mode === "readwrite" ? { durability: "strict" } : undefined;
    const tx = database.transaction(STORE, mode, options);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The picture in `file`, decoded (turned upright by its EXIF orientation). */
async function decode(file) {
  if (typeof createImageBitmap === "function") {
    return createImageBitmap(file, { imageOrientation: "from-image" });
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function toJpeg(canvas, quality) {
  return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
}

/** The picture as a JPEG of at most LONG_EDGE px on its long side and under MAX_BYTES. Drawn
 * anew on a canvas, so nothing of the file but its pixels survives: no EXIF, no location. */
async function shrink(picture) {
  const width = picture.width;
  const height = picture.height;
  let scale = Math.min(1, LONG_EDGE / Math.max(width, height));
  for (;;) {
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext("2d");
    // A transparent PNG would turn black in a JPEG: paper white behind it.
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(picture, 0, 0, canvas.width, canvas.height);
    for (const quality of QUALITIES) {
      const blob = await toJpeg(canvas, quality);
      if (blob && blob.size < MAX_BYTES) return { blob, width: canvas.width, height: canvas.height };
    }
    // Still too big at the lowest quality (a page of fine noise): fewer pixels, and again.
    scale *= 0.75;
  }
}

/** Keep the picture a person chose in the file input `inputId`: shrink it, name it by its
 * SHA-256 and store it. Answers `{sha256, size, width, height, persisted}` (whether the browser
 * promised to keep the site's storage: true, false, or null when it cannot say) or `{error}`
 * with one of
 * `none` (nothing chosen), `insecure` (no crypto.subtle: not https), `not_image`, `storage`. */
export async function keep(inputId) {
  const input = document.getElementById(inputId);
  const file = input && input.files && input.files[0];
  // Cleared, so choosing the same file again is a change too.
  if (input) input.value = "";
  if (!file) return { error: "none" };
  if (!globalThis.crypto || !crypto.subtle) return { error: "insecure" };
  let picture;
  try {
    picture = await decode(file);
  } catch (_) {
    return { error: "not_image" };
  }
  const { blob, width, height } = await shrink(picture);
  if (picture.close) picture.close();
  const bytes = await blob.arrayBuffer();
  const sha256 = hex(await crypto.subtle.digest("SHA-256", bytes));
  try {
    // The bytes themselves, not the Blob: some browsers have kept Blobs in IndexedDB badly.
    await inStore("readwrite", (store) => store.put({ bytes, type: "image/jpeg", width, height }, sha256));
  } catch (_) {
    return { error: "storage" };
  }
  // Ask once there is something to lose; the browser decides, settings say what it decided.
  let persisted = null;
  try {
    if (navigator.storage && navigator.storage.persist) {
      persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
    }
  } catch (_) {}
  return { sha256, size: bytes.byteLength, width, height, persisted };
}

const urls = new Map();

/** The kept photo `name` as an object URL, or null when this phone does not have it. */
async function url(name) {
  if (!urls.has(name)) {
    let kept;
    try {
      kept = await inStore("readonly", (store) => store.get(name));
    } catch (_) {
      kept = undefined;
    }
    if (!kept) return null;
    urls.set(name, URL.createObjectURL(new Blob([kept.bytes], { type: kept.type })));
  }
  return urls.get(name);
}

/** Give every `<img data-kept="<sha256>">` on the page its picture from IndexedDB, now and
 * whenever the app draws another: the app names the photo, this module shows it, so the wasm
 * holds no code to carry the addresses around. A photo this phone does not have (sent from
 * another phone, or cleared by the browser) is marked `data-gone` for the stylesheet. */
export function watch() {
  const fill = () => {
    for (const img of document.querySelectorAll("img[data-kept]:not([src]):not([data-gone])")) {
      const name = img.dataset.kept;
      url(name).then((found) => {
        if (img.dataset.kept !== name) return;
        if (found) img.src = found;
        else img.dataset.gone = "";
      });
    }
  };
  if (!watch.observer) {
    watch.observer = new MutationObserver((records) => {
      // An <img> the app moved to another photo shows that one, not the last.
      for (const record of records) {
        if (record.type === "attributes") {
          record.target.removeAttribute("src");
          delete record.target.dataset.gone;
        }
      }
      fill();
    });
    watch.observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-kept"] });
  }
  fill();
  return true;
}

/** Forget a photo on this phone (the person removed it and no paper names it any more). */
export async function forget(name) {
  if (urls.has(name)) {
    URL.revokeObjectURL(urls.get(name));
    urls.delete(name);
  }
  try {
    await inStore("readwrite", (store) => store.delete(name));
    return true;
  } catch (_) {
    return false;
  }
}

/** A request's answer as the app reads it: `status` 0 when the server could not be reached. */
async function answer(request) {
  let response;
  try {
    response = await request;
  } catch (_) {
    return { status: 0 };
  }
  const held = response.headers.get("Upload-Offset");
  let code = null;
  if (!response.ok && response.status !== 404) {
    try {
      code = (await response.json()).error.code;
    } catch (_) {}
  }
  return { status: response.status, offset: held === null ? null : Number(held), code };
}

function bearer(token) {
  return { Authorization: `Bearer ${token}` };
}

/** `HEAD /v1/attachments/{name}`: how much of the photo the server holds. */
export function head(name, token) {
  return answer(fetch(`/v1/attachments/${name}`, { method: "HEAD", headers: bearer(token), cache: "no-store" }));
}

/** `PUT /v1/attachments/{name}` of the photo's bytes from `from` to its end (with
 * `Content-Range` when that is not the whole photo). `{missing: true}` when the phone no longer
 * has the photo. */
export async function put(name, token, from) {
  let kept;
  try {
    kept = await inStore("readonly", (store) => store.get(name));
  } catch (_) {
    return { status: 0 };
  }
  if (!kept) return { status: 0, missing: true };
  const total = kept.bytes.byteLength;
  const headers = { ...bearer(token), "Content-Type": kept.type };
  if (from > 0) headers["Content-Range"] = `bytes ${from}-${total - 1}/${total}`;
  return answer(fetch(`/v1/attachments/${name}`, { method: "PUT", headers, body: kept.bytes.slice(from) }));
}
