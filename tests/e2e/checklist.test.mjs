// Issue 13, the checklist on the phone: computed offline from the draft, each paper's tick a
// draft answer (`documents.<entry>`). A tick made with no connection survives a reload and
// reaches the server when the link comes back, where GET /v1/checklist shows it done.
import assert from "node:assert/strict";
import { test } from "node:test";

import { api, serverAndBrowser, shot, switchableLink } from "./harness.mjs";
import { t } from "./locales.mjs";
import { PASSWORD, signedInPhone, synced } from "./phone.mjs";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

async function token(email) {
  const login = await api(server.url, "POST", "/v1/auth/login", { body: { email, password: PASSWORD } });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return login.body.access_token;
}

test("a paper ticked offline survives a reload and syncs when back online", async () => {
  const EMAIL = "gauhar.omirgali@kosh.test";
  const link = await switchableLink(server);
  const { context, page } = await signedInPhone(browser, link, EMAIL, { create: true });

  // From home to the checklist, by the link a person taps.
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-home") }).click();
  await page.getByRole("link", { name: t("kk", "checklist-open") }).click();
  await page.getByRole("heading", { name: t("kk", "checklist-title") }).waitFor();
  const count = page.locator(".checklist-count");
  const before = await count.innerText();
  await shot(page, "kk-checklist");

  // No connection: the list is still there (it is computed on the phone); tick the passport.
  link.cut();
  await context.setOffline(true);
  await page.getByRole("status").getByText(t("kk", "ui-sync-offline").split(".")[0]).waitFor();
  const passport = page.locator("#tick-passport");
  assert.equal(await passport.isChecked(), false);
  await page.locator('[data-entry="passport"] .tick').click();
  await page.waitForFunction(() => document.querySelector("#tick-passport")?.checked === true, null, { polling: 100 });
  await page.waitForFunction((old) => document.querySelector(".checklist-count")?.innerText !== old, before, { polling: 100 });
  const after = await count.innerText();
  const numbers = (text) => text.match(/\d+/g).map(Number);
  // "Not ready: 8 of 9" after "9 of 9": one fewer missing, the same total.
  assert.equal(Math.min(...numbers(after)), Math.min(...numbers(before)) - 1, `${before} → ${after}`);
  assert.equal(Math.max(...numbers(after)), Math.max(...numbers(before)), `${before} → ${after}`);

  // Reload with no connection: the service worker opens the app, the tick is still there.
  const reload = await page.reload();
  assert.ok(reload.fromServiceWorker(), "the page came from the service worker");
  await page.getByRole("heading", { name: t("kk", "checklist-title") }).waitFor();
  assert.equal(await page.locator("#tick-passport").isChecked(), true);
  assert.equal(await count.innerText(), after);
  const access = await token(EMAIL);
  const offline = await api(server.url, "GET", "/v1/checklist", { token: access });
  assert.equal(offline.status, 200, JSON.stringify(offline.body));
  assert.equal(offline.body.find((i) => i.id === "passport").done, false, "not on the server yet");

  // Back online: the tick reaches the server with nothing pressed.
  link.restore();
  await context.setOffline(false);
  await synced(page);
  const online = await api(server.url, "GET", "/v1/checklist", { token: access });
  assert.equal(online.body.find((i) => i.id === "passport").done, true, JSON.stringify(online.body));
  const drafts = await api(server.url, "GET", "/v1/drafts", { token: access });
  assert.deepEqual(drafts.body[0].answers["documents.passport"], { done: true });
  // The phone and the server count the same papers.
  assert.equal(Math.max(...numbers(after)), online.body.length);
  await shot(page, "kk-checklist-ticked");
  await context.close();
});
