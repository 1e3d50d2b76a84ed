// Issue 13, the summary to carry: printed by Chromium to an A4 PDF (`page.pdf`, the print
// stylesheet), its text read back with pdftotext (Debian's poppler-utils). Every Kazakh letter
// survives (the bundled font is embedded), both languages are there whatever the app's own,
// and a question the skip logic no longer asks is not printed even though its answer is kept.
// Shared from the phone as a PDF file (the server sets the page's words, POST /v1/summary.pdf):
// the file handed to the share sheet, or downloaded where the browser cannot share files, reads
// back the same way; without an account or a connection the page says so in words.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { newPhone, serverAndBrowser, shot, shotsDir } from "./harness.mjs";
import { t } from "./locales.mjs";
import { answer, signedInPhone } from "./phone.mjs";

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

/** The text and fonts of a PDF file's bytes, read by poppler-utils. */
function readPdf(bytes, name) {
  mkdirSync(shotsDir, { recursive: true });
  const file = join(shotsDir, name);
  writeFileSync(file, bytes);
  assert.equal(bytes.subarray(0, 5).toString(), "%PDF-", `${name} is a PDF`);
  return {
    text: flat(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })),
    fonts: execFileSync("pdffonts", [file], { encoding: "utf8" }),
  };
}

/** What a file of the summary must say: both languages, the answers letter for letter, the
 * caveat, and nothing skipped. */
function assertSummary(text, fonts, { surname, given }) {
  for (const letter of ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і"]) {
    assert.ok(text.includes(letter), `the file has the letter ${letter}: ${text.slice(0, 400)}`);
  }
  assert.ok(text.includes(surname) && text.includes(given), `the answers, letter for letter: ${text.slice(0, 600)}`);
  for (const lang of ["kk", "ru"]) {
    assert.ok(text.includes(flat(t(lang, "summary-title"))), `the ${lang} part's title`);
    assert.ok(text.includes(flat(t(lang, "form-q-personal-surname"))), `${lang}: the asked question`);
    assert.ok(!text.includes(flat(t(lang, "form-q-citizenship-second_country"))), `${lang}: a question not asked is absent`);
    assert.ok(text.includes(flat(t(lang, "disclaimer-score"))), `${lang}: the self-check's caveat`);
  }
  assert.ok(!text.includes(flat(t("kk", "summary-share"))), "the app's buttons are not in the file");
  // One font, the app's own, embedded (as a subset) with its map back to letters.
  const rows = fonts.split("\n").slice(2).filter((l) => l.trim() !== "");
  assert.ok(rows.length > 0, `a font is in the file:\n${fonts}`);
  for (const row of rows) assert.match(row, /\byes\s+yes\s+yes\b/, `embedded, subset, with a ToUnicode map:\n${fonts}`);
}

test("the summary is shared from the phone as a PDF file, or downloaded where sharing files is not offered", async () => {
  const email = `summary-${Date.now()}@kosh.test`;
  const { context, page } = await signedInPhone(browser, server, email, { create: true });
  // The phone's share sheet: what it is handed is kept for the test to read.
  await context.addInitScript(() => {
    window.koshShared = [];
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.length > 0;
    navigator.share = async (data) => {
      const file = data.files[0];
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = "";
      for (const b of bytes) binary += String.fromCharCode(b);
      window.koshShared.push({ name: file.name, type: file.type, title: data.title, base64: btoa(binary) });
    };
  });
  const surname = "Нұрғалиқызы";
  const given = "Гауһар Әйгерім";
  await answer(page, "#q-personal-surname", surname);
  await answer(page, "#q-personal-given_names", given);

  await page.goto(`${server.url}/summary`);
  await page.locator('.summary-part[lang="ru"]').waitFor();
  const share = page.getByRole("button", { name: t("kk", "summary-share") });
  await share.tap();
  await page.waitForFunction(() => window.koshShared.length === 1, null, { timeout: 30_000 });
  const [handed] = await page.evaluate(() => window.koshShared);
  assert.equal(handed.name, "kosh-summary.pdf");
  assert.equal(handed.type, "application/pdf");
  assert.equal(handed.title, t("kk", "summary-title"));
  const sharedPdf = readPdf(Buffer.from(handed.base64, "base64"), "summary-shared.pdf");
  assertSummary(sharedPdf.text, sharedPdf.fonts, { surname, given });
  await shot(page, "kk-summary-shared");

  // A browser that cannot share files downloads it, and says where it went.
  await page.evaluate(() => {
    navigator.canShare = () => false;
  });
  const downloading = page.waitForEvent("download");
  await share.tap();
  const download = await downloading;
  assert.equal(download.suggestedFilename(), "kosh-summary.pdf");
  const savedPdf = readPdf(readFileSync(await download.path()), "summary-saved.pdf");
  assertSummary(savedPdf.text, savedPdf.fonts, { surname, given });
  await page.getByText(t("kk", "summary-share-saved")).waitFor();

  // With no connection: said plainly, and printing still offered.
  await context.setOffline(true);
  await share.tap();
  await page.getByText(t("kk", "summary-share-offline")).waitFor();
  await page.getByRole("button", { name: t("kk", "summary-print") }).waitFor();
  await context.setOffline(false);
  await context.close();
});

test("without an account the summary is not sent anywhere, and the page says why", async () => {
  const context = await newPhone(browser);
  const page = await context.newPage();
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(String(e)));
  const sent = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/v1/summary.pdf") sent.push(r.url());
  });
  await page.goto(server.url);
  await page.getByRole("button", { name: "Русский", exact: true }).click();
  await page.getByRole("button", { name: t("ru", "ui-welcome-start") }).click();
  await page.locator("#q-personal-surname").waitFor();
  await page.goto(`${server.url}/summary`);
  await page.locator('.summary-part[lang="kk"]').waitFor();
  await page.getByRole("button", { name: t("ru", "summary-share") }).tap();
  await page.getByText(t("ru", "summary-share-signed-out")).waitFor();
  assert.deepEqual(sent, []);
  assert.deepEqual(crashes, []);
  await context.close();
});
