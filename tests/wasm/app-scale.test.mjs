// 10,000 learning outcomes in the teacher app without freezing it: aligned in
// a Web Worker in chunks (www/app/aligner.js, align-worker.js), with progress
// shown and Cancel possible, under the strict CSP header; the chunks put
// together equal `engine.align` on the whole list; the align view shows the
// cards a page at a time; a reload restores and realigns the same way.
// The outcomes are the 115 real dev texts (data/gold/dev.jsonl) repeated
// with distinct ids. Nothing here measures time: "responsive" means that a
// click and typing are handled (and answered) while the work is under way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, Engine } from "../../pkg/sapan.js";
import { createAligner, mergeAlignments, SYNC_LIMIT } from "../../www/app/aligner.js";
import { countable } from "../../www/app/coverage-view.js";
import { openSite, screenshot } from "./site.mjs";
import { devTexts, wasmBytes } from "./reference.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";
const texts = devTexts();
const textOf = (i) => texts[i % texts.length].text.replace(/\s+/g, " ");
/**
 * `n` outcomes as CSV text with a header, as a teacher pastes a spreadsheet's
 * columns. (Not a numbered list: the text reader takes list numbers of up to
 * three digits, so "1000." would continue outcome 999.)
 */
const pastedCsv = (n, prefix = "lo-") => ["id,text", ...Array.from({ length: n }, (_, i) => `${prefix}${i + 1},"${textOf(i).replace(/"/g, '""')}"`)].join("\n");

/** Puts `text` in the import box as a paste does (one input event; Playwright's fill of 2 MB is very slow). */
const paste = (page, text) =>
  page.evaluate((text) => {
    const box = document.getElementById("import-text");
    box.value = text;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);

test("chunks aligned apart and put together equal the alignment of the whole list (and count the same coverage)", () => {
  initSync({ module: wasmBytes() });
  const engine = new Engine();
  // Own grades and areas on some outcomes, so that matches name codes outside
  // the options' candidates (the covers' list must add them as the core does).
  const outcomes = texts.map((d, i) => ({ id: `lo-${i + 1}`, text: d.text, grade: i % 3 ? d.grade : null, area: i % 5 ? null : d.area }));
  for (const settings of [{ grade: 5, area: null }, { grade: null, area: null }, { grade: null, area: "ค" }]) {
    const options = { topK: 10, ...settings };
    const whole = engine.align(outcomes, options);
    const parts = [];
    for (let at = 0; at < outcomes.length; at += 17) parts.push(engine.align(outcomes.slice(at, at + 17), options));
    const order = new Map(engine.align([], { topK: 0 }).indicators.map((i, n) => [i.code, n]));
    const candidates = engine.align([], options).indicators.map((i) => i.code);
    assert.deepEqual(mergeAlignments(parts, candidates, order), whole, `merged chunks, ${JSON.stringify(settings)}`);
    // The coverage view hands the engine only ids, codes, scores and relations: the same coverage.
    assert.deepEqual(engine.coverage(countable(whole)), engine.coverage(whole), "coverage of the slim alignment");

    // The app's aligner: the whole list; then the list with two outcomes
    // taken out and two added, reusing what was aligned before.
    const aligner = createAligner(engine);
    const project = { outcomes, settings };
    assert.deepEqual(aligner.now(project), whole);
    const changed = { outcomes: [...outcomes.filter((_, i) => i !== 3 && i !== 60), ...outcomes.slice(0, 2).map((o) => ({ ...o, id: `${o.id}-again` }))], settings };
    assert.ok(!aligner.large(changed, { project, alignment: whole }), "two new outcomes are aligned at once");
    assert.deepEqual(aligner.now(changed, { project, alignment: whole }), engine.align(changed.outcomes, options), "reused and new, put together");
  }
  assert.ok(createAligner(engine).large({ outcomes: outcomes.concat(outcomes).concat(outcomes).map((o, i) => ({ ...o, id: `x${i}` })), settings: {} }), `more than ${SYNC_LIMIT} new outcomes go to the worker`);
});

const ready = (page) => page.waitForFunction(() => document.body.dataset.ready === "true");
const aligning = (page) => page.evaluate(() => !document.getElementById("app-aligning").hidden);
const progressValue = (page) => page.evaluate(() => document.getElementById("app-aligning-progress").value);

/** Waits until the aligning panel shows progress strictly between 0 and the end; returns the values seen. */
async function waitMidway(page, seen) {
  await page.waitForFunction(() => {
    const p = document.getElementById("app-aligning-progress");
    return !document.getElementById("app-aligning").hidden && p.value > 0 && p.value < p.max;
  });
  seen.add(await progressValue(page));
}

/** While the panel shows work: types in the free-text view and waits for its suggestions; returns whether the work was still under way when they came. */
async function typeWhileAligning(page) {
  await page.click('#tabs button[data-view="free"]');
  await page.fill("#free-text", "อ่านออกเสียงบทร้อยแก้วและบทร้อยกรองได้ถูกต้อง");
  await page.waitForSelector("#free-results li");
  return aligning(page);
}

test("10,000 outcomes: progress, a page that answers, Cancel keeps the old project, the full run equals engine.align, a reload restores", { timeout: 600_000 }, async () => {
  const site = await openSite("app-scale", { headers: { "Content-Security-Policy": CSP } });
  const page = await site.browser.newPage();
  const violations = [];
  page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${site.url}/#import`);
    await ready(page);

    // The project before: three outcomes, aligned at once (no worker, no panel).
    await paste(page, pastedCsv(3));
    await page.click("#import-read");
    await page.click("#import-use");
    await page.waitForFunction(() => document.querySelectorAll("#align-list article").length === 3);
    assert.equal(await aligning(page), false, "a small list is aligned at once");

    // 10,000 pasted, used in place of the three: the work goes to the worker.
    const big = pastedCsv(10_000);
    await page.evaluate(() => (location.hash = "#import"));
    await paste(page, big);
    await page.click("#import-read", { timeout: 120_000 });
    await page.waitForSelector("#import-replace", { timeout: 120_000 });
    await page.click("#import-replace");
    const seen = new Set();
    await waitMidway(page, seen);
    // The three already aligned (same ids, texts and settings) are not aligned again.
    assert.match(await page.textContent("#app-aligning-label"), /9,997/);
    assert.equal(await page.locator("#app-aligning-cancel").isVisible(), true);
    // The work is in the worker (were it refused, say by the CSP, the app would align on the page instead).
    assert.ok(page.workers().some((w) => w.url().endsWith("/app/align-worker.js")), "the alignment worker runs");
    assert.equal(await page.locator("#align-list article").count(), 3, "the old project stays until the new one is aligned");
    assert.equal(await typeWhileAligning(page), true, "typing was answered while aligning");
    await waitMidway(page, seen);
    await screenshot(page, "app-scale-aligning");

    // Cancel mid-way, by keyboard: the three outcomes stay, the pasted text is still there.
    await page.focus("#app-aligning-cancel");
    await page.keyboard.press("Enter");
    assert.equal(await aligning(page), false);
    await page.waitForFunction(() => !document.getElementById("view-import").hidden);
    assert.equal(await page.inputValue("#import-text"), big, "the pasted list is kept");
    assert.match(await page.textContent("#app-status"), /ยกเลิก/);
    await page.evaluate(() => (location.hash = "#align"));
    await page.waitForFunction(() => document.querySelectorAll("#align-list article").length === 3);
    assert.equal(await page.textContent("#align-progress"), "ตรวจแล้ว 0 จาก 3 ข้อ", "the project is the one before");

    // The full run: progress advances through several values, then 50 cards a page.
    await page.evaluate(() => {
      const bar = document.getElementById("app-aligning-progress");
      window.progressSeen = new Set();
      new MutationObserver(() => window.progressSeen.add(bar.value)).observe(bar, { attributes: true, attributeFilter: ["value"] });
      location.hash = "#import";
    });
    // First another list (other ids); mid-way, the list wanted replaces it:
    // the newer change supersedes the older work, whose results never land.
    await paste(page, pastedCsv(10_000, "other-"));
    await page.click("#import-read", { timeout: 120_000 });
    await page.waitForSelector("#import-replace", { timeout: 120_000 });
    await page.click("#import-replace");
    await waitMidway(page, seen);
    await page.evaluate(() => (location.hash = "#import"));
    await paste(page, big);
    await page.click("#import-read", { timeout: 120_000 });
    await page.waitForSelector("#import-replace", { timeout: 120_000 });
    await page.click("#import-replace");
    await waitMidway(page, seen);
    await page.evaluate(() => (location.hash = "#coverage"));
    await waitMidway(page, seen);
    await page.evaluate(() => (location.hash = "#align"));
    await page.waitForFunction(() => document.getElementById("app-aligning").hidden, null, { timeout: 300_000 });
    const values = await page.evaluate(() => [...window.progressSeen]);
    assert.ok(values.length >= 3, `progress advanced through several values: ${values}`);
    await page.waitForFunction(() => document.querySelector("#align-progress")?.textContent === "ตรวจแล้ว 0 จาก 10000 ข้อ");
    assert.equal(await page.locator("#align-list article").count(), 50, "one page of cards");
    assert.equal(await page.textContent("#align-list article .work-id"), "lo-1", "the newer list, not the superseded one");
    assert.equal(await page.locator('#align-list article[data-outcome-id^="other-"]').count(), 0);
    assert.match(await page.textContent("#align-pager-top"), /1–50 จาก 10000/);

    // What the app shows equals engine.align on a sample: page 1 and the last outcome.
    // A card of a many-clause outcome lists its suggestions clause by clause, so
    // there the same suggestions are compared in the engine's order.
    const bundled = [];
    const shownMatches = async () => {
      const cards = await page.$$eval("#align-list article", (cards) =>
        cards.map((card) => ({
          clauses: Boolean(card.querySelector(".work-clause-group")),
          list: [...card.querySelectorAll(".work-suggestion")].map((li) => [li.dataset.code, li.querySelector(".work-score").textContent.replace(/^\D+/, "")]),
        })),
      );
      bundled.splice(0, bundled.length, ...cards.map((c) => c.clauses));
      return cards.map((c) => (c.clauses ? [...c.list].sort() : c.list));
    };
    const expected = (outcomes) =>
      page.evaluate(async (outcomes) => {
        const { loadEngine } = await import("/engine.js");
        const { scoreText } = await import("/domain.js");
        const engine = await loadEngine();
        return engine.align(outcomes, { topK: 10 }).outcomes.map((oa) => oa.matches.map((m) => [m.code, scoreText(m.score)]));
      }, outcomes).then((lists) => lists.map((list, i) => (bundled[i] ? [...list].sort() : list)));
    const outcome = (i) => ({ id: `lo-${i + 1}`, text: textOf(i) });
    assert.deepEqual(await shownMatches(), await expected(Array.from({ length: 50 }, (_, i) => outcome(i))), "page 1 equals engine.align");
    await page.click("#align-pager-bottom .work-pager-next");
    assert.equal(await page.evaluate(() => document.activeElement?.closest("article") === document.querySelector("#align-list article")), true, "the next page's first card has focus");
    assert.deepEqual(await shownMatches(), await expected(Array.from({ length: 50 }, (_, i) => outcome(i + 50))), "page 2 equals engine.align");
    await page.fill("#align-filter", "lo-10000");
    await page.waitForFunction(() => document.querySelectorAll("#align-list article").length === 1);
    assert.deepEqual(await shownMatches(), await expected([outcome(9999)]), "the last outcome equals engine.align");
    await page.fill("#align-filter", "");

    // A decision on a page-2 card keeps focus, as on a small project.
    await page.click("#align-pager-top .work-pager-next");
    const confirm = page.locator("#align-list article").first().locator(".work-confirm").first();
    await confirm.click();
    await page.waitForFunction(() => document.querySelector("#align-progress").textContent === "ตรวจแล้ว 1 จาก 10000 ข้อ");
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("work-confirm")), true);

    // The coverage matrix shows the LOs a set at a time.
    await page.evaluate(() => (location.hash = "#coverage"));
    await page.waitForSelector("#coverage-matrix");
    assert.equal(await page.locator("#coverage-matrix thead th[scope=col]:not(.corner)").count(), 50);
    assert.match(await page.textContent("#coverage-pager"), /1–50 จาก 10000/);
    await page.click("#coverage-next");
    await page.waitForFunction(() => /51–100/.test(document.getElementById("coverage-pager").textContent));

    // Reload: the saved project is aligned again in the worker, no Cancel
    // (dropping it would lose the saved work), and the page answers meanwhile.
    await page.evaluate(() => (location.hash = "#export"));
    await page.waitForFunction(() => document.getElementById("save-state")?.dataset.state === "saved", null, { timeout: 60_000 });
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => !document.getElementById("app-aligning").hidden && document.getElementById("app-aligning-progress").value < document.getElementById("app-aligning-progress").max);
    assert.match(await page.textContent("#app-aligning-label"), /โครงการที่บันทึกไว้/);
    assert.equal(await page.locator("#app-aligning-cancel").isVisible(), false, "restoring cannot be cancelled");
    await page.evaluate(() => (location.hash = "#align"));
    await page.waitForSelector("#align-waiting");
    assert.equal(await page.locator("#align-to-import").count(), 0, "no 'import first' while the saved project opens");
    assert.equal(await typeWhileAligning(page), true, "typing was answered while restoring");
    await page.evaluate(() => (location.hash = "#align"));
    await page.waitForFunction(() => document.getElementById("app-aligning").hidden, null, { timeout: 300_000 });
    await page.waitForFunction(() => document.querySelector("#align-progress")?.textContent === "ตรวจแล้ว 1 จาก 10000 ข้อ");
    assert.equal(await page.locator("#align-list article").count(), 50);

    assert.deepEqual(violations, [], "no Content-Security-Policy violation (the worker runs under script-src 'self')");
    assert.deepEqual(page.problems, []);
    site.browser.assertNoOffsite();
  } finally {
    await site.close();
  }
});
