// The app's free-text view, served as the main job serves it (scripts/site.mjs)
// under the page's own strict Content-Security-Policy, in headless Chromium:
// typing a text lists the indicators the native CLI ranks first, with the
// shared words marked, and no request leaves 127.0.0.1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { openSite, root, screenshot } from "./site.mjs";

test("the free-text view ranks as the CLI does, live, and keeps a hostile text as text", async () => {
  const text = "นักเรียนอ่านออกเสียงบทกลอนได้ถูกต้อง";
  const native = JSON.parse(
    execFileSync(`${root}target/release/sapan`, ["rank", "--input", "-", "--top", "10"], {
      input: JSON.stringify({ id: 1, text, grade: 4 }) + "\n",
      encoding: "utf8",
    }),
  ).ranked.map((m) => m.code);
  assert.ok(native.length > 0);

  const site = await openSite("www");
  try {
    const page = await site.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${site.url}/#free`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    assert.equal(await page.isVisible("#view-free"), true);
    await page.selectOption("#free-grade", "4");
    await page.fill("#free-text", text);
    await page.waitForFunction((n) => document.querySelectorAll("#free-results li").length === n, native.length);
    const codes = await page.$$eval("#free-results li .code", (els) => els.map((e) => e.textContent));
    assert.deepEqual(codes, native);
    assert.match(await page.textContent("#free-status"), new RegExp(`${native.length}`));
    // The shared words are marked in the first indicator's text and in the query.
    assert.ok((await page.locator("#free-results li").first().locator("mark").count()) > 0);
    assert.ok((await page.locator("#free-query mark").count()) > 0);
    await screenshot(page, "app-free-text");

    // Another grade filters the list again, live.
    await page.selectOption("#free-grade", "6");
    await page.waitForFunction(() => [...document.querySelectorAll("#free-results li .code")].every((e) => e.textContent.includes("ป.6")));

    // A hostile text stays text: no element is made from it.
    await page.fill("#free-text", '<img src=x onerror="window.hacked=1">อ่าน');
    await page.waitForFunction(() => document.querySelector("#free-query")?.textContent.includes("<img"));
    assert.equal(await page.evaluate(() => window.hacked), undefined);
    assert.equal(await page.locator("img").count(), 0);
    assert.deepEqual(page.problems, []);
    site.browser.assertNoOffsite();
  } finally {
    await site.close();
  }
});
