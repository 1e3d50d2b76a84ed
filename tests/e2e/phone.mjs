// A phone signed in to Kosh, and the small gestures the scenarios repeat.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";

import { FORM, api, newPhone } from "./harness.mjs";
import { t } from "./locales.mjs";

export const PASSWORD = "dala-zhel-2026";

/** A phone through the first run in Kazakh, signed in (registering first when `create`). */
export async function signedInPhone(browser, server, EMAIL, { create }) {
  const context = await newPhone(browser);
  const page = await context.newPage();
  page.on("pageerror", (e) => assert.fail(`the page crashed: ${e}`));
  await page.goto(server.url);
  await page.getByRole("button", { name: "Қазақша", exact: true }).click();
  await page.getByRole("button", { name: t("kk", "ui-welcome-have-account") }).click();
  if (create) await page.getByRole("button", { name: t("kk", "ui-auth-to-register") }).click();
  await page.locator("#email").fill(EMAIL);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: t("kk", create ? "ui-auth-register-button" : "ui-auth-login-button") }).click();
  await page.getByRole("heading", { name: t("kk", "ui-home-title") }).waitFor();
  // Signing in runs a sync round, which brings what the account already has.
  await synced(page);
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-form") }).click();
  await page.locator("#q-personal-surname").waitFor();
  return { context, page };
}

/** Types an answer the way a person does: into the box, then on to the next one. */
export async function answer(page, selector, value) {
  await page.locator(selector).fill(value);
  await page.locator(selector).blur();
}

/**
 * Enters an ISO date (`1991-04-17`) in a date's three boxes, as a person does: the day, the
 * month from its list, the year. `selector` is the day box's (`#q-personal-birth_date`); the
 * month and year boxes are `<selector>-month` and `<selector>-year`.
 */
export async function answerDate(page, selector, iso) {
  const [year, month, day] = iso.split("-");
  await page.locator(selector).fill(day);
  await page.locator(`${selector}-month`).selectOption(month);
  await page.locator(`${selector}-year`).fill(year);
  await page.locator(`${selector}-year`).blur();
}

/** What a date's three boxes hold, as an ISO date (`1991-04-17`). */
export async function dateValue(page, selector) {
  const day = await page.locator(selector).inputValue();
  const month = await page.locator(`${selector}-month`).inputValue();
  const year = await page.locator(`${selector}-year`).inputValue();
  return `${year}-${month}-${day.padStart(2, "0")}`;
}

/** Waits for the header to say the answers are on the server. */
export function synced(page) {
  return page.getByRole("status").getByText(t("kk", "ui-sync-synced")).waitFor();
}

/** Waits until a box shows `value` (the sync round that brings it may still be under way). */
export function waitForValue(page, selector, value) {
  return page.waitForFunction(
    ([sel, v]) => document.querySelector(sel)?.value === v,
    [selector, value],
    // Checked on a timer, not on animation frames: a page in the background gets none.
    { polling: 100 },
  );
}

/**
 * Answers every question the account's one draft has not answered yet with the question's
 * example (which the form guarantees is valid), as if typed on another device of the account.
 * Returns the draft as the server had it before.
 */
export async function completeDraftElsewhere(base, token) {
  const drafts = await api(base, "GET", "/v1/drafts", { token });
  assert.equal(drafts.body.length, 1);
  const draft = drafts.body[0];
  const device = `d-${randomUUID().replaceAll("-", "")}`;
  const now = new Date().toISOString();
  const ops = FORM.sections
    .flatMap((s) => s.questions)
    .filter((q) => !(q.id in draft.answers))
    .map((q, i) => ({
      op_id: randomUUID(),
      draft_id: draft.id,
      form_id: FORM.id,
      field: q.id,
      value: q.example,
      hlc: `${now}/${String(i).padStart(4, "0")}/${device}`,
    }));
  const pushed = await api(base, "POST", "/v1/sync", { token, body: { device_id: device, cursor: 0, ops } });
  assert.equal(pushed.status, 200, JSON.stringify(pushed.body));
  assert.equal(pushed.body.acked.length, ops.length);
  return draft;
}

/** Signs in over the API, as a test checking the server's side does; the access token. */
export async function login(base, email, password = PASSWORD) {
  const res = await api(base, "POST", "/v1/auth/login", { body: { email, password } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.access_token;
}

/** `YYYY-MM-DD` of today moved by whole years and days (the app reads the phone's clock). */
export function day({ years = 0, days = 0 } = {}) {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
