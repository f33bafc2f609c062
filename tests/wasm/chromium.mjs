// Headless Chromium for the browser tests and the benchmark: Debian's
// /usr/bin/chromium (a Playwright browser download fails offline), driven by
// playwright-core, with a fresh temporary profile each launch.
//
// Every request of every page is recorded. Teachers' data never leaves the
// page, so a request to anything but the test's own servers on 127.0.0.1 (or
// a data:/blob: URL) is aborted and listed in `offsite`; `assertNoOffsite()`
// fails the test when the list is not empty.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";

export const executablePath = process.env.SAPAN_CHROMIUM ?? "/usr/bin/chromium";

// Without the networking flags Chromium's own background connections
// (component updates, sync, QUIC probes) fail noisily on an offline machine.
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches Chromium. `allow(url)` adds a server (`http://127.0.0.1:<port>`)
 * whose requests are fine; everything else is aborted and recorded.
 * Returns `{ context, newPage, allow, requests, offsite, assertNoOffsite, close }`.
 */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "sapan-chromium-"));
  // Playwright passes --user-data-dir itself for a persistent context.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args,
    serviceWorkers: "block",
  });
  const origins = new Set();
  const requests = [];
  const offsite = [];
  const allowed = (url) => {
    if (url.startsWith("data:") || url.startsWith("blob:")) return true;
    try {
      const u = new URL(url);
      return u.protocol === "http:" && u.hostname === "127.0.0.1" && origins.has(u.origin);
    } catch {
      return false;
    }
  };
  // Every request of every page of the context (frames and workers included)
  // is recorded; routing aborts the offsite ones before they are sent.
  context.on("request", (request) => {
    const url = request.url();
    requests.push(url);
    if (!allowed(url)) offsite.push(url);
  });
  await context.route("**/*", (route) =>
    allowed(route.request().url()) ? route.continue() : route.abort("blockedbyclient"),
  );
  return {
    context,
    requests,
    offsite,
    allow(url) {
      origins.add(new URL(url).origin);
    },
    /** A new page whose console errors and uncaught exceptions are collected in `page.problems`. */
    async newPage() {
      const page = await context.newPage();
      page.problems = [];
      page.on("console", (m) => m.type() === "error" && page.problems.push(`console: ${m.text()}`));
      page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
      return page;
    },
    assertNoOffsite() {
      assert.deepEqual(offsite, [], "requests left 127.0.0.1");
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
