// Issue 12: dates not to miss. A family enters its KAZTEST date and its kandas contract; the
// deadlines screen lists both with their dates (DD.MM.YYYY), and "add to calendar" makes the
// .ics on the phone with no connection: the download happens offline and its text is a
// VCALENDAR a calendar accepts. The contract screen shows what the quota brings the family in
// tenge, the rent as a band. Pictures at 360 px in Kazakh, in kk-Arab (right to left) and with
// the text at 200 %.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";

import { NARROW, serverAndBrowser, shot } from "./harness.mjs";
import { t } from "./locales.mjs";
import { answerDate, day, signedInPhone, synced } from "./phone.mjs";
import { layoutProblems } from "./screens.mjs";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

/** `YYYY-MM-DD` as the screen writes it: DD.MM.YYYY. */
function numeric(iso) {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** `YYYY-MM-DD` plus `n` calendar days. */
function plusDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The content lines of an iCalendar text, unfolded (RFC 5545 3.1). */
function contentLines(text) {
  assert.ok(!/[^\r]\n/.test(text), "every line ends in CRLF");
  return text.replace(/\r\n[ \t]/g, "").split("\r\n").filter((l) => l !== "");
}

/** Checks the text is one VCALENDAR whose VEVENTs each have what a calendar needs. */
function assertCalendar(text) {
  const lines = contentLines(text);
  assert.equal(lines[0], "BEGIN:VCALENDAR");
  assert.equal(lines.at(-1), "END:VCALENDAR");
  assert.ok(lines.includes("VERSION:2.0"));
  const events = [];
  let current = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = [];
    else if (line === "END:VEVENT") {
      events.push(current);
      current = null;
    } else if (current) current.push(line);
  }
  for (const e of events) {
    for (const name of ["UID:", "DTSTAMP:", "DTSTART;VALUE=DATE:", "SUMMARY:", "BEGIN:VALARM", "TRIGGER"]) {
      assert.ok(e.some((l) => l.startsWith(name)), `an event has ${name}: ${e.join(" | ")}`);
    }
  }
  return events;
}

test("the deadlines screen lists dated items and makes calendar files offline; the contract screen shows the tenge band", async () => {
  const EMAIL = "aigul.deadlines@kosh.test";
  const { context, page } = await signedInPhone(browser, server, EMAIL, { create: true });

  // The KAZTEST, taken 100 days ago (the languages section, the sixth).
  const taken = day({ days: -100 });
  await page.goto(`${server.url}/form/5`);
  await answerDate(page, "#q-languages-kaztest_date", taken);

  // The contract: signed a year ago in Pavlodar region.
  const signed = day({ years: -1 });
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-contract") }).click();
  await page.getByRole("heading", { name: t("kk", "ui-contract-title") }).waitFor();
  await page.getByText(t("kk", "region-pavlodar"), { exact: true }).click();
  await answerDate(page, "#signed-on", signed);
  await page.locator("#family").fill("4");
  await page.getByRole("button", { name: t("kk", "ui-contract-save") }).click();
  await page.getByText(t("kk", "ui-whatif-title")).waitFor();
  await synced(page);

  // What the quota brings, in tenge for this year, the rent as a band ("from … to … ₸").
  const worth = page.locator("ul.worth");
  await worth.waitFor();
  const rent = worth.locator("li").filter({ hasText: t("kk", "support-rent_utilities") });
  const band = await rent.locator(".worth-amount").innerText();
  assert.match(band, /\d.*₸.*\d.*₸/s, `the rent is a band in tenge: ${band}`);
  await rent.getByText(t("kk", "ui-worth-band-note")).waitFor();
  await page.setViewportSize(NARROW.viewport);
  await shot(page, "deadlines-worth-kk", { at: worth });

  // The deadlines, from the home screen's link.
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-home") }).click();
  await page.getByRole("link", { name: t("kk", "ui-deadlines-open") }).click();
  await page.getByRole("heading", { name: t("kk", "ui-deadlines-title") }).waitFor();
  const items = page.locator("ul.deadlines > li");
  await items.first().waitFor();
  assert.equal(await items.count(), 2, "the KAZTEST certificate and the contract's end");
  // 730 days from the test: the last valid day is the 729th day after it.
  const kaztest = items.filter({ hasText: t("kk", "ui-deadlines-kaztest") });
  assert.equal(await kaztest.locator(".deadline-date").innerText(), numeric(plusDays(taken, 729)));
  const end = items.filter({ hasText: t("kk", "ui-deadlines-contract_end") });
  assert.equal(await end.locator(".deadline-date").innerText(), numeric(day({ years: 4 })));
  const { problems } = await layoutProblems(page);
  assert.deepEqual(problems, [], "deadlines at 360 px");
  await shot(page, "deadlines-kk");

  // Offline: the calendar file is still made, on the phone.
  await context.setOffline(true);
  const [one] = await Promise.all([
    page.waitForEvent("download"),
    kaztest.getByRole("button", { name: t("kk", "ui-deadlines-add") }).click(),
  ]);
  assert.equal(one.suggestedFilename(), "kosh-kaztest.ics");
  const oneText = await readFile(await one.path(), "utf8");
  const [event] = assertCalendar(oneText);
  assert.ok(event.includes(`DTSTART;VALUE=DATE:${plusDays(taken, 729).replaceAll("-", "")}`), event.join(" | "));
  assert.ok(event.includes(`SUMMARY:${t("kk", "ui-deadlines-kaztest")}`), "the summary is in Kazakh");

  const [all] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: t("kk", "ui-deadlines-add-all") }).click(),
  ]);
  assert.equal(all.suggestedFilename(), "kosh-dates.ics");
  assert.equal(assertCalendar(await readFile(await all.path(), "utf8")).length, 2);
  await context.setOffline(false);

  // Right to left, in the Arabic script: the same screen, nothing off the edge.
  await page.getByRole("navigation").getByRole("link").last().click();
  await page.locator(".scripts button").nth(2).click();
  await page.locator('.kosh[lang="kk-Arab"][dir="rtl"]').waitFor();
  await page.goto(`${server.url}/deadlines`);
  await page.locator("ul.deadlines > li").first().waitFor();
  assert.deepEqual((await layoutProblems(page)).problems, [], "kk-Arab deadlines at 360 px");
  await shot(page, "deadlines-kk-Arab");
  await page.goto(`${server.url}/contract`);
  await page.locator("ul.worth").waitFor();
  assert.deepEqual((await layoutProblems(page)).problems, [], "kk-Arab contract at 360 px");
  await shot(page, "deadlines-worth-kk-Arab", { at: page.locator("ul.worth") });

  // The phone's text at 200 %.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Page.enable");
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  await page.goto(`${server.url}/deadlines`);
  await page.locator("ul.deadlines > li").first().waitFor();
  assert.deepEqual((await layoutProblems(page)).problems, [], "deadlines at 200 % and 360 px");
  await shot(page, "deadlines-kk-Arab-200");
  await context.close();
});
