// The browser tests' harness: the real server on a free port with a temporary data directory,
// serving the web build, and Debian's Chromium at a phone's size with touch.
//
// `./kosh test` builds both and says where they are (KOSH_E2E_SERVER, KOSH_E2E_WEB_DIR); run
// alone (`npm test` here) it looks for the debug server and target/kosh-web of a previous run.
// Nothing here waits by the clock: the server is ready when it prints its `listening on` line,
// the page when the selectors a test waits for appear.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createServer, connect } from "node:net";
import { createInterface } from "node:readline";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "..", "..");
export const serverBin = process.env.KOSH_E2E_SERVER ?? join(repoRoot, "target", "debug", "kosh-backend");
export const webDir = process.env.KOSH_E2E_WEB_DIR ?? join(repoRoot, "target", "kosh-web");
export const shotsDir = join(repoRoot, "target", "e2e-shots");
const chromiumPath = process.env.KOSH_E2E_CHROMIUM ?? "/usr/bin/chromium";

/** A phone: the size of a common one (390x844 CSS px), touch, a mobile user agent's layout. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** The narrowest phone the layout promises to serve without overflow. */
export const NARROW = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** The residence form as the app and server ship it. */
export const FORM = JSON.parse(readFileSync(join(repoRoot, "shared", "forms", "residence-2026.v2.json"), "utf8"));

export const OFFICER = { email: "officer@kosh.test", password: "officer-password-1" };

function need(path, what) {
  if (!existsSync(path)) {
    throw new Error(`${what} is missing at ${path}: run ./kosh test from the repository's root, which builds it`);
  }
}

function run(args, env, input) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(serverBin, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolveRun(out) : reject(new Error(`kosh-backend ${args.join(" ")} exited ${code}: ${out}`))));
    child.stdin.end(input ?? "");
  });
}

/**
 * Starts kosh-backend on 127.0.0.1:0 with a fresh data directory (holding one officer account)
 * and the web build; resolves once it prints `listening on http://…`.
 */
export async function startServer() {
  need(serverBin, "the server (kosh-backend)");
  need(join(webDir, "index.html"), "the web build");
  const dataDir = mkdtempSync(join(tmpdir(), "kosh-e2e-"));
  const env = {
    ...process.env,
    KOSH_ADDR: "127.0.0.1:0",
    KOSH_DATA_DIR: dataDir,
    KOSH_WEB_DIR: webDir,
    RUST_LOG: process.env.RUST_LOG ?? "warn",
  };
  await run(["create-officer", "--email", OFFICER.email], env, `${OFFICER.password}\n`);

  const child = spawn(serverBin, ["serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const log = [];
  child.stderr.on("data", (d) => log.push(String(d)));
  const url = await new Promise((resolveUrl, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      log.push(line);
      const m = line.match(/listening on (http:\/\/\S+)/);
      if (m) resolveUrl(m[1].replace(/\/$/, ""));
    });
    child.on("exit", (code) => reject(new Error(`kosh-backend exited ${code} before listening:\n${log.join("")}`)));
    child.on("error", reject);
  });
  const stopped = new Promise((r) => child.on("exit", r));
  return {
    url,
    dataDir,
    log,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await stopped;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A phone's connection to the server that a test can cut, as a tunnel or a dead 3G cell cuts it:
 * every open connection through it is closed, and new ones are refused until it is restored.
 * A page opened at `link.url` then loses the server for real. Chromium's offline emulation
 * (`context.setOffline`) alone did not always hold: in about one run of the whole suite in
 * eight, an answer typed under it reached the server around the page's reload, in a request
 * cancelled before its answer (the server logged no sync), so tests that need the server out of
 * reach cut this link as well. The harness closes every link after a file's tests.
 */
export async function switchableLink(server) {
  const target = new URL(server.url);
  const open = new Set();
  let up = true;
  // Every byte through the link, as the phone's radio would carry it (headers included).
  const carried = { toPhone: 0, fromPhone: 0 };
  const link = createServer((phone) => {
    if (!up) {
      phone.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    open.add(phone);
    open.add(upstream);
    const drop = () => {
      phone.destroy();
      upstream.destroy();
      open.delete(phone);
      open.delete(upstream);
    };
    phone.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    phone.on("data", (chunk) => (carried.fromPhone += chunk.length));
    upstream.on("data", (chunk) => (carried.toPhone += chunk.length));
    phone.pipe(upstream);
    upstream.pipe(phone);
  });
  await new Promise((resolveListen) => link.listen(0, "127.0.0.1", resolveListen));
  const handle = {
    url: `http://127.0.0.1:${link.address().port}`,
    /** The bytes carried so far each way: `{ toPhone, fromPhone }`. */
    carried() {
      return { ...carried };
    },
    cut() {
      up = false;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      up = true;
    },
    close() {
      this.cut();
      links.delete(handle);
      return new Promise((resolveClose) => link.close(resolveClose));
    },
  };
  links.add(handle);
  return handle;
}

/** The links a file's tests opened, closed after them. */
const links = new Set();

/** Debian's Chromium, headless, with nothing reaching out to the internet on its own. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A new phone-sized browsing context (its own storage: a separate device). */
export function newPhone(browser, options = {}) {
  return browser.newContext({ ...PHONE, locale: "kk-KZ", ...options });
}

/**
 * Saves what the screen shows under target/e2e-shots/<name>.png, and for a screen longer than
 * the phone's, its end as <name>-end.png (a full-page capture would paint the fixed bottom
 * navigation in the middle of the page). With `at`, the screen scrolled to that element.
 */
export async function shot(page, name, { at } = {}) {
  mkdirSync(shotsDir, { recursive: true });
  if (at) {
    // The part of the screen the test is about, as the person scrolled to it.
    await at.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shotsDir, `${name}.png`) });
    return;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shotsDir, `${name}.png`) });
  const long = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 8);
  if (long) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.screenshot({ path: join(shotsDir, `${name}-end.png`) });
    await page.evaluate(() => window.scrollTo(0, 0));
  }
}

/** JSON over the API, as a test checking the server's side would call it. */
export async function api(base, method, path, { token, body } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** Starts the server and a browser before a file's tests, hands them to `use`, and stops both
 * after the tests. */
export function serverAndBrowser(use) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    use(server, browser);
  });
  after(async () => {
    await Promise.all([...links].map((link) => link.close()));
    await browser?.close();
    await server?.stop();
  });
}
