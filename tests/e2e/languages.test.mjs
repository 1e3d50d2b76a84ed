// Scenarios 1 and 7 of issue 6: a first run in Kazakh shows only Kazakh, drawn with the
// bundled font; switching to Russian and to Latin Kazakh changes every screen, with no key
// names or missing words. Each main screen is photographed in Kazakh and Russian at 360 px
// (target/e2e-shots/) and checked for text running off the screen or over other text.
import assert from "node:assert/strict";
import { test } from "node:test";

import { newPhone, serverAndBrowser, shot } from "./harness.mjs";
import { t } from "./locales.mjs";
import { fontsOfLetters, foreignTexts, layoutProblems, visibleTexts } from "./screens.mjs";

// The families of the fonts the app bundles (mobile/web/fonts): Noto Sans and Noto Sans Arabic
// subsets, reported by Chromium as custom fonts with these names.
const BUNDLED_FONTS = ["Noto Sans", "Noto Sans Arabic"];

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
  { name: "checklist", path: "/checklist", heading: "checklist-title" },
  { name: "summary", path: "/summary", heading: "summary-open" },
  { name: "account", path: "/account", heading: "ui-auth-login-title" },
  { name: "deadlines", path: "/deadlines", heading: "ui-deadlines-title" },
];

// The letters whose font is checked, by language: Cyrillic, or the Arabic script for kk-Arab.
// Latin Kazakh and Uzbek are Latin, which every font has.
const LETTERS = { kk: "\u0400-\u04ff", ru: "\u0400-\u04ff", "kk-Arab": "\u0600-\u06ff" };

/**
 * Checks the screen on show: every word in `lang`, Kazakh letters drawn by the bundled fonts,
 * nothing off the edge or overlapping at 360 px; saves its picture as `<lang>-<name>.png`.
 */
async function lookAt(context, page, lang, name, { photo = true, label = lang } = {}) {
  const foreign = foreignTexts(await visibleTexts(page), lang);
  assert.deepEqual(foreign, [], `${label} ${name}: words not in ${lang}`);
  if (LETTERS[lang]) {
    const drawn = await fontsOfLetters(context, page, LETTERS[lang]);
    assert.ok(drawn.length > 0, `${label} ${name}: no letters of ${lang} on the screen`);
    // Icons are emoji, and arrows and maths signs are not in Noto Sans: the system's fonts draw
    // those, and only those. The settings screen names the Arabic script in its own letters,
    // which the bundled Arabic font (a Noto Sans Arabic subset) draws.
    const fallback = drawn.filter(({ text, fonts }) => {
      const icons = [...text.matchAll(/[\p{Extended_Pictographic}\p{Sm}\p{So}\uFE0F\u200D]/gu)].length;
      const others = fonts.filter((f) => !f.isCustomFont || !BUNDLED_FONTS.includes(f.familyName));
      return others.reduce((n, f) => n + f.glyphCount, 0) > icons;
    });
    assert.deepEqual(fallback, [], `${label} ${name}: letters drawn by a system font instead of the bundled one`);
  }
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: size.height });
  const { problems, warnings } = await layoutProblems(page);
  if (photo) await shot(page, `${label}-${name}`);
  await page.setViewportSize(size);
  assert.deepEqual(problems, [], `${label} ${name} at 360 px`);
  for (const w of warnings) current.diagnostic(`${label} ${name} at 360 px: ${w}`);
}

/** Opens the tab of the tour's screen `name` by its place in the bottom navigation. */
async function tabByPlace(page, name) {
  const tabs = page.getByRole("navigation").getByRole("link");
  await tabs.nth(TOUR.filter((s) => s.nav).findIndex((s) => s.name === name)).click();
  await page.locator("main h1").first().waitFor();
}

/**
 * Visits every screen of the tour, the tabs by their places (in a script the app makes, its
 * labels are not in the locale files), and looks at each; `options(screen)` for `lookAt`.
 */
async function tourByPlace(context, page, lang, options) {
  for (const screen of TOUR) {
    if (screen.nav) {
      await tabByPlace(page, screen.name);
    } else {
      await page.goto(`${server.url}${screen.path}`);
    }
    await page.locator("main h1").first().waitFor();
    if (screen.ready) await page.locator(screen.ready).waitFor();
    await lookAt(context, page, lang, screen.name, options(screen));
  }
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

  // 1. The first run in Kazakh. The page's own chooser (first-visit.test.mjs) is on screen
  // until the app has its words; this looks at the app's, once the app's root is there.
  await page.locator("#main .kosh").waitFor();
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
  await tourByPlace(context, page, "kk-Latn", (screen) => ({ photo: screen.name === "home" || screen.name === "form" }));

  // 8. Kazakh in the Arabic script, right to left: every screen, with pictures.
  // The settings screen is in Latin letters now: the script buttons are found by their place
  // (Cyrillic, Latin, Arabic).
  await tabByPlace(page, "settings");
  await page.locator(".scripts button").nth(2).click();
  await page.locator('.kosh[lang="kk-Arab"][dir="rtl"]').waitFor();
  await tourByPlace(context, page, "kk-Arab", () => ({}));
  assert.deepEqual(crashes, []);
  await context.close();
});

test("every screen in Uzbek with the phone's text at 200 %; the country search takes every way of typing oʻ", async (ctx) => {
  current = ctx;
  const context = await newPhone(browser, { locale: "uz-UZ" });
  const page = await context.newPage();
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(String(e)));
  // The browser's own text size, as a phone's accessibility setting sets it: the default font
  // size doubled (16 px to 32 px), so everything sized in rem and em doubles, media and
  // container queries included.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Page.enable");
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  await page.goto(server.url);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), "32px");

  await page.getByRole("button", { name: "Oʻzbekcha", exact: true }).click();
  await page.getByRole("heading", { name: t("uz", "ui-welcome-title") }).waitFor();
  await lookAt(context, page, "uz", "welcome", { label: "uz-200" });
  await page.getByRole("button", { name: t("uz", "ui-welcome-start") }).click();
  await page.locator("#q-personal-surname").waitFor();
  for (const screen of TOUR) {
    await open(page, "uz", screen);
    await lookAt(context, page, "uz", screen.name, { label: "uz-200" });
  }

  // The placeholders are Uzbek, not the form's own English examples.
  await open(page, "uz", TOUR.find((s) => s.name === "form"));
  assert.equal(
    await page.locator("#q-personal-surname").getAttribute("placeholder"),
    t("uz", "ui-form-example").replace("{ $example }", t("uz", "form-q-personal-surname-example")),
  );

  // The birth country, typed the ways an Uzbek phone types oʻ, or without it.
  const country = page.locator("#q-personal-birth_country-field");
  const search = country.locator('input[type="search"]');
  for (const typed of ["O'zbekiston", "O‘zbekiston", "O’zbekiston", "O`zbekiston", "Ozbekiston", "oʻzbek"]) {
    await search.fill(typed);
    await country.getByText(t("uz", "mobile-country-uz"), { exact: true }).waitFor();
    assert.equal(await country.getByText(t("uz", "ui-nothing-found")).count(), 0, `found by ${typed}`);
  }
  assert.deepEqual(crashes, []);
  await context.close();
});
