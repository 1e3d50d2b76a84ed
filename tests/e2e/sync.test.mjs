// Scenarios 3 and 4 of issue 6: answers typed offline survive a reload (the service worker
// opens the app with no connection, the phone's store keeps the answers) and reach the server
// by themselves when the connection comes back; a second phone on the same account sees them,
// and edits made on both phones at once converge; and (issue 14) two phones that changed the same
// answer offline converge live within seconds, each saying what happened to the other's answer.
import assert from "node:assert/strict";
import { test } from "node:test";

import { api, serverAndBrowser, shot, switchableLink } from "./harness.mjs";
import { t } from "./locales.mjs";
import { PASSWORD, answer, answerDate, dateValue, signedInPhone, synced, waitForValue } from "./phone.mjs";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

async function serverAnswers(EMAIL) {
  const login = await api(server.url, "POST", "/v1/auth/login", { body: { email: EMAIL, password: PASSWORD } });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const drafts = await api(server.url, "GET", "/v1/drafts", { token: login.body.access_token });
  assert.equal(drafts.status, 200);
  assert.equal(drafts.body.length, 1, `one draft on the server: ${JSON.stringify(drafts.body)}`);
  return drafts.body[0].answers;
}

test("3. answers typed offline survive a reload and reach the server when back online", async () => {
  const EMAIL = "aigul.seitkali@kosh.test";
  // One phone, online: the first answers go to the server. It reaches the server through a
  // link the test can cut, so that "offline" below holds whatever the browser's emulation does.
  const link = await switchableLink(server);
  const one = await signedInPhone(browser, link, EMAIL, { create: true });
  await answer(one.page, "#q-personal-surname", "Сейітқали");
  await answer(one.page, "#q-personal-given_names", "Айгүл");
  await synced(one.page);
  assert.equal((await serverAnswers(EMAIL))["personal.surname"], "Сейітқали");

  // Offline: the connection is gone and the browser says so. Keep answering; the app says it
  // is offline and keeps them on the phone.
  link.cut();
  await one.context.setOffline(true);
  await answer(one.page, "#q-personal-patronymic", "Нұрланқызы");
  await answerDate(one.page, "#q-personal-birth_date", "1991-04-17");
  await one.page.getByRole("status").getByText(t("kk", "ui-sync-offline").split(".")[0]).waitFor();

  // Reload with no connection: the service worker opens the app, every answer is still there.
  const reload = await one.page.reload();
  assert.ok(reload.fromServiceWorker(), "the page came from the service worker");
  await one.page.locator("#q-personal-surname").waitFor();
  assert.equal(await one.page.locator("#q-personal-surname").inputValue(), "Сейітқали");
  assert.equal(await one.page.locator("#q-personal-given_names").inputValue(), "Айгүл");
  assert.equal(await one.page.locator("#q-personal-patronymic").inputValue(), "Нұрланқызы");
  assert.equal(await dateValue(one.page, "#q-personal-birth_date"), "1991-04-17");
  const before = await serverAnswers(EMAIL);
  assert.equal(before["personal.patronymic"], undefined, "the offline answers have not reached the server yet");

  // Back online: the answers reach the server with nothing pressed.
  link.restore();
  await one.context.setOffline(false);
  await synced(one.page);
  const after = await serverAnswers(EMAIL);
  assert.equal(after["personal.patronymic"], "Нұрланқызы");
  assert.equal(after["personal.birth_date"], "1991-04-17");
  await one.context.close();
});

test("4. a second phone on the same account sees the answers; edits on both phones converge", async () => {
  const EMAIL = "erlan.nurlanuly@kosh.test";
  const one = await signedInPhone(browser, server, EMAIL, { create: true });
  await answer(one.page, "#q-personal-surname", "Нұрланұлы");
  await answer(one.page, "#q-personal-given_names", "Ерлан");
  await synced(one.page);

  // The second phone signs in: its first sync round brings the answers.
  const two = await signedInPhone(browser, server, EMAIL, { create: false });
  await waitForValue(two.page, "#q-personal-surname", "Нұрланұлы");
  assert.equal(await two.page.locator("#q-personal-given_names").inputValue(), "Ерлан");

  // Both edit at once, each a different answer; each phone's next round brings the other's.
  await Promise.all([
    answer(one.page, "#q-personal-given_names", "Ержан"),
    answer(two.page, "#q-personal-patronymic", "Серікұлы"),
  ]);
  await Promise.all([synced(one.page), synced(two.page)]);
  // A phone asks for others' changes when it starts (and every minute): reopen both.
  for (const phone of [one, two]) {
    await phone.page.reload();
    await waitForValue(phone.page, "#q-personal-given_names", "Ержан");
    await waitForValue(phone.page, "#q-personal-patronymic", "Серікұлы");
    assert.equal(await phone.page.locator("#q-personal-surname").inputValue(), "Нұрланұлы");
  }
  const merged = await serverAnswers(EMAIL);
  assert.equal(merged["personal.given_names"], "Ержан");
  assert.equal(merged["personal.patronymic"], "Серікұлы");
  await one.context.close();
  await two.context.close();
});

test("5. two phones offline change the same answer; reconnecting a second apart, both show the winner and say so within 5 s", async () => {
  const EMAIL = "dana.abenova@kosh.test";
  const SURNAME = "#q-personal-surname";
  // Each phone reaches the server through a link of its own, so each can be cut and restored.
  const [linkOne, linkTwo] = [await switchableLink(server), await switchableLink(server)];
  const one = await signedInPhone(browser, linkOne, EMAIL, { create: true });
  await answer(one.page, SURNAME, "Әбенова");
  await synced(one.page);
  const two = await signedInPhone(browser, linkTwo, EMAIL, { create: false });
  await waitForValue(two.page, SURNAME, "Әбенова");

  // Both offline; the same answer changed on each, phone two's a moment later (it wins).
  const offline = t("kk", "ui-sync-offline").split(".")[0];
  for (const [phone, link] of [[one, linkOne], [two, linkTwo]]) {
    link.cut();
    await phone.context.setOffline(true);
    await phone.page.getByRole("status").getByText(offline).waitFor();
  }
  await answer(one.page, SURNAME, "Әбенова-Нұр");
  await answer(two.page, SURNAME, "Абенова");

  // Phone one comes back first and sends its answer; phone two a second later.
  linkOne.restore();
  await one.context.setOffline(false);
  await synced(one.page);
  assert.equal((await serverAnswers(EMAIL))["personal.surname"], "Әбенова-Нұр");
  await new Promise((resolveLater) => setTimeout(resolveLater, 1000));
  linkTwo.restore();
  const back = Date.now();
  await two.context.setOffline(false);

  // Within 5 s both phones show phone two's answer, each saying what happened to the other.
  const within = { timeout: 5000 };
  const lost = one.page.locator(`${SURNAME}-elsewhere`);
  const replaced = two.page.locator(`${SURNAME}-elsewhere`);
  await Promise.all([
    one.page.waitForFunction(
      ([sel, v]) => document.querySelector(sel)?.value === v,
      [SURNAME, "Абенова"],
      { polling: 100, ...within },
    ),
    lost.getByText(t("kk", "ui-sync-changed-elsewhere")).waitFor(within),
    replaced.getByText(t("kk", "ui-sync-replaced-elsewhere")).waitFor(within),
    one.page.getByRole("status").getByText(t("kk", "ui-sync-synced")).waitFor(within),
    two.page.getByRole("status").getByText(t("kk", "ui-sync-synced")).waitFor(within),
  ]);
  const took = Date.now() - back;
  assert.ok(took < 5000, `converged ${took} ms after the second phone came back`);
  assert.equal(await two.page.locator(SURNAME).inputValue(), "Абенова");
  // Each names the answer that lost: phone one's own.
  assert.match(await lost.innerText(), /Әбенова-Нұр/);
  assert.match(await replaced.innerText(), /Әбенова-Нұр/);
  assert.equal((await serverAnswers(EMAIL))["personal.surname"], "Абенова");
  await shot(one.page, "sync-5-lost", { at: lost });
  await shot(two.page, "sync-5-kept", { at: replaced });
  await one.context.close();
  await two.context.close();
});
