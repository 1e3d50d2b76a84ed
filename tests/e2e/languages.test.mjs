// Scenarios 1 and 7 of issue 6: a first run in Kazakh shows only Kazakh, drawn with the
// bundled font; switching to Russian and to Latin Kazakh changes every screen, with no key
// names or missing words. Each main screen is photographed in Kazakh and Russian at 360 px
// (target/e2e-shots/) and checked for text running off the screen or over other text.
import assert from "node:assert/strict";
import { test } from "node:test";

import { newPhone, serverAndBrowser, shot } from "./harness.mjs";
import { t } from "./locales.mjs";
import { fontsOfLetters, foreignTexts, layoutProblems, visibleTexts } from "./screens.mjs";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

// The main screens, reached from the bottom navigation (the nav label's key) or by address.
const TOUR = [
  { name: "home", nav: "ui-nav-home", heading: "ui-home-title" },
  { name: "form", nav: "ui-nav-form", ready: "#q-personal-surname" },
  { name: "status", nav: "ui-nav-status", heading: "ui-status-title" },
  { name: "contract", nav: "ui-nav-contract", heading: "ui-contract-title" },
  { name: "settings", nav: "ui-nav-settings", heading: "ui-settings-title" },
  { name: "review", path: "/review", heading: "ui-review-title" },
  { name: "score", path: "/score", heading: "ui-score-title" },
  { name: "account", path: "/account", heading: "ui-auth-login-title" },
];

/**
 * Checks the screen on show: every word in `lang`, Cyrillic drawn by the bundled font, nothing
 * off the edge or overlapping at 360 px; saves its picture as `<lang>-<name>.png`.
 */
async function lookAt(context, page, lang, name, { photo = true } = {}) {
  const foreign = foreignTexts(await visibleTexts(page), lang);
  assert.deepEqual(foreign, [], `${lang} ${name}: words not in ${lang}`);
  if (lang !== "kk-Latn") {
    const drawn = await fontsOfLetters(context, page);
    assert.ok(drawn.length > 0, `${lang} ${name}: no Cyrillic on the screen`);
    // Icons are emoji, and arrows and maths signs are not in Noto Sans: the system's fonts draw
    // those, and only those.
    const fallback = drawn.filter(({ text, fonts }) => {
      const icons = [...text.matchAll(/[\p{Extended_Pictographic}\p{Sm}\p{So}\uFE0F\u200D]/gu)].length;
      const others = fonts.filter((f) => !f.isCustomFont || f.familyName !== "Noto Sans");
      return others.reduce((n, f) => n + f.glyphCount, 0) > icons;
    });
    assert.deepEqual(fallback, [], `${lang} ${name}: letters drawn by a system font instead of the bundled one`);
  }
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: size.height });
  const { problems, warnings } = await layoutProblems(page);
  if (photo) await shot(page, `${lang}-${name}`);
  await page.setViewportSize(size);
  assert.deepEqual(problems, [], `${lang} ${name} at 360 px`);
  for (const w of warnings) current.diagnostic(`${lang} ${name} at 360 px: ${w}`);
}

async function open(page, folder, screen) {
  if (screen.nav) {
    await page.getByRole("navigation").getByRole("link", { name: t(folder, screen.nav) }).click();
  } else {
    await page.goto(`${server.url}${screen.path}`);
  }
  if (screen.heading) await page.getByRole("heading", { name: t(folder, screen.heading) }).waitFor();
  if (screen.ready) await page.locator(screen.ready).waitFor();
}

// The running test, for diagnostics from the helpers.
let current;

test("first run in Kazakh, then every screen in Kazakh, Russian and Latin Kazakh", async (ctx) => {
  current = ctx;
  const context = await newPhone(browser);
  const page = await context.newPage();
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(String(e)));
  await page.goto(server.url);

  // 1. The first run in Kazakh.
  await page.getByRole("button", { name: "Қазақша", exact: true }).waitFor();
  await lookAt(context, page, "kk", "language", { photo: false });
  await shot(page, "language-choice");
  await page.getByRole("button", { name: "Қазақша", exact: true }).click();
  await page.getByRole("heading", { name: t("kk", "ui-welcome-title") }).waitFor();
  await lookAt(context, page, "kk", "welcome");
  await page.getByRole("button", { name: t("kk", "ui-welcome-start") }).click();
  await page.locator("#q-personal-surname").waitFor();
  await lookAt(context, page, "kk", "form-first");
  for (const screen of TOUR) {
    await open(page, "kk", screen);
    await lookAt(context, page, "kk", screen.name);
  }

  // 7. Russian: chosen in the settings, every screen changes.
  await open(page, "kk", TOUR.find((s) => s.name === "settings"));
  await page.getByRole("button", { name: "Русский", exact: true }).click();
  await page.getByRole("heading", { name: t("ru", "ui-settings-title") }).waitFor();
  assert.equal(await page.locator("#main [lang]").first().getAttribute("lang"), "ru");
  for (const screen of TOUR) {
    await open(page, "ru", screen);
    await lookAt(context, page, "ru", screen.name);
  }

  // 7. Latin Kazakh: Kazakh again, then the Latin letters.
  await open(page, "ru", TOUR.find((s) => s.name === "settings"));
  await page.getByRole("button", { name: "Қазақша", exact: true }).click();
  await page.getByRole("heading", { name: t("kk", "ui-settings-title") }).waitFor();
  await page.getByRole("button", { name: t("kk", "ui-language-script-latin") }).click();
  await page.getByRole("heading", { name: t("kk", "ui-settings-title") }).waitFor({ state: "detached" });
  assert.equal(await page.locator("#main [lang]").first().getAttribute("lang"), "kk-Latn");
  for (const screen of TOUR) {
    if (screen.nav) {
      // The Latin labels are made by the app's transliterator: find the tab by its place.
      const tabs = page.getByRole("navigation").getByRole("link");
      await tabs.nth(TOUR.filter((s) => s.nav).indexOf(screen)).click();
      await page.waitForURL((url) => url.pathname !== "" );
      await page.locator("main h1").first().waitFor();
    } else {
      await page.goto(`${server.url}${screen.path}`);
      await page.locator("main h1").first().waitFor();
    }
    await lookAt(context, page, "kk-Latn", screen.name, { photo: screen.name === "home" || screen.name === "form" });
  }
  assert.deepEqual(crashes, []);
  await context.close();
});
