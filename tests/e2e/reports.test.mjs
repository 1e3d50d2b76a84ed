// Issue 12: the applicant's own report of an official notice, from the status screen, offline
// too, and the ready enquiry when a stage runs late. An applicant with a submitted application
// loses the connection, reports that the points were counted (passed), reloads (the report is
// still there, shown as not sent yet), comes back online (the report reaches the server by
// itself: the application's timeline has the applicant's entry), and the screen then says
// "you reported this", never "confirmed". With the phone's clock two months on, the checks run
// late and the enquiry appears in Kazakh and Russian. The report sheet is photographed at
// 360 px in Kazakh and in Arabic-script Kazakh (right to left).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";

import { api, OFFICER, serverAndBrowser, shot, switchableLink } from "./harness.mjs";
import { t } from "./locales.mjs";
import { answer, completeDraftElsewhere, login, signedInPhone, synced } from "./phone.mjs";
import { foreignTexts, layoutProblems, visibleTexts } from "./screens.mjs";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

/** Completes the phone's draft from "another device" (every question's example) and submits
 * it over the API; the officer passes the submission, so the points are being counted. */
async function submittedApplication(email) {
  const token = await login(server.url, email);
  const draft = await completeDraftElsewhere(server.url, token);
  const sent = await api(server.url, "POST", "/v1/applications", {
    token,
    body: { draft_id: draft.id, idempotency_key: randomUUID() },
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const officer = await login(server.url, OFFICER.email, OFFICER.password);
  const moved = await api(server.url, "POST", `/v1/applications/${sent.body.id}/events`, {
    token: officer,
    body: { stage: "submitted", outcome: "passed" },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.equal(moved.body.stage, "scoring");
  return { token, id: sent.body.id };
}

/** Photographs the screen at 360 px scrolled to `at`, and fails on anything off the edge. */
async function lookAt360(page, name, at) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: size.height });
  const { problems } = await layoutProblems(page);
  await shot(page, name, { at });
  await page.setViewportSize(size);
  assert.deepEqual(problems, [], `${name} at 360 px`);
}

test("a notice reported offline survives a reload, reaches the server, and is shown as the applicant's word", async () => {
  const EMAIL = "gulnar.report@kosh.test";
  const link = await switchableLink(server);
  const { context, page } = await signedInPhone(browser, link, EMAIL, { create: true });
  await answer(page, "#q-personal-surname", "Есенова");
  await synced(page);
  const { token, id } = await submittedApplication(EMAIL);

  // The phone picks the application up and shows the points being counted.
  await page.reload();
  await synced(page);
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-status") }).click();
  const sheet = page.locator("#report-sheet");
  await sheet.getByText(t("kk", "stage-scoring")).waitFor();

  // No connection, and the browser knows it.
  link.cut();
  await context.setOffline(true);
  await page.getByRole("status").getByText(t("kk", "ui-sync-offline").split(".")[0]).waitFor();

  // Two taps: what the SMS said, then save (the date is today's unless changed).
  await sheet.getByRole("button", { name: t("kk", "outcome-passed"), exact: true }).click();
  await page.locator("#report-on").waitFor();
  await lookAt360(page, "kk-status-report-sheet", sheet);
  assert.deepEqual(foreignTexts(await visibleTexts(page), "kk"), [], "the report sheet is all in Kazakh");
  await sheet.getByRole("button", { name: t("kk", "reports-confirm") }).click();

  // At once, offline: the road moves on, the report is the phone's and unsent.
  const pending = page.getByText(t("kk", "reports-mark-pending"));
  await pending.waitFor();
  await page.locator("#report-sheet").getByText(t("kk", "stage-interagency_checks")).waitFor();

  // A reload with no connection: the report is still there, still unsent.
  const reload = await page.reload();
  assert.ok(reload.fromServiceWorker(), "the page came from the service worker");
  await pending.waitFor();
  await page.getByText(t("kk", "reports-saved")).waitFor();
  await lookAt360(page, "kk-status-report-pending", page.locator(".timeline"));
  const before = await api(server.url, "GET", `/v1/applications/${id}`, { token });
  assert.ok(
    before.body.timeline.every((e) => e.source !== "applicant"),
    `nothing reported yet on the server: ${JSON.stringify(before.body.timeline)}`,
  );

  // The connection returns: the report goes by itself, with nothing pressed.
  link.restore();
  await context.setOffline(false);
  await page.getByText(t("kk", "ui-status-source-applicant")).first().waitFor();
  await synced(page);
  assert.equal(await pending.count(), 0, "nothing left unsent");
  assert.equal(await page.getByText(t("kk", "reports-saved")).count(), 0);
  const after = await api(server.url, "GET", `/v1/applications/${id}`, { token });
  assert.equal(after.status, 200);
  const reported = after.body.timeline.filter((e) => e.source === "applicant");
  assert.ok(
    reported.some((e) => e.stage === "scoring" && e.outcome === "passed"),
    `the applicant's entry on the server: ${JSON.stringify(after.body.timeline)}`,
  );
  assert.equal(after.body.stage, "interagency_checks");
  // The scoring row says the applicant reported it; it never says the service confirmed it.
  const scoring = page.locator(".timeline li").filter({ hasText: t("kk", "stage-scoring") });
  await scoring.getByText(t("kk", "ui-status-source-applicant")).waitFor();
  assert.equal(await scoring.getByText(t("kk", "reports-mark-confirmed")).count(), 0);
  const submitted = page.locator(".timeline li").filter({ hasText: t("kk", "stage-submitted") });
  await submitted.getByText(t("kk", "reports-mark-confirmed")).waitFor();

  // Two months on by the phone's clock, the checks (20 working days) are late: the enquiry is
  // there, in Kazakh and in Russian, with the application's number and the dates.
  await page.clock.setFixedTime(new Date(Date.now() + 60 * 24 * 3600 * 1000));
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-home") }).click();
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-status") }).click();
  await page.getByText(t("kk", "ui-status-overdue")).waitFor();
  const enquiry = page.locator("#enquiry-text");
  await enquiry.waitFor();
  const text = await enquiry.inputValue();
  assert.ok(text.includes(id), `the application's number: ${text}`);
  const sentOn = new Date(after.body.submitted_at);
  const ddmmyyyy = (d) =>
    `${String(d.getUTCDate()).padStart(2, "0")}.${String(d.getUTCMonth() + 1).padStart(2, "0")}.${d.getUTCFullYear()}`;
  assert.ok(text.includes(ddmmyyyy(sentOn)), `the day it was sent: ${text}`);
  assert.ok(text.includes(ddmmyyyy(new Date(after.body.expected_by))), `the due date: ${text}`);
  const [kk, ru] = text.split("\n\n");
  assert.ok(kk.includes(t("kk", "stage-interagency_checks")), `Kazakh: ${kk}`);
  assert.ok(ru.includes(t("ru", "stage-interagency_checks")), `Russian: ${ru}`);
  await lookAt360(page, "kk-status-enquiry", enquiry);
  // Copied as it stands, both languages.
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
  await page.getByRole("button", { name: t("kk", "reports-enquiry-copy") }).click();
  await page.getByText(t("kk", "reports-enquiry-copied")).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);

  // The same screen in Arabic-script Kazakh, right to left: the sheet and the enquiry.
  await page.clock.setFixedTime(new Date());
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-settings") }).click();
  await page.locator(".scripts button").nth(2).click();
  await page.locator('.kosh[lang="kk-Arab"][dir="rtl"]').waitFor();
  // The tabs' labels are made from the Kazakh by the app: the status tab by its place.
  await page.getByRole("navigation").getByRole("link").nth(2).click();
  await page.locator("#report-sheet").waitFor();
  await page.locator("#report-sheet button").first().click();
  await page.locator("#report-on").waitFor();
  assert.deepEqual(foreignTexts(await visibleTexts(page), "kk-Arab"), [], "the report sheet in the Arabic script");
  await lookAt360(page, "kk-Arab-status-report-sheet", page.locator("#report-sheet"));
  await page.clock.setFixedTime(new Date(Date.now() + 60 * 24 * 3600 * 1000));
  await page.getByRole("navigation").getByRole("link").nth(0).click();
  await page.getByRole("navigation").getByRole("link").nth(2).click();
  await page.locator("#enquiry-text").waitFor();
  await lookAt360(page, "kk-Arab-status-enquiry", page.locator("#enquiry-text"));
  await context.close();
});

test("a report the server refuses is kept and said in words, to change or remove", async () => {
  const EMAIL = "daulet.refused@kosh.test";
  const { context, page } = await signedInPhone(browser, server, EMAIL, { create: true });
  await answer(page, "#q-personal-surname", "Бекұлы");
  await synced(page);
  const { id } = await submittedApplication(EMAIL);
  await page.reload();
  await synced(page);
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-status") }).click();
  const sheet = page.locator("#report-sheet");
  await sheet.getByText(t("kk", "stage-scoring")).waitFor();

  // The sheet with the phone's text at 200 %: nothing runs off a 360 px screen.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Page.enable");
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  await sheet.getByRole("button", { name: t("kk", "outcome-passed"), exact: true }).click();
  await page.locator("#report-on").waitFor();
  await lookAt360(page, "kk-200-status-report-sheet", sheet);

  // The officer records the scoring's end while the phone still shows it: the phone's report
  // of the same stage is now out of order, and the server says so.
  const officer = await login(server.url, OFFICER.email, OFFICER.password);
  const moved = await api(server.url, "POST", `/v1/applications/${id}/events`, {
    token: officer,
    body: { stage: "scoring", outcome: "failed" },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  await sheet.getByRole("button", { name: t("kk", "reports-confirm") }).click();
  const refused = page.locator(".refused-report");
  await refused.getByText(t("kk", "reports-refused-title")).waitFor();
  await refused.getByText(t("kk", "error-invalid_transition")).waitFor();
  // Kept after a reload, until the person chooses.
  await page.reload();
  await refused.getByText(t("kk", "reports-refused-title")).waitFor();
  await refused.getByRole("button", { name: t("kk", "reports-drop") }).click();
  await refused.waitFor({ state: "detached" });
  await context.close();
});
