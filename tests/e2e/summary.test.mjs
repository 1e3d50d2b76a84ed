// Issue 13, the summary to carry: printed by Chromium to an A4 PDF (`page.pdf`, the print
// stylesheet), its text read back with pdftotext (Debian's poppler-utils). Every Kazakh letter
// survives (the bundled font is embedded), both languages are there whatever the app's own,
// and a question the skip logic no longer asks is not printed even though its answer is kept.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { newPhone, serverAndBrowser, shot, shotsDir } from "./harness.mjs";
import { t } from "./locales.mjs";
import { answer } from "./phone.mjs";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

/** Text with every run of white space (line and page breaks included) as one space. */
const flat = (text) => text.replace(/\s+/g, " ");

test("the summary prints to a PDF with every Kazakh letter, in Kazakh and Russian, without skipped questions", async () => {
  const context = await newPhone(browser);
  const page = await context.newPage();
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(String(e)));
  await page.goto(server.url);
  // The app in Uzbek: the summary is in Kazakh and Russian all the same.
  await page.getByRole("button", { name: "Oʻzbekcha", exact: true }).click();
  await page.getByRole("button", { name: t("uz", "ui-welcome-start") }).click();
  await page.locator("#q-personal-surname").waitFor();
  // A name with the letters Kazakh adds to Cyrillic, һ among them.
  await answer(page, "#q-personal-surname", "Өмірғалиқызы");
  await answer(page, "#q-personal-given_names", "Гауһар Әсемгүл");

  // A second citizenship said, its country picked, then taken back: the country stays in the
  // draft but is no longer asked.
  await page.goto(`${server.url}/form/2`);
  const has = page.locator("#q-citizenship-has_second-field");
  await has.getByRole("button", { name: t("uz", "ui-yes"), exact: true }).click();
  const country = page.locator("#q-citizenship-second_country-field");
  await country.locator('label:has(input[value="TR"])').first().click();
  await has.getByRole("button", { name: t("uz", "ui-no"), exact: true }).click();
  await country.waitFor({ state: "detached" });

  await page.goto(`${server.url}/summary`);
  await page.getByRole("heading", { name: t("uz", "summary-open") }).waitFor();
  await page.getByRole("button", { name: t("uz", "summary-print") }).waitFor();
  await page.locator('.summary-part[lang="ru"]').waitFor();
  await shot(page, "uz-summary");
  // The fonts finish loading before the PDF is drawn, or a fallback font would be embedded.
  await page.evaluate(() => document.fonts.ready);

  mkdirSync(shotsDir, { recursive: true });
  const file = join(shotsDir, "summary.pdf");
  writeFileSync(file, await page.pdf({ format: "A4", preferCSSPageSize: true }));
  const text = flat(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));

  for (const letter of ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і"]) {
    assert.ok(text.includes(letter), `the PDF has the letter ${letter}: ${text.slice(0, 400)}`);
  }
  assert.ok(text.includes("Өмірғалиқызы") && text.includes("Гауһар Әсемгүл"), "the answers, letter for letter");
  for (const lang of ["kk", "ru"]) {
    assert.ok(text.includes(flat(t(lang, "summary-title"))), `the ${lang} part's title`);
    assert.ok(text.includes(flat(t(lang, "form-q-citizenship-has_second"))), `${lang}: the asked question`);
    assert.ok(!text.includes(flat(t(lang, "form-q-citizenship-second_country"))), `${lang}: the skipped question is absent`);
    assert.ok(text.includes(flat(t(lang, "disclaimer-score"))), `${lang}: the self-check's caveat`);
  }
  // Nothing of the app around the sheet: no button, no navigation, nothing in Uzbek.
  assert.ok(!text.includes(flat(t("uz", "summary-print"))), "the print button is not printed");
  assert.ok(!text.includes(flat(t("uz", "ui-nav-home"))), "the navigation is not printed");

  // The letters are drawn by the bundled font, embedded in the file.
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
  const noto = fonts.split("\n").filter((l) => /Noto/i.test(l));
  assert.ok(noto.length > 0, `the bundled font is in the PDF:\n${fonts}`);
  assert.ok(noto.every((l) => /\byes\b/.test(l)), `the bundled font is embedded:\n${fonts}`);
  assert.deepEqual(crashes, []);
  await context.close();
});
