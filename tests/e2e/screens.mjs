// Looking at a screen the way a person does: the words on it, the fonts that drew them, and
// whether anything runs off the side.
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { repoRoot } from "./harness.mjs";
import { messages } from "./locales.mjs";

/**
 * The text of every visible text node on the page, trimmed, in document order: the screen's own
 * words, so text marked as written in another language than the app's (`lang` on an element
 * inside the app, as the summary's Kazakh and Russian parts are) is left out.
 */
export function visibleTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const screenLang = document.querySelector(".kosh")?.getAttribute("lang");
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      if (!text || n.parentElement.closest("script, style, [hidden]")) continue;
      const marked = n.parentElement.closest(".kosh [lang]");
      if (screenLang && marked && marked.getAttribute("lang") !== screenLang) continue;
      const el = n.parentElement;
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (style.display === "none" || style.visibility === "hidden" || r.width === 0 || r.height === 0) continue;
      out.push(text);
    }
    // Placeholders and accessible names are read too.
    for (const el of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
      for (const a of ["placeholder", "aria-label", "title"]) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
}

// What a Fluent key looks like when a translation is missing and the key itself shows.
const KEY = /\b(ui|form|error|validation|region|support|stage|outcome|criterion|mobile|country|policy)-[a-z0-9_]+(?:-[a-z0-9_]+)*\b/;
// Languages' own names and the script samples: the same in every language by design.
const NATIVE = ["Қазақша", "Qazaqşa", "Русский", "Oʻzbekcha", "中文", "English"];

// The form's examples (shown as placeholders) are data, not words of a language: names as a
// passport writes them in Latin letters, for one.
function formExamples() {
  const form = JSON.parse(readFileSync(join(repoRoot, "shared", "forms", "residence-2026.v2.json"), "utf8"));
  const out = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "example" && typeof x === "string") out.push(x);
        else walk(x);
      }
    }
  };
  walk(form);
  return out.filter((x) => /[A-Za-z]/.test(x)).sort((a, b) => b.length - a.length);
}
const EXAMPLES = formExamples();

function stripAllowed(text) {
  let t = text;
  for (const name of [...NATIVE, ...EXAMPLES]) t = t.split(name).join(" ");
  // Web addresses and emails (sources, examples) are not words of a language, and names of
  // exams and documents in capitals (KAZTEST, IELTS) are written so in every language.
  t = t.replace(/\b[A-Z]{2,}\b/g, " ");
  return t.replace(/\S+@\S+|\b[\w.-]+\.(?:kz|ru|com|org|gov|uz|cn)\b\S*/g, " ");
}

/**
 * What on the screen is not in `lang`: key names shown instead of words, and words in the
 * wrong script (Latin letters on a Cyrillic screen and the other way round) or in English.
 */
export function foreignTexts(texts, lang) {
  const english = new Set(
    [...messages("en").values()]
      .flatMap((m) => m.split(/[^A-Za-z]+/))
      .filter((w) => w.length >= 4)
      .map((w) => w.toLowerCase()),
  );
  const problems = [];
  for (const text of texts) {
    if (KEY.test(text)) {
      problems.push(`key shown instead of words: "${text}"`);
      continue;
    }
    if (/\{\s*\$|\{\s*-?[a-z]+\s*\}/.test(text)) {
      problems.push(`a message's placeholder shown unfilled: "${text}"`);
      continue;
    }
    const t = stripAllowed(text);
    if (lang === "kk" || lang === "ru") {
      const latin = t.match(/[A-Za-zÀ-ɏ]{2,}/g) ?? [];
      if (latin.length) problems.push(`Latin letters on a Cyrillic screen: "${text}" (${latin.join(", ")})`);
    }
    if (lang === "kk-Arab") {
      const cyr = t.match(/[\u0400-\u04ff]{2,}/g) ?? [];
      if (cyr.length) problems.push(`Cyrillic on an Arabic-script Kazakh screen: "${text}" (${cyr.join(", ")})`);
      const en = (t.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => english.has(w.toLowerCase()));
      if (en.length > 1) problems.push(`English on an Arabic-script Kazakh screen: "${text}" (${en.join(", ")})`);
    }
    if (lang === "kk-Latn") {
      const cyr = t.match(/[\u0400-\u04ff]{2,}/g) ?? [];
      if (cyr.length) problems.push(`Cyrillic on a Latin Kazakh screen: "${text}" (${cyr.join(", ")})`);
      const en = (t.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => english.has(w.toLowerCase()));
      if (en.length > 1) problems.push(`English on a Latin Kazakh screen: "${text}" (${en.join(", ")})`);
    }
  }
  return problems;
}

/**
 * Every element that holds letters of `letters` (a character class's inside; Cyrillic unless
 * told) directly, with the fonts Chromium used to draw them (DevTools protocol
 * `CSS.getPlatformFontsForNode`): `[{ text, fonts }]`.
 */
export async function fontsOfLetters(context, page, letters = "\u0400-\u04ff") {
  const count = await page.evaluate((range) => {
    const script = new RegExp(`[${range}]`);
    let i = 0;
    for (const el of document.querySelectorAll("body *")) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("");
      if (script.test(own) && el.getClientRects().length) el.setAttribute("data-e2e-font", String(i++));
    }
    return i;
  }, letters);
  const cdp = await context.newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "[data-e2e-font]" });
  const out = [];
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    const { outerHTML } = await cdp.send("DOM.getOuterHTML", { nodeId });
    out.push({ text: outerHTML.replace(/<[^>]+>/g, ""), fonts });
  }
  await cdp.detach();
  await page.evaluate(() => document.querySelectorAll("[data-e2e-font]").forEach((el) => el.removeAttribute("data-e2e-font")));
  if (out.length !== count) throw new Error(`marked ${count} elements, found ${out.length}`);
  return out;
}

/**
 * Text that a person would see cut off or running into its neighbour (`problems`): the page
 * scrolling sideways, text past the screen's edge or clipped by its box, two pieces of text
 * drawn over each other. And what reads badly without hiding anything (`warnings`): a word
 * split over two lines.
 */
export function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const warnings = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw + 1) {
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide on a ${vw}px screen`);
    }
    // The part of an element's box that scrolling containers around it let through.
    const clip = (el) => {
      let box = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const st = getComputedStyle(a);
        if (st.overflowX === "visible" && st.overflowY === "visible") continue;
        const r = a.getBoundingClientRect();
        box = {
          left: Math.max(box.left, r.left),
          top: Math.max(box.top, r.top),
          right: Math.min(box.right, r.right),
          bottom: Math.min(box.bottom, r.bottom),
        };
      }
      return box;
    };
    // Bars fixed to the screen (header, bottom navigation) have the page scroll beneath them.
    const pinned = (el) => {
      for (let a = el; a; a = a.parentElement) {
        const p = getComputedStyle(a).position;
        if (p === "fixed" || p === "sticky") return a;
      }
      return null;
    };
    const boxes = [];
    for (const el of document.querySelectorAll("body *")) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own.length) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") continue;
      // Words for screen readers only (a 1 px box hiding its overflow, the usual pattern, as
      // the tab labels at large text): no one sees them, so nothing can overlap them.
      const box = el.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1 && style.overflowX === "hidden") continue;
      const text = el.textContent.trim().slice(0, 40);
      for (const node of own) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const c = clip(el);
        for (const full of range.getClientRects()) {
          const r = {
            left: Math.max(full.left, c.left),
            top: Math.max(full.top, c.top),
            right: Math.min(full.right, c.right),
            bottom: Math.min(full.bottom, c.bottom),
          };
          if (r.right - r.left <= 0 || r.bottom - r.top <= 0) continue; // scrolled out of sight
          if (r.right > vw + 1 || r.left < -1) problems.push(`"${text}" runs past the screen's edge (${Math.round(r.left)}..${Math.round(r.right)} of ${vw})`);
          boxes.push({ el, text, r, pin: pinned(el) });
        }
        // A word split over two lines reads as two words (a label too wide for its box).
        for (const m of node.textContent.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
          const word = document.createRange();
          word.setStart(node, m.index);
          word.setEnd(node, m.index + m[0].length);
          const tops = new Set([...word.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) warnings.push(`"${m[0]}" is broken over two lines (in "${text}")`);
        }
      }
      if (el.scrollWidth > el.clientWidth + 1 && ["hidden", "clip"].includes(style.overflowX) && style.textOverflow !== "ellipsis") {
        problems.push(`"${text}" is cut off by its box (${el.scrollWidth}px in ${el.clientWidth}px)`);
      }
    }
    // Two lines of text drawn over each other (more than a sliver: antialiasing and line
    // boxes touch).
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (boxes[i].pin !== boxes[j].pin) continue;
        if (w > 4 && h > 4 && boxes[i].el !== boxes[j].el && !boxes[i].el.contains(boxes[j].el) && !boxes[j].el.contains(boxes[i].el)) {
          problems.push(`"${boxes[i].text}" and "${boxes[j].text}" overlap`);
        }
      }
    }
    return { problems: [...new Set(problems)], warnings: [...new Set(warnings)] };
  });
}
