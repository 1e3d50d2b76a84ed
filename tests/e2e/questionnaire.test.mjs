// Scenario 2 of issue 6: a person fills the whole questionnaire on the phone, section by
// section, with realistic answers (each question's example from the form: a civil engineer
// from Uzbekistan with his family). The skip logic shows and hides the kandas section as he
// answers, a wrong email gets an error under it that goes when corrected, and at the end the
// review screen has nothing missing and the server holds the same answers.
import assert from "node:assert/strict";
import { test } from "node:test";

import { api, FORM, serverAndBrowser, shot } from "./harness.mjs";
import { pattern, t } from "./locales.mjs";
import { PASSWORD, answer, answerDate, signedInPhone, synced } from "./phone.mjs";

let server;
let browser;
serverAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

/** The element ids the app gives a question's box and its whole field. */
const inputId = (id) => `q-${id.replaceAll(".", "-")}`;

/** Waits for the section counter ("1-бөлім, барлығы 12") to say `n` sections. */
async function countBecomes(page, n) {
  const counter = page.getByText(pattern("kk", "ui-form-progress")).first();
  await page.waitForFunction(
    ([el, want]) => Number(el.innerText.match(/\d+/g)?.at(-1)) === want,
    [await counter.elementHandle(), n],
    { polling: 100 },
  );
}

async function sectionCount(page) {
  const text = await page.getByText(pattern("kk", "ui-form-progress")).first().innerText();
  return Number(text.match(/\d+/g).at(-1));
}

/** Answers one question (or a repeat group's cell) with the widget its kind has. */
async function give(page, question, id, value) {
  const field = page.locator(`#${inputId(id)}-field`);
  const pick = (v) => field.locator(`label:has(input[value="${v}"])`).first().click();
  switch (question.kind) {
    case "text":
    case "email":
    case "phone":
    case "number":
      await answer(page, `#${inputId(id)}`, String(value));
      break;
    case "date":
      await answerDate(page, `#${inputId(id)}`, value);
      break;
    case "yes_no":
      await field.getByRole("button", { name: t("kk", value ? "ui-yes" : "ui-no"), exact: true }).click();
      break;
    case "single_choice":
    case "language_level":
    case "country":
    case "region":
      await pick(value);
      break;
    case "multi_choice":
      for (const v of value) await pick(v);
      break;
    case "repeat":
      for (const [index, row] of value.entries()) {
        await field.getByRole("button", { name: t("kk", "ui-form-repeat-add") }).last().click();
        for (const child of question.questions) {
          if (!(child.id in row)) continue;
          const cell = `${id}.${index}.${child.id}`;
          await page.locator(`#${inputId(cell)}-field`).waitFor();
          await give(page, child, cell, row[child.id]);
        }
      }
      break;
    default:
      throw new Error(`no widget known for ${question.kind} (${id})`);
  }
}

test("2. the whole questionnaire filled on the phone, with skip logic and an inline error corrected", async () => {
  const EMAIL = "yerlan.nurlanuly@kosh.test";
  const { context, page } = await signedInPhone(browser, server, EMAIL, { create: true });
  const given = {};

  // Skip logic: "are you an ethnic Kazakh?" adds the kandas section, and "no" takes it away.
  const kazakh = page.locator("#q-personal-is_ethnic_kazakh-field");
  const unanswered = await sectionCount(page);
  await kazakh.getByRole("button", { name: t("kk", "ui-yes"), exact: true }).click();
  await countBecomes(page, unanswered + 1);
  await kazakh.getByRole("button", { name: t("kk", "ui-no"), exact: true }).click();
  await countBecomes(page, unanswered);

  for (const [index, section] of FORM.sections.entries()) {
    if (section.id === "kandas") {
      // Reached only because the person said yes in the first section.
      await page.getByRole("heading", { name: t("kk", "form-section-kandas") }).waitFor();
    }
    await page.getByRole("heading", { name: t("kk", `form-section-${section.id}`) }).waitFor();
    if (section.id === "contacts") {
      // A wrong answer: an email without its domain. The error shows under the question.
      const field = page.locator("#q-contacts-email-field");
      await answer(page, "#q-contacts-email", "yerlan.example.com");
      const error = field.getByRole("alert");
      await error.waitFor();
      assert.ok(!/validation-|error-/.test(await error.innerText()), "the error is in words");
      await shot(page, "kk-form-inline-error", { at: field });
      await answer(page, "#q-contacts-email", "yerlan@example.com");
      await error.waitFor({ state: "detached" });
    }
    for (const question of section.questions) {
      if (!(await page.locator(`#${inputId(question.id)}-field`).count())) continue; // not asked
      const value = question.id === "personal.is_ethnic_kazakh" ? true : question.example;
      await give(page, question, question.id, value);
      given[question.id] = value;
      if (question.id === "personal.is_ethnic_kazakh") await countBecomes(page, unanswered + 1);
    }
    assert.equal(await page.getByRole("alert").count(), 0, `no errors left in ${section.id}`);
    const last = index === FORM.sections.length - 1;
    await page.getByRole("button", { name: t("kk", last ? "ui-form-to-review" : "ui-form-next"), exact: true }).click();
  }

  assert.ok("kandas.origin_country" in given, "the kandas section was asked");
  assert.ok(Object.keys(given).length >= 50, `answered ${Object.keys(given).length} questions`);

  // The review: nothing missing. The server has every answer, without anything pressed.
  await page.getByRole("heading", { name: t("kk", "ui-review-title") }).waitFor();
  await page.getByText(t("kk", "ui-review-all-done")).waitFor();
  await shot(page, "kk-review-done");
  await synced(page);
  const login = await api(server.url, "POST", "/v1/auth/login", { body: { email: EMAIL, password: PASSWORD } });
  const drafts = await api(server.url, "GET", "/v1/drafts", { token: login.body.access_token });
  const answers = drafts.body[0].answers;
  for (const [id, value] of Object.entries(given)) {
    assert.deepEqual(answers[id], value, `${id} on the server`);
  }
  await context.close();
});
