// Issue 13, photos of papers: a photo chosen with no connection (a real JPEG from a camera, with
// its location in EXIF) is shrunk and kept on the phone, shown at once on the paper, survives a
// reload, and reaches the server when the link comes back, continuing an upload that was cut off
// halfway. On the server: the photo is the account's, named by its SHA-256, under 300 KB, at most
// 1600 px on its long side, and without the location.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";

import { api, serverAndBrowser, shot, switchableLink } from "./harness.mjs";
import { t } from "./locales.mjs";
import { login, signedInPhone, synced } from "./phone.mjs";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

/** A camera's photo of a paper: 2400x1800, drawn by the browser's canvas and encoded as a JPEG. */
async function cameraJpeg(page) {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 2400;
    canvas.height = 1800;
    const c = canvas.getContext("2d");
    const sky = c.createLinearGradient(0, 0, 2400, 1800);
    sky.addColorStop(0, "#c9b28f");
    sky.addColorStop(1, "#5d4a36");
    c.fillStyle = sky;
    c.fillRect(0, 0, 2400, 1800);
    c.fillStyle = "#f4f1ea";
    c.fillRect(300, 200, 1800, 1400);
    c.fillStyle = "#1b1f24";
    c.font = "64px sans-serif";
    for (let line = 0; line < 16; line++) {
      c.fillText(`ПАСПОРТ · PASSPORT · ${1000 + line * 37} ҚАЗАҚСТАН`, 360, 320 + line * 80);
    }
    // A camera's grain, so the file is as heavy as a real photo.
    const grain = c.getImageData(0, 0, 2400, 1800);
    let seed = 7;
    for (let i = 0; i < grain.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = (seed % 25) - 12;
      grain.data[i] += n;
      grain.data[i + 1] += n;
      grain.data[i + 2] += n;
    }
    c.putImageData(grain, 0, 0);
    return canvas.toDataURL("image/jpeg", 0.95).split(",")[1];
  });
  return withGps(Buffer.from(base64, "base64"));
}

/** The JPEG with an EXIF segment naming where it was taken (Almaty, 43°14′36″N 76°54′30″E), as a
 * phone's camera writes it right after the start of the file. */
function withGps(jpeg) {
  const tiff = Buffer.alloc(128);
  tiff.write("MM", 0, "latin1");
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  // IFD0: one entry, the GPS IFD's offset.
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x8825, 10);
  tiff.writeUInt16BE(4, 12); // LONG
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22);
  // The GPS IFD: latitude and longitude with their references.
  tiff.writeUInt16BE(4, 26);
  const entry = (at, tag, type, count, value) => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    if (typeof value === "string") tiff.write(value, at + 8, "latin1");
    else tiff.writeUInt32BE(value, at + 8);
  };
  entry(28, 0x0001, 2, 2, "N\0");
  entry(40, 0x0002, 5, 3, 80);
  entry(52, 0x0003, 2, 2, "E\0");
  entry(64, 0x0004, 5, 3, 104);
  tiff.writeUInt32BE(0, 76);
  [43, 1, 14, 1, 36, 1, 76, 1, 54, 1, 30, 1].forEach((n, i) => tiff.writeUInt32BE(n, 80 + i * 4));
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, body, jpeg.subarray(2)]);
}

/** A JPEG's size in pixels, from its frame header. */
function jpegSize(bytes) {
  let at = 2;
  while (at < bytes.length) {
    const marker = bytes.readUInt16BE(at);
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xffc0 && marker <= 0xffcf && ![0xffc4, 0xffc8, 0xffcc].includes(marker)) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  throw new Error("no frame header in the JPEG");
}

/** Whether the JPEG carries an EXIF segment (APP1 `Exif`). */
function hasExif(bytes) {
  return bytes.includes(Buffer.from("Exif\0\0", "latin1"));
}

/** The bytes the phone keeps for a photo, read from its IndexedDB. */
async function keptBytes(page, name) {
  const base64 = await page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("kosh-photos");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("photos").objectStore("photos").get(key);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const bytes = new Uint8Array(get.result.bytes);
            let text = "";
            for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            resolve(btoa(text));
          };
        };
      }),
    name,
  );
  return Buffer.from(base64, "base64");
}

async function attachment(method, name, token, { body, headers = {} } = {}) {
  return fetch(`${server.url}/v1/attachments/${name}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...headers },
    body,
  });
}

test("a photo taken offline is kept small and without its location, survives a reload, and reaches the server", async () => {
  const EMAIL = "aliya.nurlanqyzy@kosh.test";
  const link = await switchableLink(server);
  const { context, page } = await signedInPhone(browser, link, EMAIL, { create: true });
  const token = await login(server.url, EMAIL);

  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-home") }).click();
  await page.getByRole("link", { name: t("kk", "checklist-open") }).click();
  await page.getByRole("heading", { name: t("kk", "checklist-title") }).waitFor();
  // Offline from here on needs the service worker in charge (it keeps the photos module too).
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { polling: 100 });

  const photo = await cameraJpeg(page);
  assert.ok(hasExif(photo) && photo.length > 300000, `the camera's file: ${photo.length} bytes with EXIF`);

  // No connection: choose the photo for the passport, from the gallery's file chooser.
  link.cut();
  await context.setOffline(true);
  await page.getByRole("status").getByText(t("kk", "ui-sync-offline").split(".")[0]).waitFor();
  const passport = page.locator('[data-entry="passport"]');
  const chooser = page.waitForEvent("filechooser");
  await passport.locator(".photo-add").click();
  await (await chooser).setFiles({ name: "passport.jpg", mimeType: "image/jpeg", buffer: photo });

  // Shown at once, as a picture the page can draw, waiting to be sent.
  const shown = passport.locator(".photo img");
  await shown.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-entry="passport"] .photo img')?.naturalWidth > 0, null, { polling: 100 });
  const name = await passport.locator(".photo").getAttribute("data-photo");
  assert.match(name, /^[0-9a-f]{64}$/);
  assert.equal(await passport.locator(".photo p").innerText(), t("kk", "photos-waiting"));

  // What the phone keeps: named by its hash, small, shrunk, no EXIF.
  const kept = await keptBytes(page, name);
  assert.equal(createHash("sha256").update(kept).digest("hex"), name);
  assert.ok(kept.length < 300000, `${kept.length} bytes`);
  assert.deepEqual(jpegSize(kept), { width: 1600, height: 1200 });
  assert.equal(hasExif(kept), false, "the location is gone");

  // Reload with no connection: the photo is still on the paper.
  const reload = await page.reload();
  assert.ok(reload.fromServiceWorker(), "the page came from the service worker");
  await page.getByRole("heading", { name: t("kk", "checklist-title") }).waitFor();
  await page.waitForFunction(
    (n) => document.querySelector(`[data-entry="passport"] .photo[data-photo="${n}"] img`)?.naturalWidth > 0,
    name,
    { polling: 100 },
  );
  assert.equal((await attachment("HEAD", name, token)).status, 404, "not on the server yet");

  // The connection dropped once while the photo was on its way: the server holds its first half.
  const half = Math.floor(kept.length / 2);
  const part = await attachment("PUT", name, token, {
    body: kept.subarray(0, half),
    headers: { "content-type": "image/jpeg", "content-range": `bytes 0-${half - 1}/${kept.length}` },
  });
  assert.equal(part.status, 202, await part.text());

  // Back online: the photo continues from there and reaches the server with nothing pressed.
  const before = link.carried().fromPhone;
  link.restore();
  await context.setOffline(false);
  await synced(page);
  const head = await attachment("HEAD", name, token);
  assert.equal(head.status, 200);
  const got = await attachment("GET", name, token);
  assert.equal(got.status, 200);
  const bytes = Buffer.from(await got.arrayBuffer());
  assert.equal(createHash("sha256").update(bytes).digest("hex"), name, "the bytes hash to their name");
  assert.ok(bytes.length < 300000, `${bytes.length} bytes`);
  const { width, height } = jpegSize(bytes);
  assert.ok(Math.max(width, height) <= 1600, `${width}x${height}`);
  assert.equal(hasExif(bytes), false);
  // Only the second half went over the link (and the sync rounds' few KB), not the whole photo.
  const sent = link.carried().fromPhone - before;
  assert.ok(sent < kept.length - half / 2, `${sent} bytes from the phone for the rest of ${kept.length}`);
  const drafts = await api(server.url, "GET", "/v1/drafts", { token });
  assert.deepEqual(drafts.body[0].answers["documents.passport"].attachments, [name]);
  await passport.locator(".photo p", { hasText: t("kk", "photos-sent") }).waitFor();

  // The checklist with its photo on the narrowest phone.
  await page.setViewportSize({ width: 360, height: 780 });
  await shot(page, "kk-checklist-photos", { at: passport });

  // Settings say whether the browser promised to keep the photos.
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-settings") }).click();
  const storage = page.locator("#photo-storage");
  await storage.waitFor();
  await shot(page, "kk-settings-photos", { at: storage });
  const said = await storage.innerText();
  assert.ok(
    ["photos-storage-kept", "photos-storage-refused", "photos-storage-unknown"].some((k) => said === t("kk", k)),
    said,
  );
  await context.close();
});
