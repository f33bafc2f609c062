// The teacher app for browser tests: the site assembled exactly as the main
// job serves it (scripts/site.mjs), in its own directory under target/, served
// on 127.0.0.1, with Chromium launched and allowed to reach only that server.
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mkdirSync } from "node:fs";
import { assembleSite } from "../../scripts/site.mjs";
import { serve } from "../../scripts/server.mjs";
import { launch } from "./chromium.mjs";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const screenshots = join(root, "target/screenshots");

/**
 * Assembles the site into target/site-test/<name> and serves it.
 * `headers`: extra response headers (e.g. a Content-Security-Policy).
 * Resolves to `{ url, dir, browser, close }`; `browser` is `launch()`'s result.
 */
export async function openSite(name, { headers } = {}) {
  const dir = assembleSite(join(root, "target/site-test", name));
  const server = await serve(dir, { headers });
  const browser = await launch();
  browser.allow(server.url);
  mkdirSync(screenshots, { recursive: true });
  return {
    url: server.url,
    dir,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Saves a screenshot as target/screenshots/<name>.png (for reviewers: look at them). */
export async function screenshot(page, name, options = {}) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true, ...options });
}

/**
 * Records every Content-Security-Policy violation of `page` in `window.cspViolations`
 * ("<directive> blocked <URI>"), from before its first script; call before `goto`.
 */
export function recordViolations(page) {
  return page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}`);
    });
  });
}

/**
 * The checks a page of the widget tests ends with: no CSP violation (recorded by
 * recordViolations), no console error or page error, no request off 127.0.0.1. Then it is closed.
 */
export async function finishPage(site, page) {
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], "no CSP violation");
  assert.deepEqual(page.problems, [], "no console error or page error");
  site.browser.assertNoOffsite();
  await page.close();
}
