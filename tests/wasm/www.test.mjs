// The page the main job serves (www/, scripts/run) in headless Chromium:
// typing a text lists the indicators the native CLI ranks first, under the
// page's own strict Content-Security-Policy, with no request leaving 127.0.0.1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/server.mjs";
import { launch } from "./chromium.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const site = `${root}target/www-test`;

test("the free-text page ranks as the CLI does", async () => {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(`${site}/pkg`, { recursive: true });
  for (const f of ["index.html", "app.js", "style.css"]) cpSync(`${root}www/${f}`, `${site}/${f}`);
  for (const f of ["sapan.js", "sapan_bg.wasm"]) cpSync(`${root}pkg/${f}`, `${site}/pkg/${f}`);
  const text = "นักเรียนอ่านออกเสียงบทกลอนได้ถูกต้อง";
  const native = JSON.parse(
    execFileSync(`${root}target/release/sapan`, ["rank", "--input", "-", "--top", "10"], {
      input: JSON.stringify({ id: 1, text, grade: 4 }) + "\n",
      encoding: "utf8",
    }),
  ).ranked.map((m) => m.code);

  const server = await serve(site);
  const browser = await launch();
  browser.allow(server.url);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.getElementById("status").textContent.includes("พร้อม"));
    await page.fill("#text", text);
    await page.selectOption("#grade", "4");
    await page.waitForFunction((n) => document.querySelectorAll("#results li").length === n, native.length);
    const codes = await page.$$eval("#results li .code", (els) => els.map((e) => e.textContent));
    assert.deepEqual(codes, native);
    // The shared words are marked inside the first indicator's text.
    assert.ok((await page.locator("#results li").first().locator("mark").count()) > 0);
    // A hostile text stays text: no element is made from it.
    await page.fill("#text", '<img src=x onerror="window.hacked=1">อ่าน');
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.hacked), undefined);
    assert.equal(await page.locator("img").count(), 0);
    assert.deepEqual(page.problems, []);
    browser.assertNoOffsite();
  } finally {
    await browser.close();
    await server.close();
  }
});
