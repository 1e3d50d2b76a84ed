// Issue 11: the rules change without a release. The open app shows the kandas support amounts of
// the bundle in force (next year's, not yet published, said as such with last year's amount
// labelled with its year); an officer publishes a bundle with new amounts; after the app's next
// sync it shows them and says once, in plain words, what changed, with no reload of the build.
// Dismissing that notice is remembered across a reload.
import assert from "node:assert/strict";
import { test } from "node:test";

import { api, OFFICER, serverAndBrowser, shot } from "./harness.mjs";
import { t } from "./locales.mjs";
import { signedInPhone, synced } from "./phone.mjs";
import { foreignTexts, layoutProblems, visibleTexts } from "./screens.mjs";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

/** The first amount in tenge after `year:` in a text, as a number. */
function amountFor(text, year) {
  // The amount may stand anywhere in the year's line ("2026: for each member 302 750 ₸, once").
  const m = text.match(new RegExp(`${year}:[^\\n₸]*?(\\d[\\d\\s\\u00a0\\u202f]*)₸`));
  assert.ok(m, `an amount for ${year} in "${text}"`);
  return Number(m[1].replace(/\D/g, ""));
}

/** The relocation subsidy's line on the kandas screen. */
function relocation(page) {
  return page.locator(".support-amounts li").filter({ hasText: t("kk", "support-relocation_subsidy") });
}

async function openContract(page) {
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-contract") }).click();
  await page.getByRole("heading", { name: t("kk", "ui-contract-title") }).waitFor();
}

test("11. an officer publishes new support amounts and the open app shows them after its next sync", async () => {
  const { context, page } = await signedInPhone(browser, server, "rules.kandas@kosh.test", { create: true });
  // A mark on the page itself: a reload (or a new build loading) would lose it. The router's
  // own address changes keep it.
  await page.evaluate(() => {
    window.koshSameLoad = true;
  });
  const served = await api(server.url, "GET", "/v1/policy");
  assert.equal(served.status, 200);
  const bundle = served.body;
  const year = new Date().getFullYear();
  const mci = bundle.mci.find((m) => m.year === year)?.kzt;
  assert.ok(mci, `the bundle in force publishes ${year}'s MCI`);
  const measure = bundle.support_measures.find((m) => m.id === "relocation_subsidy");
  assert.equal(measure.amount.kind, "fixed");

  // Before: the amount of the bundle built into the app.
  await openContract(page);
  await relocation(page).waitFor();
  assert.equal(amountFor(await relocation(page).innerText(), year), measure.amount.mci * mci);
  const next = bundle.mci.find((m) => m.year === year + 1);
  if (next && next.kzt === null) {
    // Next year's MCI is not published: said next to the figure, with this year's labelled.
    const line = await relocation(page).innerText();
    assert.ok(line.includes(t("kk", "ui-support-not-published").replace("{ $year }", String(year + 1))), line);
    assert.ok(line.includes(String(year)), line);
  }

  // An officer publishes the same bundle with the relocation subsidy raised by 10 MCI.
  const login = await api(server.url, "POST", "/v1/auth/login", { body: OFFICER });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const raised = structuredClone(bundle);
  raised.support_measures.find((m) => m.id === "relocation_subsidy").amount.mci = measure.amount.mci + 10;
  const put = await api(server.url, "PUT", `/v1/policies/${bundle.id}`, { token: login.body.access_token, body: raised });
  assert.ok([200, 201].includes(put.status), `${put.status} ${JSON.stringify(put.body)}`);
  const expected = (measure.amount.mci + 10) * mci;

  // The app's next sync ("sync now" in settings) brings it; back on the kandas screen the new
  // amount shows, and the notice says what changed, once.
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-settings") }).click();
  await page.getByRole("button", { name: t("kk", "ui-settings-sync-now") }).click();
  await synced(page);
  await openContract(page);
  await page.waitForFunction(
    ([name, y, want]) =>
      [...document.querySelectorAll(".support-amounts li")].some((li) => {
        if (!li.innerText.includes(name)) return false;
        const m = li.innerText.match(new RegExp(`${y}:[^\\n₸]*?(\\d[\\d\\s\\u00a0\\u202f]*)₸`));
        return m && Number(m[1].replace(/\D/g, "")) === want;
      }),
    [t("kk", "support-relocation_subsidy"), year, expected],
    { polling: 100 },
  );
  const notice = page.locator(".rules-changed");
  await notice.getByRole("heading", { name: t("kk", "ui-rules-changed-title") }).waitFor();
  const told = await notice.innerText();
  assert.ok(told.includes(t("kk", "support-relocation_subsidy")), told);
  assert.ok(told.replace(/\D/g, "").includes(String(expected)), `the new amount in the notice: ${told}`);
  assert.equal(await page.evaluate(() => window.koshSameLoad), true, "no reload of the build");
  assert.deepEqual(foreignTexts(await visibleTexts(page), "kk"), [], "the notice and amounts are in Kazakh");
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: size.height });
  const { problems } = await layoutProblems(page);
  await shot(page, "kk-rules-changed");
  await page.setViewportSize(size);
  assert.deepEqual(problems, [], "the notice and the support card fit 360 px");

  // Read: dismissed, and still dismissed after a reload; the new amount stays.
  await notice.getByRole("button", { name: t("kk", "ui-rules-changed-ok") }).click();
  await notice.waitFor({ state: "detached" });
  await page.reload();
  await openContract(page);
  await relocation(page).waitFor();
  assert.equal(amountFor(await relocation(page).innerText(), year), expected);
  assert.equal(await page.locator(".rules-changed").count(), 0, "told once");
  await context.close();
});
