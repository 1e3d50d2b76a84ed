// Scenarios 2 (in part) and 5 of issue 6. The questionnaire's skip logic shows and hides the
// kandas section as the person answers, and a wrong answer gets an error under it that goes
// away when corrected. Then a complete draft is submitted from the review screen, an officer
// moves the application to the next stage through the API, and the status screen shows it.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { OFFICER, api, launchBrowser, repoRoot, shot, startServer } from "./harness.mjs";
import { pattern, t } from "./locales.mjs";
import { PASSWORD, answer, signedInPhone, synced } from "./phone.mjs";
import { foreignTexts, visibleTexts } from "./screens.mjs";

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const FORM = JSON.parse(readFileSync(join(repoRoot, "shared", "forms", "residence-2026.v1.json"), "utf8"));

async function login(email, password) {
  const res = await api(server.url, "POST", "/v1/auth/login", { body: { email, password } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.access_token;
}

/** The section counter ("1-бөлім, барлығы 12") says how many sections the skip logic asks. */
async function sectionCount(page) {
  const text = await page.getByText(pattern("kk", "ui-form-progress")).first().innerText();
  return Number(text.match(/\d+/g).at(-1));
}

/** Waits for the section counter to reach `n`. */
async function countBecomes(page, n) {
  const counter = page.getByText(pattern("kk", "ui-form-progress")).first();
  await page.waitForFunction(
    ([el, want]) => Number(el.innerText.match(/\d+/g)?.at(-1)) === want,
    [await counter.elementHandle(), n],
    { polling: 100 },
  );
}

test("2. skip logic shows and hides the kandas section; an inline error is shown and corrected", async () => {
  const { context, page } = await signedInPhone(browser, server, "bolat.skip@kosh.test", { create: true });
  const kazakh = page.locator("#q-personal-is_ethnic_kazakh-field");

  const unanswered = await sectionCount(page);
  await kazakh.getByRole("button", { name: t("kk", "ui-yes"), exact: true }).click();
  await countBecomes(page, unanswered + 1);
  await kazakh.getByRole("button", { name: t("kk", "ui-no"), exact: true }).click();
  await countBecomes(page, unanswered);
  await kazakh.getByRole("button", { name: t("kk", "ui-yes"), exact: true }).click();
  await countBecomes(page, unanswered + 1);
  const without = unanswered;
  const kandasTitle = t("kk", "form-section-kandas");
  await page.goto(`${server.url}/form/${without}`);
  await page.getByRole("heading", { name: kandasTitle }).waitFor();

  // A wrong answer: an email without its domain. The error sits under the question.
  await page.goto(`${server.url}/form/1`);
  const email = page.locator("#q-contacts-email-field");
  await answer(page, "#q-contacts-email", "bolat.example");
  const error = email.getByRole("alert");
  await error.waitFor();
  const words = await error.innerText();
  assert.ok(words.trim().length > 0 && !/validation-|error-/.test(words), `the error is in words: "${words}"`);
  await shot(page, "kk-form-inline-error", { at: email });
  await answer(page, "#q-contacts-email", "bolat@example.kz");
  await error.waitFor({ state: "detached" });
  await context.close();
});

test("5. a complete draft is submitted; the officer's next stage shows on the status screen", async () => {
  const EMAIL = "yerlan.submit@kosh.test";
  const { context, page } = await signedInPhone(browser, server, EMAIL, { create: true });
  page.on("dialog", (d) => d.accept());
  await answer(page, "#q-personal-surname", "Нұрланұлы");
  await synced(page);

  // The rest of the answers arrive as if typed on another device: every question's example,
  // which the form guarantees is valid.
  const token = await login(EMAIL, PASSWORD);
  const drafts = await api(server.url, "GET", "/v1/drafts", { token });
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
  const pushed = await api(server.url, "POST", "/v1/sync", { token, body: { device_id: device, cursor: 0, ops } });
  assert.equal(pushed.status, 200, JSON.stringify(pushed.body));
  assert.equal(pushed.body.acked.length, ops.length);

  // The phone picks them up when it opens, and the review screen has nothing missing.
  await page.goto(`${server.url}/review`);
  await synced(page);
  await page.getByText(t("kk", "ui-review-all-done")).waitFor();
  await page.getByRole("button", { name: t("kk", "ui-review-submit") }).click();
  // Sent: the app takes the person to the application's status.
  await page.getByRole("heading", { name: t("kk", "ui-status-title") }).waitFor();

  const apps = await api(server.url, "GET", "/v1/applications", { token });
  assert.equal(apps.body.length, 1);
  assert.equal(apps.body[0].stage, "submitted");
  assert.equal(apps.body[0].draft_id, draft.id);

  // The officer passes the submission, which starts the next stage: the language test.
  const officer = await login(OFFICER.email, OFFICER.password);
  const moved = await api(server.url, "POST", `/v1/applications/${apps.body[0].id}/events`, {
    token: officer,
    body: { stage: "submitted", outcome: "passed", note: "Құжаттар толық." },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.equal(moved.body.stage, "language_test");

  // The status screen shows the new stage as the current one once the phone has synced.
  await page.reload();
  await synced(page);
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-status") }).click();
  await page.getByRole("heading", { name: t("kk", "ui-status-title") }).waitFor();
  const current = page.getByRole("listitem").filter({ hasText: t("kk", "ui-status-current") });
  await current.filter({ hasText: t("kk", "stage-language_test") }).waitFor();
  await shot(page, "kk-status-timeline");
  assert.deepEqual(foreignTexts(await visibleTexts(page), "kk"), [], "the status screen is all in Kazakh words");
  await context.close();
});
