// A bundled learning outcome (the draft framework's, several topics, a process clause and
// a competency clause in one sentence) in real Chromium: the teacher app's review card and
// the widget's align mode show its clauses marked in the text, its suggestions grouped
// under the clause each answers, and the competency clause named; a one-clause lesson
// objective beside it looks as it always did. The app's card is saved as
// target/screenshots/clause-view.png; docs/clause-view.png (in the README) is a copy of
// it, taken by hand after a change to the view, so a test run never edits a tracked file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { openSite, root, screenshot, screenshots } from "./site.mjs";
import { widgetModules } from "../../scripts/package.mjs";
import { answersText, clauseKindLabel, emptyClauseText, groupByClause, isBundled } from "../../www/clauses.js";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** The first learning outcome of data/framework/lo_seen.jsonl (science, stage 2, from cbethailand.com). */
const BUNDLED = JSON.parse(readFileSync(join(root, "data/framework/lo_seen.jsonl"), "utf8").split("\n")[0]).text;
/** A lesson objective written for this test: one clause. */
const LESSON = "ตัวอย่าง อ่านออกเสียงบทร้อยกรองได้ถูกต้อง";

const COMPETENCIES = [{ number: 4, nameTh: "การรวมพลังทำงานเป็นทีม", nameEn: "Teamwork and collaboration" }];

test("grouping lists each suggestion once, under the first clause it answers, and says what a clause found", () => {
  const clauses = [
    { span: { start: 0, end: 5 }, text: "a", kind: "content", competencies: [] },
    { span: { start: 6, end: 9 }, text: "b", kind: "content", competencies: [] },
    { span: { start: 10, end: 14 }, text: "c", kind: "content", competencies: [] },
    { span: { start: 15, end: 20 }, text: "d", kind: "competency", competencies: [4] },
  ];
  const matches = [
    { code: "X1", clauses: [0] },
    { code: "X2", clauses: [1, 0] },
    { code: "X3", clauses: [] },
    { code: "X4", clauses: [9] },
  ];
  const { groups, rest } = groupByClause(clauses, matches);
  assert.deepEqual(groups.map((g) => g.items.map((m) => m.code)), [["X1", "X2"], [], [], []]);
  assert.deepEqual(groups[1].also.map((a) => [a.item.code, a.under]), [["X2", 0]]);
  assert.deepEqual(rest.map((m) => m.code), ["X3", "X4"], "a match naming no clause of the outcome goes to the whole outcome");
  assert.equal(emptyClauseText(groups[0], "th"), null);
  assert.equal(emptyClauseText(groups[1], "en"), "X2 (listed under clause 1) answers this clause too");
  assert.equal(emptyClauseText(groups[2], "th"), "ไม่พบตัวชี้วัด");
  assert.equal(emptyClauseText(groups[2], "en"), "No indicator found");
  assert.match(emptyClauseText(groups[3], "th"), /ไม่ใช่เนื้อหา/);
  assert.equal(clauseKindLabel(clauses[3], "th", COMPETENCIES), "สมรรถนะ: การรวมพลังทำงานเป็นทีม");
  assert.equal(clauseKindLabel(clauses[3], "en", COMPETENCIES), "competency: Teamwork and collaboration");
  assert.equal(clauseKindLabel(clauses[0], "en", COMPETENCIES), "content");
  assert.equal(answersText(matches[1], clauses, "th"), "ตอบส่วนที่ 1, 2");
  assert.equal(answersText(matches[0], clauses, "th"), null);
  assert.equal(isBundled({ clauses }), true);
  assert.equal(isBundled({ clauses: [clauses[0]] }), false, "one clause is shown as before");
  assert.equal(isBundled({}), false, "an alignment saved before clauses is shown as before");
});

const ready = (page) => page.waitForFunction(() => document.body.dataset.ready === "true");

/** What a card or a widget outcome shows of its clauses, read from the page. */
function clauseView(root, { group, heading, item, text }) {
  return root.evaluate(
    (el, s) => ({
      marked: [...el.querySelectorAll(`${s.text} .clause`)].map((c) => ({ kind: [...c.classList].find((k) => k.startsWith("is-")), number: c.querySelector(".clause-number")?.textContent })),
      groups: [...el.querySelectorAll(s.group)].map((g) => ({
        kind: [...g.classList].find((k) => k.startsWith("is-")),
        heading: g.querySelector(s.heading)?.textContent ?? "",
        codes: [...g.querySelectorAll(s.item)].map((li) => li.dataset.code),
        text: g.textContent,
      })),
    }),
    { group, heading, item, text },
  );
}

test("the teacher app groups a bundled outcome's suggestions under its clauses and names the competency clause", async () => {
  const site = await openSite("clause-view", { headers: { "Content-Security-Policy": CSP } });
  const page = await site.browser.newPage();
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}/`);
    await ready(page);
    // Pasted as the draft's pages print it: under its stage and area headers (the lesson
    // objective under a header of its own, the 2551 area ภาษาไทย).
    await page.fill(
      "#import-text",
      `ผลลัพธ์การเรียนรู้เมื่อจบช่วงชั้นที่ 2\nสาระการเรียนรู้วิทยาศาสตร์และระบบธรรมชาติ\n1. ${BUNDLED}\nกลุ่มสาระการเรียนรู้ภาษาไทย\n2. ${LESSON}`,
    );
    await page.click("#import-read");
    await page.waitForSelector("#import-table");
    // The preview shows the stage and the draft area where a grade and an area would stand.
    const firstRow = await page.locator("#import-table tbody tr").first().textContent();
    assert.match(firstRow, /ช่วงชั้นที่ 2/);
    assert.match(firstRow, /สาระการเรียนรู้วิทยาศาสตร์และระบบธรรมชาติ/);
    assert.equal(await page.locator("#import-table tbody tr").count(), 2, "the headers are headers, not outcomes");
    await page.click("#import-use");
    await page.waitForSelector("#align-list article");
    const [bundled, lesson] = [page.locator("#align-list article").nth(0), page.locator("#align-list article").nth(1)];
    // The card says where the outcome stands, not "no grade or area given".
    const meta = await bundled.locator(".work-meta").first().textContent();
    assert.match(meta, /ช่วงชั้นที่ 2 · สาระการเรียนรู้วิทยาศาสตร์และระบบธรรมชาติ/);
    const selectors = { group: ".work-clause-group", heading: "h5", item: ".work-suggestion", text: ".work-lo-text" };
    const view = await clauseView(bundled, selectors);

    assert.ok(view.marked.length > 1, "the clauses are marked in the outcome's text");
    assert.deepEqual(view.marked.map((c) => c.number), view.marked.map((_, i) => String(i + 1)), "numbered in order");
    assert.equal(view.groups.length, view.marked.length, "one group per clause");
    for (const [i, g] of view.groups.entries()) assert.ok(g.heading.startsWith(`ส่วนที่ ${i + 1} · `), g.heading);
    const content = view.groups.filter((g) => g.kind === "is-content");
    assert.ok(content.some((g) => g.codes.length > 0), "a suggestion under a content clause");
    for (const g of content) assert.ok(g.codes.length || /ไม่พบตัวชี้วัด|ตอบส่วนนี้ด้วย/.test(g.text), `a content clause says what it found: ${g.text}`);
    const competency = view.groups.find((g) => g.kind === "is-competency");
    assert.ok(competency, "the teamwork clause is a competency clause");
    assert.match(competency.heading, /สมรรถนะ: .*การรวมพลังทำงานเป็นทีม/);
    // Clause headings are headings, each group names itself by its heading, suggestions are lists.
    assert.ok(await bundled.locator(".work-clause-group[aria-labelledby] > h5").count() === view.groups.length);
    assert.ok((await bundled.locator(".work-clause-group ol.work-suggestions > li").count()) > 0);
    // Every suggestion above the low-score disclosure is listed once.
    const codes = view.groups.flatMap((g) => g.codes);
    assert.equal(new Set(codes).size, codes.length);

    // The one-clause objective looks as before: no clause marks, no groups.
    const plain = await clauseView(lesson, selectors);
    assert.deepEqual([plain.marked.length, plain.groups.length], [0, 0]);
    assert.ok((await lesson.locator(":scope > ol.work-suggestions > li").count()) > 0);

    // Confirming a suggestion inside a clause group works as anywhere else.
    const first = bundled.locator(".work-clause-group .work-confirm").first();
    await first.click();
    await page.waitForFunction(() => document.querySelector("#align-list article .work-clause-group .work-confirm[aria-pressed=true]"));

    await page.setViewportSize({ width: 1100, height: 900 });
    mkdirSync(screenshots, { recursive: true });
    await bundled.screenshot({ path: join(screenshots, "clause-view.png") });
    await screenshot(page, "clause-view-app");

    // The printed document names each clause of the bundled outcome above its indicators.
    await page.evaluate(() => (location.hash = "#export"));
    await page.waitForFunction(() => document.querySelector('#print-doc tbody[data-outcome="1"]'));
    const printed = await page.$$eval('#print-doc tbody[data-outcome="1"] tr.print-clause', (rows) => rows.map((r) => r.textContent));
    assert.equal(printed.length, view.groups.length, printed.join("\n"));
    assert.ok(printed[0].startsWith("ส่วนที่ 1 · เนื้อหา:"), printed[0]);
    assert.equal(await page.locator('#print-doc tbody[data-outcome="2"] tr.print-clause').count(), 0, "a one-clause outcome prints as before");
    await page.evaluate(() => (location.hash = "#align"));

    // Search by text: a bundled text pasted there is marked clause by clause, each result
    // saying which clause it answers; the list stays in rank order.
    await page.evaluate(() => (location.hash = "#free"));
    await page.fill("#free-text", BUNDLED);
    await page.waitForFunction(() => document.querySelectorAll("#free-results li").length > 0);
    assert.ok((await page.locator("#free-query .clause").count()) > 1);
    const tags = await page.$$eval("#free-results li .work-tag", (els) => els.map((e) => e.textContent));
    assert.ok(tags.length > 0 && tags.every((t) => /^ตอบส่วนที่ \d/.test(t)), tags.join(", "));
    await page.fill("#free-text", LESSON);
    await page.waitForFunction(() => !document.querySelector("#free-query .clause") && document.querySelectorAll("#free-results li").length > 0);
    assert.equal(await page.locator("#free-results li .work-tag").count(), 0, "a one-clause text is shown as before");
    await page.evaluate(() => (location.hash = "#align"));

    // In English, the same view in English words.
    await page.click("#lang-toggle");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const en = await clauseView(page.locator("#align-list article").nth(0), selectors);
    assert.ok(en.groups[0].heading.startsWith("Clause 1 · content"), en.groups[0].heading);
    assert.match(en.groups.find((g) => g.kind === "is-competency").heading, /competency: .*Teamwork and collaboration/);
    assert.deepEqual(page.problems, [], "no console error or page error");
    site.browser.assertNoOffsite();
  } finally {
    await page.close();
    await site.close();
  }
});

test("the widget's align mode groups a bundled outcome's suggestions under its clauses, in its shadow root", async () => {
  const site = await openSite("clause-view-widget", { headers: { "Content-Security-Policy": CSP } });
  cpSync(join(root, "tests/wasm/pages/widget-page.html"), join(site.dir, "widget-page.html"));
  cpSync(join(root, "tests/wasm/pages/widget-page.css"), join(site.dir, "widget-page.css"));
  for (const f of widgetModules()) cpSync(join(root, "www", f), join(site.dir, f));
  const page = await site.browser.newPage();
  try {
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`${site.url}/widget-page.html`);
    await page.evaluate(async ([bundled, lesson]) => {
      await import("./widget.js");
      const a1 = document.getElementById("a1");
      await a1.ready;
      a1.outcomes = [{ id: "S1", text: bundled }, { id: "L1", text: lesson }];
    }, [BUNDLED, LESSON]);
    await page.waitForSelector("#a1 li.outcome.bundled");
    const selectors = { group: ".clause-group", heading: ".clause-heading", item: "li.match", text: ".outcome-head" };
    const view = await clauseView(page.locator("#a1 li.outcome").nth(0), selectors);
    assert.ok(view.marked.length > 1);
    assert.equal(view.groups.length, view.marked.length);
    assert.ok(view.groups.some((g) => g.kind === "is-content" && g.codes.length), "a suggestion under a content clause");
    assert.match(view.groups.find((g) => g.kind === "is-competency").heading, /สมรรถนะ: .*การรวมพลังทำงานเป็นทีม/);
    assert.equal(await page.locator("#a1 li.outcome").nth(0).locator("h4[part=clause-heading]").count(), view.groups.length);
    const plain = await clauseView(page.locator("#a1 li.outcome").nth(1), selectors);
    assert.deepEqual([plain.marked.length, plain.groups.length], [0, 0]);
    // The clause styles live in the shadow root: the page's own rules do not reach them.
    const border = await page.locator("#a1 .clause-group").first().evaluate((el) => getComputedStyle(el).borderInlineStartWidth);
    assert.equal(border, "3px");
    // Confirm inside a clause group sends the same change as anywhere else.
    await page.locator("#a1 .clause-group button.confirm").first().click();
    await page.waitForSelector("#a1 .clause-group button.confirm[aria-pressed=true]");
    // Search mode: a bundled text typed in says, for each result, which clause it answers.
    await page.locator("#s1 input").fill(BUNDLED);
    await page.waitForFunction(() => document.getElementById("s1").shadowRoot.querySelectorAll("li.match .answers").length > 0);
    const tags = await page.locator("#s1 li.match .answers").allTextContents();
    assert.ok(tags.every((t) => /^ตอบส่วนที่ \d/.test(t)), tags.join(", "));
    await page.locator("#s1 input").fill(LESSON);
    await page.waitForFunction(() => {
      const root = document.getElementById("s1").shadowRoot;
      return root.querySelectorAll("li.match").length > 0 && !root.querySelector("li.match .answers");
    });
    await page.locator("#a1").screenshot({ path: join(screenshots, "clause-view-widget.png") });
    assert.deepEqual(page.problems, [], "no console error or page error");
    site.browser.assertNoOffsite();
  } finally {
    await page.close();
    await site.close();
  }
});
