// What the app should show, read from the same Fluent files the app embeds, so the tests find
// screens by the words a person reads rather than by markup that may change.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { repoRoot } from "./harness.mjs";

const cache = new Map();

/**
 * The plain messages of one language folder (`kk`, `ru`, `en` …): every `key = text` whose text
 * fits on one line. Messages with variables keep their `{ $x }` placeholders; tests that need
 * them use `pattern()`.
 */
export function messages(folder) {
  if (cache.has(folder)) return cache.get(folder);
  const dir = join(repoRoot, "locales", folder);
  const out = new Map();
  if (existsSync(dir)) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl")).sort()) {
      for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
        const m = line.match(/^([a-zA-Z][\w-]*)\s*=\s*(\S.*)$/);
        if (m) out.set(m[1], m[2].trim());
      }
    }
  }
  cache.set(folder, out);
  return out;
}

/** One message's text; throws when the key is missing so a renamed key fails loudly. */
export function t(folder, key) {
  const text = messages(folder).get(key);
  if (text === undefined) throw new Error(`locales/${folder} has no one-line message ${key}`);
  return text.replace(/\{\s*"\\u00A0"\s*\}/g, "\u00a0");
}

/** A message with variables as a RegExp: each `{ $x }` matches any text. */
export function pattern(folder, key) {
  const parts = t(folder, key).split(/\{\s*\$\w+\s*\}/);
  return new RegExp(parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+"));
}

export function hasLanguage(folder) {
  return messages(folder).size > 0;
}
