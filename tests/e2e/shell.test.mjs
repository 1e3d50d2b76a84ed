// The app shell: what the server hands a phone before any screen is drawn (page, manifest,
// icons, font, service worker), that the app starts at a phone's size and offers the language
// choice, and that the bundled font draws every Kazakh letter itself.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { newPhone, serverAndBrowser, shot, webDir } from "./harness.mjs";

// Every letter of the Kazakh Cyrillic alphabet (42), the 2021 Latin alphabet, Uzbek's oʻ gʻ
// (U+02BB) and the tenge sign: the bundled font must draw all of them itself.
const KAZAKH_CYRILLIC = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ";
const KAZAKH_LATIN = "AÄBDEFGĞHIİJKLMNÑOÖPQRSŞTUŪÜVYZ";
const COVERAGE = [
  KAZAKH_CYRILLIC,
  KAZAKH_CYRILLIC.toLowerCase(),
  KAZAKH_LATIN,
  KAZAKH_LATIN.toLowerCase().replace("i̇", "i") + "ı",
  "Oʻ oʻ Gʻ gʻ ₸ № « » — “ ” 0123456789",
].join(" ");

// Every letter Kazakh in the Arabic script uses (locales/src/arabic.rs's table), the high
// hamza and the letters written with it, and the Arabic comma, semicolon and question mark:
// the bundled Arabic font must draw all of them itself.
const KAZAKH_ARABIC = "ا ب ۆ گ ع د ە ج ز ي ك ق ل م ن ڭ و پ ر س ت ۋ ۇ ف ح ھ چ ش ى ٴ ٵ ٶ ٷ ٸ ، ؛ ؟ قازاقشا ٴتىل";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

test("the server hands out the shell: page, manifest, icons, font and a versioned worker", async () => {
  const index = await fetch(`${server.url}/`);
  assert.equal(index.status, 200);
  assert.match(await index.text(), /<div id="main">/);

  // A route of the app opened directly (a bookmark, a reload) gets the same page.
  const deep = await fetch(`${server.url}/form/personal`);
  assert.equal(deep.status, 200);
  assert.match(await deep.text(), /<div id="main">/);

  const manifest = await (await fetch(`${server.url}/manifest.webmanifest`)).json();
  assert.equal(manifest.start_url, "/");
  assert.equal(manifest.display, "standalone");
  const sizes = manifest.icons.map((i) => i.sizes);
  assert.ok(sizes.includes("192x192") && sizes.includes("512x512"), `icons: ${sizes}`);
  for (const icon of manifest.icons) {
    const res = await fetch(`${server.url}${icon.src}`);
    assert.equal(res.status, 200, icon.src);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(1, 4)], [0x50, 0x4e, 0x47], `${icon.src} is a PNG`);
  }

  const font = new Uint8Array(await (await fetch(`${server.url}/fonts/kosh-sans.woff2`)).arrayBuffer());
  assert.equal(String.fromCharCode(...font.slice(0, 4)), "wOF2");

  const sw = await (await fetch(`${server.url}/sw.js`)).text();
  const build = readFileSync(join(webDir, ".build"), "utf8").trim();
  assert.match(build, /^[0-9a-f]{16}$/);
  assert.ok(sw.includes(`const BUILD = "${build}"`), "the worker carries the build's hash");
  assert.ok(!sw.includes("__KOSH_BUILD__"));
});

test("the app starts at a phone's size, offers the language choice and caches its shell", async () => {
  const context = await newPhone(browser);
  const page = await context.newPage();
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(String(e)));
  await page.goto(server.url);

  // The language screen names each language in itself, whatever the phone's language is.
  for (const name of ["Қазақша", "Русский"]) {
    await page.getByText(name, { exact: false }).first().waitFor();
  }
  assert.deepEqual(crashes, []);
  await shot(page, "language-choice");

  // The worker installs, takes the page over and holds every file of the shell.
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const shell = names.filter((n) => n.startsWith("kosh-shell-"));
    const cache = await caches.open(shell[0]);
    return { shell, files: (await cache.keys()).map((r) => new URL(r.url).pathname).sort() };
  });
  const build = readFileSync(join(webDir, ".build"), "utf8").trim();
  assert.deepEqual(cached.shell, [`kosh-shell-${build}`]);
  for (const file of ["/", "/index.html", "/kosh.js", "/kosh_bg.wasm", "/fonts/kosh-sans.woff2", "/manifest.webmanifest"]) {
    assert.ok(cached.files.includes(file), `${file} is cached (have ${cached.files})`);
  }
  await context.close();
});

/**
 * The fonts Chromium drew `text` with when asked for the font `family` only, on a fresh page:
 * DevTools' `CSS.getPlatformFontsForNode`, so a letter the bundled font lacks shows up as a
 * system font.
 */
async function fontsDrawing(family, text) {
  const context = await newPhone(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(
    async ([family, text]) => {
      const probe = document.createElement("p");
      probe.id = "kosh-font-probe";
      probe.style.fontFamily = `"${family}"`;
      probe.textContent = text;
      document.body.append(probe);
      await document.fonts.load(`16px "${family}"`, text);
    },
    [family, text],
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "#kosh-font-probe" });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  await context.close();
  return fonts;
}

test("the bundled font draws every Kazakh letter, Latin and Cyrillic, and the tenge sign", async () => {
  // One font, the bundled one, means no letter fell back to a system font.
  const fonts = await fontsDrawing("Kosh Sans", COVERAGE);
  assert.equal(fonts.length, 1, `every glyph from one font, got ${JSON.stringify(fonts)}`);
  assert.equal(fonts[0].isCustomFont, true, JSON.stringify(fonts));
  assert.equal(fonts[0].familyName, "Noto Sans");
});

test("the bundled Arabic font draws every letter of Kazakh in the Arabic script", async () => {
  // The subset has no space (the app's text takes it from Kosh Sans, first in its font list),
  // so another font may draw the spaces, and only those.
  const fonts = await fontsDrawing("Kosh Arabic", KAZAKH_ARABIC);
  const spaces = KAZAKH_ARABIC.split(" ").length - 1;
  const others = fonts.filter((f) => !(f.familyName === "Noto Sans Arabic" && f.isCustomFont));
  assert.equal(others.length, fonts.length - 1, `the bundled Arabic font drew: ${JSON.stringify(fonts)}`);
  assert.ok(
    others.reduce((n, f) => n + f.glyphCount, 0) <= spaces,
    `letters drawn by a system font instead of the bundled one: ${JSON.stringify(fonts)}`,
  );
});
