// Scenario 6 of issue 6: the kandas contract screen. A family enters its contract and the
// support it received, asks "what if we move on …" before and after the contract's end, and
// the refund warning and its amount agree with the server's answer for the same date.
import assert from "node:assert/strict";
import { test } from "node:test";

import { api, serverAndBrowser, shot } from "./harness.mjs";
import { t } from "./locales.mjs";
import { PASSWORD, answerDate, day, signedInPhone, synced } from "./phone.mjs";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

/** The tenge amount in a sentence ("… 1 275 875 ₸."), as a number. */
function tenge(text) {
  const m = text.match(/(\d[\d\s\u00a0\u202f.,]*)\s*₸/);
  assert.ok(m, `an amount in tenge in "${text}"`);
  return Number(m[1].replace(/\D/g, ""));
}

test("6. the contract screen's refund warning agrees with the server, before and after the end date", async () => {
  const EMAIL = "gulnar.kandas@kosh.test";
  const { context, page } = await signedInPhone(browser, server, EMAIL, { create: true });
  await page.getByRole("navigation").getByRole("link", { name: t("kk", "ui-nav-contract") }).click();
  await page.getByRole("heading", { name: t("kk", "ui-contract-title") }).waitFor();

  // The contract: signed two years ago in Pavlodar region, a family of four.
  const signedOn = day({ years: -2 });
  await page.getByText(t("kk", "region-pavlodar"), { exact: true }).click();
  await page.locator("#settlement").fill("Екібастұз");
  await answerDate(page, "#signed-on", signedOn);
  await page.locator("#family").fill("4");
  await page.getByRole("button", { name: t("kk", "ui-contract-save") }).click();

  // Two payments received since.
  const payments = [
    { kind: "relocation_subsidy", amount: "280000", on: day({ years: -2, days: 20 }) },
    { kind: "rent_utilities", amount: "75000", on: day({ years: -1 }) },
  ];
  for (const p of payments) {
    // The kind of support among the choices (the support card above names the kinds too).
    await page.getByRole("radiogroup").getByText(t("kk", `support-${p.kind}`), { exact: true }).click();
    await page.locator("#amount").fill(p.amount);
    await answerDate(page, "#received", p.on);
    await page.getByRole("button", { name: t("kk", "ui-add"), exact: true }).click();
    await page.locator("ul.support > li").filter({ hasText: t("kk", `support-${p.kind}`) }).waitFor();
  }
  const total = payments.reduce((n, p) => n + Number(p.amount), 0);
  await synced(page);

  const login = await api(server.url, "POST", "/v1/auth/login", { body: { email: EMAIL, password: PASSWORD } });
  const token = login.body.access_token;
  const stored = await api(server.url, "GET", "/v1/contract", { token });
  assert.equal(stored.status, 200, "the contract reached the server");
  assert.equal(stored.body.region, "pavlodar");
  assert.equal(stored.body.support.length, 2);

  // Moving next year, before the five years are up: the whole support is at risk.
  const early = day({ years: 1 });
  await answerDate(page, "#leave-on", early);
  const warning = page.getByRole("status").filter({ hasText: "₸" });
  await warning.waitFor();
  const shown = tenge(await warning.innerText());
  const risk = await api(server.url, "GET", `/v1/contract/risk?leave_on=${early}`, { token });
  assert.equal(risk.status, 200);
  assert.equal(risk.body.risk, "high");
  assert.equal(risk.body.refund_due_kzt, total);
  assert.equal(shown, risk.body.refund_due_kzt, "the phone and the server name the same amount");
  await shot(page, "kk-contract-warning", { at: warning });

  // Moving after the end date: nothing to pay back, on the phone and on the server.
  const late = day({ years: 3, days: 2 });
  await answerDate(page, "#leave-on", late);
  await page.getByRole("status").filter({ hasText: "₸" }).waitFor({ state: "detached" });
  const calm = await api(server.url, "GET", `/v1/contract/risk?leave_on=${late}`, { token });
  assert.equal(calm.body.risk, "none");
  assert.equal(calm.body.refund_due_kzt, 0);
  const none = t("kk", "ui-whatif-risk-none").split("{")[0].trim();
  await page.getByRole("status").filter({ hasText: none }).waitFor();
  await context.close();
});
