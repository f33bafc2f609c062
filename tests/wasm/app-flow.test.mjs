// The teacher app from end to end, as the "done when" describes it:
// pasted outcomes → suggestions → a teacher's decisions → reload (all kept) →
// coverage → exported CSV → print document. Served with the strict
// Content-Security-Policy as an HTTP header (not only the page's meta tag),
// with a hostile outcome text on board the whole way, and the export and
// print reached by keyboard alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { openSite, screenshot } from "./site.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

// Example texts written for this test (labelled ตัวอย่าง, not official LOs);
// the second carries markup that must stay text in every view.
const PASTED = [
  "1. ตัวอย่าง อ่านออกเสียงบทร้อยกรองได้ถูกต้อง",
  '2. ตัวอย่าง <img src=x onerror="window.hacked=1"> หาผลบวกและผลลบของจำนวนนับ',
  "3. ตัวอย่าง อธิบายหน้าที่ของรากและลำต้นของพืช",
].join("\n");

const ready = (page) => page.waitForFunction(() => document.body.dataset.ready === "true");

/** Presses Tab until the focused element matches `selector` (keyboard only). */
async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** The decisions as the align view shows them: code → "confirmed" | "rejected", per card. */
function shownDecisions(page) {
  return page.$$eval("#align-list article", (cards) =>
    cards.map((card) => {
      const out = {};
      for (const li of card.querySelectorAll(".work-suggestion")) {
        if (li.querySelector('.work-confirm[aria-pressed="true"]')) out[li.dataset.code] = "confirmed";
        if (li.querySelector('.work-reject[aria-pressed="true"]')) out[li.dataset.code] = "rejected";
      }
      return out;
    }),
  );
}

async function assertInert(page) {
  assert.equal(await page.evaluate(() => window.hacked), undefined, "the hostile text never ran");
  assert.equal(await page.locator("img").count(), 0, "no element was made from the text");
}

test("pasted outcomes to a printed, exported table: decisions survive a reload, text stays text, strict CSP", async () => {
  const site = await openSite("app-flow", { headers: { "Content-Security-Policy": CSP } });
  const page = await site.browser.newPage();
  const violations = [];
  page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${site.url}/`);
    await ready(page);
    assert.equal(await page.evaluate(() => location.hash), "#import", "a new user starts at import");

    await page.fill("#import-text", PASTED);
    await page.click("#import-read");
    await page.waitForSelector("#import-table");
    assert.equal(await page.locator("#import-table tbody tr").count(), 3);
    await page.click("#import-use");
    await page.waitForSelector("#align-list article");
    assert.equal(await page.locator("#align-list article").count(), 3);
    await assertInert(page);
    assert.ok((await page.locator("#align-list article").nth(1).textContent()).includes('<img src=x onerror="window.hacked=1">'));

    // Confirm the first suggestion of outcome 1; reject one of outcome 3.
    const first = page.locator("#align-list article").first();
    const confirmed = await first.locator(".work-suggestion").first().getAttribute("data-code");
    await first.locator(".work-confirm").first().click();
    const third = page.locator("#align-list article").nth(2);
    const rejected = await third.locator(".work-suggestion").first().getAttribute("data-code");
    await third.locator(".work-reject").first().click();
    await page.waitForFunction(() => document.querySelector("#align-progress").textContent.includes("2"));
    const note = first.locator("textarea").first();
    await note.fill("ตัวอย่างบันทึก: ตรวจกับครูประจำชั้นแล้ว");
    await note.blur();
    const before = await shownDecisions(page);
    assert.equal(before[0][confirmed], "confirmed");
    assert.equal(before[2][rejected], "rejected");

    // Reload: everything comes back from the browser's storage.
    // No waiting for the save: the app flushes pending work when the page is hidden.
    await page.reload();
    await ready(page);
    await page.evaluate(() => (location.hash = "#align"));
    await page.waitForSelector("#align-list article");
    assert.deepEqual(await shownDecisions(page), before, "every decision is back after a reload");
    assert.equal(await page.locator("#align-list article").first().locator("textarea").first().inputValue(), "ตัวอย่างบันทึก: ตรวจกับครูประจำชั้นแล้ว");

    // Coverage reflects the decisions; the hostile text is still text there.
    await page.evaluate(() => (location.hash = "#coverage"));
    await page.waitForSelector("#coverage-matrix");
    await assertInert(page);
    await screenshot(page, "app-flow-coverage");

    // Export and print by keyboard alone, from the tab bar.
    await page.evaluate(() => document.getElementById("skip-link").focus());
    await tabTo(page, '#tabs button[data-view="export"]');
    await page.keyboard.press("Enter");
    await tabTo(page, "#export-csv");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const csv = readFileSync(await download.path(), "utf8");
    assert.ok(csv.startsWith("\uFEFF"), "Excel reads Thai: a byte-order mark");
    const rows = csv.slice(1).split("\r\n");
    const confirmedRow = rows.find((r) => r.startsWith("1,") && r.includes(`,${confirmed},`));
    assert.ok(confirmedRow?.endsWith(",confirmed,ครูยืนยัน,"), `the confirmed row is marked (a one-clause outcome: its clause cell empty): ${confirmedRow}`);
    assert.ok(!rows.some((r) => r.startsWith("3,") && r.includes(`,${rejected},`)), "the rejected indicator is not exported");
    assert.ok(rows.some((r) => r.includes('ตัวอย่าง <img src=x onerror=""window.hacked=1"">')), "the outcome text is exported as written");

    await tabTo(page, "#export-print");
    await page.evaluate(() => (window.print = () => (window.printed = true)));
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => window.printed), true);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator("#tabs").isVisible(), false, "the print view hides the app");
    const printed = await page.locator(".print-doc").textContent();
    assert.ok(printed.includes(confirmed) && printed.includes("สอดคล้อง"));
    await assertInert(page);

    assert.deepEqual(violations, [], "no Content-Security-Policy violation");
    assert.deepEqual(page.problems, []);
    site.browser.assertNoOffsite();
  } finally {
    await site.close();
  }
});
