// The first visit on 3G (issue 15): a new phone on 400 ms and 400 kbit/s each way opens Kosh.
// Measured here, and held to the targets:
//   - the first screen (the page's own language chooser, before the wasm) within 4 s;
//   - the first tap on it answered by the app (its welcome screen in the language tapped)
//     within 12 s;
//   - the whole first visit, the service worker's install included, under 750 KiB on the wire.
// The connection is Chromium's (CDP Network.emulateNetworkConditions) for the page; the bytes
// are counted on a link between the browser and the server that sees every request and answer
// of the page and of its worker, headers included. The clock starts before the navigation, so
// each number includes what the test itself costs before the page; the first tap's stops when
// the app's welcome heading enters the page (the page's clock, the same epoch milliseconds).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import { NARROW, newPhone, serverAndBrowser, shot, switchableLink, webDir } from "./harness.mjs";
import { t } from "./locales.mjs";

/** The 3G: 400 ms latency, 400 kbit/s (50,000 bytes a second) down and up. */
const THREE_G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const TARGET = { firstScreenMs: 4_000, firstTapMs: 12_000, visitKiB: 750 };
// The first tap is answered when the wasm has arrived and started, so what the wasm weighs in
// brotli is most of that number: on this link each KiB is about 20 ms. At 505 KiB it was
// answered within 50 ms of 12 s; with the standard library built for size and panics that stop
// at once (`build_web`), 477 KiB, in 11.4-11.5 s (BENCHMARKS.md, "The first visit on 3G").
/** On 3G a slow build of the page takes far longer than Playwright's default 30 s to show. */
const PATIENCE = { timeout: 120_000 };

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

/**
 * What a page asks for over CDP, as the network panel would list it: every request with its
 * answer's status and encoding and the bytes it took on the wire, and a way to wait until
 * nothing is in flight.
 */
async function watchNetwork(cdp) {
  const requests = new Map();
  let idle = () => {};
  const settled = () => {
    if ([...requests.values()].every((r) => r.done)) idle();
  };
  cdp.on("Network.requestWillBeSent", (e) => {
    requests.set(e.requestId, { url: new URL(e.request.url).pathname, done: false, bytes: 0, start: e.timestamp });
  });
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.status = e.response.status;
    r.encoding = headers["content-encoding"] ?? "";
    r.fromCache = e.response.fromDiskCache || e.response.fromServiceWorker || false;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.bytes = e.encodedDataLength;
    r.end = e.timestamp;
    r.done = true;
    settled();
  });
  cdp.on("Network.loadingFailed", (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.done = true;
    r.failed = e.errorText;
    settled();
  });
  await cdp.send("Network.enable");
  return {
    requests: () => [...requests.values()],
    idle: () =>
      new Promise((resolveIdle) => {
        idle = resolveIdle;
        settled();
      }),
  };
}

const kib = (bytes) => Math.round((bytes / 1024) * 10) / 10;

test("the first visit on 3G: first screen, first tap answered and bytes on the wire", async (ctx) => {
  const link = await switchableLink(server);
  const context = await newPhone(browser);
  const page = await context.newPage();
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(String(e)));
  // The worker's own requests, which the page's network panel does not list.
  const workerRequests = [];
  context.on("requestfinished", async (req) => {
    if (!req.serviceWorker()) return;
    const res = await req.response();
    workerRequests.push({ url: new URL(req.url()).pathname, status: res?.status() });
  });
  const cdp = await context.newCDPSession(page);
  const network = await watchNetwork(cdp);
  await cdp.send("Network.emulateNetworkConditions", THREE_G);

  // The moment the app's answer is in the page, by the page's own clock (an observer set up
  // before any of the page's scripts): Playwright's polling for the heading would add up to a
  // few hundred milliseconds of its own to the number.
  const welcome = t("uz", "ui-welcome-title");
  await page.addInitScript((title) => {
    new MutationObserver((_, observer) => {
      const headings = document.querySelectorAll("#main h1");
      if ([...headings].some((h) => h.textContent.includes(title))) {
        window.koshAnsweredAt = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, welcome);

  const started = Date.now();
  await page.goto(link.url, { waitUntil: "commit" });
  const uzbek = page.getByRole("button", { name: "Oʻzbekcha", exact: true });
  await uzbek.waitFor({ state: "visible", ...PATIENCE });
  const firstScreenMs = Date.now() - started;

  // The person taps their language as soon as they see it; the app answers with its welcome
  // screen in that language, without asking again.
  await uzbek.tap();
  await page.getByRole("heading", { name: welcome }).waitFor(PATIENCE);
  const answeredAt = await page.evaluate(() => window.koshAnsweredAt);
  assert.ok(answeredAt, "the page saw the welcome heading arrive");
  const firstTapMs = Math.round(answeredAt - started);
  await shot(page, "first-visit-3g-welcome");

  // The visit is over when the worker holds the shell and nothing is in flight.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await network.idle();
  const carried = link.carried();
  const visitKiB = kib(carried.toPhone + carried.fromPhone);

  // When each began and ended, in ms after the page's own request.
  const zero = Math.min(...network.requests().map((r) => r.start));
  const at = (s) => (s === undefined ? "-" : Math.round((s - zero) * 1000));
  const files = network
    .requests()
    .map(
      (r) =>
        `${r.url} ${r.status ?? r.failed} ${r.encoding || "plain"}${r.fromCache ? " (cache)" : ""} ` +
        `${kib(r.bytes)} KiB, ${at(r.start)}-${at(r.end)} ms`,
    )
    .join("\n  ");
  const worker = workerRequests.map((r) => `${r.url} ${r.status}`).join(", ");
  const numbers =
    `first screen ${firstScreenMs} ms (target ${TARGET.firstScreenMs}), ` +
    `first tap answered ${firstTapMs} ms (target ${TARGET.firstTapMs}), ` +
    `first visit ${visitKiB} KiB on the wire (${kib(carried.toPhone)} down, ${kib(carried.fromPhone)} up; target ${TARGET.visitKiB})`;
  ctx.diagnostic(numbers);
  ctx.diagnostic(`the page's requests:\n  ${files}`);
  ctx.diagnostic(`the worker's requests: ${worker}`);
  console.log(`3G first visit: ${numbers}`);

  assert.deepEqual(crashes, []);
  // The wasm came in brotli and crossed the wire once: the loader's fetch took the preload,
  // and the worker confirmed the browser's copy instead of downloading it again.
  const wasm = network.requests().filter((r) => r.url === "/kosh_bg.wasm" && !r.fromCache);
  assert.equal(wasm.length, 1, files);
  assert.equal(wasm[0].encoding, "br", files);
  const wasmBr = readFileSync(join(webDir, "kosh_bg.wasm.br")).length;
  // Everything else together (page, loader, words of every language, fonts, icons, photos.js)
  // is under half the wasm, so a second download of the wasm could not hide in the total.
  const rest = carried.toPhone - wasmBr;
  assert.ok(rest < wasmBr / 2, `${kib(rest)} KiB down besides a ${kib(wasmBr)} KiB wasm: ${worker}`);

  assert.ok(firstScreenMs <= TARGET.firstScreenMs, numbers);
  assert.ok(visitKiB < TARGET.visitKiB, numbers);
  assert.ok(firstTapMs <= TARGET.firstTapMs, numbers);
  // The page asked for the words of the language tapped, and only those: the other languages
  // are not in the wasm and do not come before the first screen (the worker keeps them for
  // offline use once the app runs).
  const words = network.requests().filter((r) => r.url.startsWith("/locales/") && !r.fromCache);
  assert.deepEqual(
    words.map((r) => r.url),
    ["/locales/uz.ftl"],
    files,
  );

  // What the worker keeps is enough: with no connection at all, the app opens again, in the
  // language tapped on the first screen.
  link.cut();
  await context.setOffline(true);
  await page.reload();
  await page.getByRole("heading", { name: t("uz", "ui-welcome-title") }).waitFor();
  await context.close();
  await link.close();
});

test("the page's chooser offers the app's languages, fits 360 px, and a tap on it before the wasm counts", async () => {
  const context = await newPhone(browser, NARROW);
  const page = await context.newPage();
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(String(e)));
  // The wasm is held back, as a slow connection holds it, until the test lets it through.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/kosh_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url, { waitUntil: "domcontentloaded" });

  const inline = await page.locator("#kosh-first [data-lang]").evaluateAll((buttons) =>
    buttons.map((b) => ({ lang: b.lang, name: b.textContent.trim() })),
  );
  // Usable with a thumb at 360 px: every button at least 48 px tall, on the screen, nothing
  // wider than the screen. The title is in the phone's language (Kazakh here).
  await page.getByRole("heading", { name: t("kk", "ui-language-title") }).waitFor();
  for (const { name } of inline) {
    const box = await page.getByRole("button", { name, exact: true }).boundingBox();
    assert.ok(box.height >= 48, `${name}: ${box.height} px tall`);
    assert.ok(box.x >= 0 && box.x + box.width <= NARROW.viewport.width, `${name}: ${JSON.stringify(box)}`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
  await shot(page, "first-screen-before-the-app");

  // The tap is kept and the screen says the app is loading, in the language tapped.
  const russian = page.getByRole("button", { name: "Русский", exact: true });
  await russian.tap();
  assert.equal(await russian.getAttribute("aria-pressed"), "true");
  await page.getByRole("status").getByText(t("ru", "ui-loading")).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("kosh.first-language")), '"ru"');
  await shot(page, "first-screen-loading");

  // The app arrives and begins in Russian, past its own chooser; the page's screen is gone.
  release();
  await page.getByRole("heading", { name: t("ru", "ui-welcome-title") }).waitFor();
  assert.equal(await page.locator("#kosh-first").count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem("kosh.first-language")), null, "used once");

  // Choosing again in the app shows the app's own chooser, which lists what the page listed.
  await page.getByRole("button", { name: t("ru", "ui-settings-language") }).click();
  await page.locator(".languages button").first().waitFor();
  const app = await page.locator(".languages button").evaluateAll((buttons) =>
    buttons.map((b) => ({ lang: b.lang, name: b.textContent.trim() })),
  );
  assert.deepEqual(inline, app);
  // And the tap on the page is not brought back by the next start.
  await page.unroute("**/kosh_bg.wasm");
  await page.reload();
  await page.locator(".languages button").first().waitFor();
  assert.deepEqual(crashes, []);
  await context.close();
});

test("when the app cannot arrive, the page says so and offers to try again", async () => {
  const context = await newPhone(browser);
  const page = await context.newPage();
  await page.route("**/kosh_bg.wasm", (route) => route.abort("connectionreset"));
  await page.goto(server.url, { waitUntil: "domcontentloaded" });
  await page.getByRole("button", { name: "English", exact: true }).tap();
  await page.getByText(t("en", "ui-error-try-again")).waitFor();
  // Trying again (the connection back) opens the app, in the language tapped.
  await page.unroute("**/kosh_bg.wasm");
  await page.getByRole("button", { name: t("en", "ui-retry") }).tap();
  await page.getByRole("heading", { name: t("en", "ui-welcome-title") }).waitFor();
  await context.close();
});

/** GET `path` with exactly these request headers, the body as it came (not decompressed). */
function rawGet(path, headers) {
  return new Promise((resolveGet, reject) => {
    const req = httpRequest(`${server.url}${path}`, { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolveGet({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

test("the wasm is sent in brotli when asked, gzip when only gzip is accepted, plain otherwise", async () => {
  const wasm = readFileSync(join(webDir, "kosh_bg.wasm"));
  const cases = [
    { accept: "gzip, deflate, br, zstd", encoding: "br", decode: brotliDecompressSync },
    { accept: "gzip", encoding: "gzip", decode: gunzipSync },
    { accept: "identity", encoding: undefined, decode: (b) => b },
    { accept: undefined, encoding: undefined, decode: (b) => b },
  ];
  for (const { accept, encoding, decode } of cases) {
    const res = await rawGet("/kosh_bg.wasm", accept ? { "accept-encoding": accept } : {});
    assert.equal(res.status, 200, accept);
    assert.equal(res.headers["content-encoding"], encoding, accept);
    assert.equal(res.headers["content-type"], "application/wasm", accept);
    assert.match(res.headers.vary ?? "", /accept-encoding/i, accept);
    assert.ok(decode(res.body).equals(wasm), `${accept}: the same wasm once decoded`);
  }
  // The page too: it is the first thing a phone downloads.
  const page = await rawGet("/", { "accept-encoding": "br" });
  assert.equal(page.headers["content-encoding"], "br");
  assert.match(brotliDecompressSync(page.body).toString(), /id="kosh-first"/);
});
