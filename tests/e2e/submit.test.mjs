// Scenario 5 of issue 6: a complete draft is submitted from the review screen, an officer
// passes the stage through the API, and the status screen shows the next stage as current.
// (Filling the questionnaire through its screens is scenario 2, questionnaire.test.mjs; here
// the answers after the first arrive as from another device, to keep this test short.)
import assert from "node:assert/strict";
import { test } from "node:test";

import { api, OFFICER, serverAndBrowser, shot } from "./harness.mjs";
import { t } from "./locales.mjs";
import { answer, completeDraftElsewhere, login, signedInPhone, synced } from "./phone.mjs";
import { foreignTexts, visibleTexts } from "./screens.mjs";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

test("5. a complete draft is submitted; the officer's next stage shows on the status screen", async () => {
  const EMAIL = "yerlan.submit@kosh.test";
  const { context, page } = await signedInPhone(browser, server, EMAIL, { create: true });
  page.on("dialog", (d) => d.accept());
  await answer(page, "#q-personal-surname", "Нұрланұлы");
  await synced(page);

  // The rest of the answers arrive as if typed on another device: every question's example,
  // which the form guarantees is valid.
  const token = await login(server.url, EMAIL);
  const draft = await completeDraftElsewhere(server.url, token);

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

  // The officer passes the submission, which starts the next stage: the counting of the points.
  const officer = await login(server.url, OFFICER.email, OFFICER.password);
  const moved = await api(server.url, "POST", `/v1/applications/${apps.body[0].id}/events`, {
    token: officer,
    body: { stage: "submitted", outcome: "passed", note: "Құжаттар толық." },
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.equal(moved.body.stage, "scoring");

  // The status screen shows the new stage as the current one once the phone has synced.
  await page.reload();
  await synced(page);
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-status") }).click();
  await page.getByRole("heading", { name: t("kk", "ui-status-title") }).waitFor();
  const current = page.getByRole("listitem").filter({ hasText: t("kk", "ui-status-current") });
  await current.filter({ hasText: t("kk", "stage-scoring") }).waitFor();
  await shot(page, "kk-status-timeline");
  assert.deepEqual(foreignTexts(await visibleTexts(page), "kk"), [], "the status screen is all in Kazakh words");

  // The same timeline in Russian.
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-settings") }).click();
  await page.getByRole("button", { name: "Русский", exact: true }).click();
  await page.getByRole("navigation").getByRole("link", { name: t("ru", "ui-nav-status") }).click();
  await page.getByRole("heading", { name: t("ru", "ui-status-title") }).waitFor();
  await page.getByRole("listitem").filter({ hasText: t("ru", "ui-status-current") }).filter({ hasText: t("ru", "stage-scoring") }).waitFor();
  await shot(page, "ru-status-timeline");
  assert.deepEqual(foreignTexts(await visibleTexts(page), "ru"), [], "the status screen is all in Russian words");
  await context.close();
});
