// The teacher app's working views in real Chromium: importing outcomes
// (pasted, from a file, the example set) with a preview before anything
// changes, reviewing the engine's suggestions (confirm, reject, add by code or
// words), by mouse and by keyboard alone, with every text kept as text.
// Each test gets its own browser profile, so no saved project leaks between tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSite, screenshot } from "./site.mjs";

// Clearly labelled example texts (not official learning outcomes). Line 1 is
// not numbered, so the reader reports it as a problem on line 1.
const PASTED = [
  "ตัวอย่างผลลัพธ์การเรียนรู้สำหรับทดสอบ (ไม่ใช่ฉบับทางการ)",
  "1. ตัวอย่าง อ่านออกเสียงบทร้อยกรองได้ถูกต้อง",
  "2. ตัวอย่าง หาผลบวกและผลลบของจำนวนนับ",
  "3. ตัวอย่าง อธิบายหน้าที่ของรากและลำต้นของพืช",
].join("\n");

async function start(name, viewport = { width: 1366, height: 768 }) {
  const site = await openSite(`app-work-${name}`);
  const page = await site.browser.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${site.url}/#import`);
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  return { site, page };
}

async function finish({ site, page }) {
  try {
    assert.deepEqual(page.problems, []);
    site.browser.assertNoOffsite();
  } finally {
    await site.close();
  }
}

/** Waits for the align view to be shown and mounted (it loads on first use: app/lazy-view.js keeps it aria-busy until then). */
const alignShown = (page) =>
  page.waitForFunction(() => {
    const view = document.getElementById("view-align");
    return !view.hidden && !view.hasAttribute("aria-busy");
  });

/** Reads `text` through the paste box and applies it with the first apply button. */
async function importPasted(page, text) {
  await page.fill("#import-text", text);
  await page.click("#import-read");
  await page.waitForSelector("#import-preview");
  await page.locator("#import-use, #import-add").first().click();
  await alignShown(page);
}

async function importExamples(page) {
  await page.click("#import-example");
  await page.waitForSelector("#import-table");
  await page.click("#import-use");
  await page.waitForSelector("#align-list article");
}

const progress = (page) => page.textContent("#align-progress");

test("pasted outcomes are previewed with problems by line, and each gets suggestions once used", async () => {
  const run = await start("paste");
  const { page } = run;
  try {
    await page.fill("#import-text", PASTED);
    await page.click("#import-read");
    await page.waitForSelector("#import-table");
    // Nothing has changed yet: the preview lists what was read.
    assert.equal(await page.locator("#import-table tbody tr").count(), 3);
    assert.equal(await page.locator("#import-table caption").count(), 1);
    assert.equal(await page.locator('#import-table th[scope="col"]').count(), 5);
    const problem = page.locator('#import-problems li[data-line="1"]');
    assert.equal(await problem.count(), 1);
    assert.match(await problem.textContent(), /บรรทัด 1/);
    assert.match(await page.textContent("#import-summary"), /text/);
    assert.equal(await page.inputValue("#import-text"), PASTED, "the pasted text stays in the box");
    assert.equal(await page.locator("#import-replace").count(), 0, "an empty project offers one 'use' button");
    await screenshot(page, "app-import-preview");

    await page.click("#import-use");
    await alignShown(page);
    assert.equal(await page.evaluate(() => location.hash), "#align");
    const cards = page.locator("#align-list article");
    assert.equal(await cards.count(), 3);
    for (let i = 0; i < 3; i++) assert.ok((await cards.nth(i).locator(".work-suggestion").count()) > 0, `outcome ${i + 1} has suggestions`);
    assert.match(await cards.first().locator("h3").textContent(), /อ่านออกเสียงบทร้อยกรอง/);
    assert.match(await page.textContent("#app-status"), /3/);
    assert.equal(await progress(page), "ตรวจแล้ว 0 จาก 3 ข้อ");

    // A second list: cancel leaves the project as it was; "add" appends.
    await page.click('#tabs button[data-view="import"]');
    await page.fill("#import-text", "1. ตัวอย่าง เขียนเรียงความเรื่องครอบครัว\n2. ตัวอย่าง วาดภาพทิวทัศน์");
    await page.click("#import-read");
    await page.waitForSelector("#import-add");
    await page.click("#import-cancel");
    assert.equal(await page.locator("#import-preview").count(), 0);
    assert.match(await page.textContent("#import-current"), /3 ข้อ/);
    await page.click("#import-read");
    await page.click("#import-add");
    await page.waitForFunction(() => document.querySelectorAll("#align-list article").length === 5);
    assert.equal(await progress(page), "ตรวจแล้ว 0 จาก 5 ข้อ");
  } finally {
    await finish(run);
  }
});

test("confirm and reject are toggles that change the review and keep focus on the button", async () => {
  const run = await start("review");
  const { page } = run;
  try {
    await importExamples(page);
    const card = page.locator("#align-list article").first();
    // Low-scoring suggestions wait behind a disclosure; open it as a teacher would.
    const lowCount = await card.locator("details.work-low").count();
    if (lowCount) await card.locator("details.work-low > summary").click();
    const first = card.locator(".work-suggestion").first();
    const second = card.locator(".work-suggestion").nth(1);
    const code = await first.getAttribute("data-code");
    const secondCode = await second.getAttribute("data-code");
    // The button's accessible name says which indicator it concerns.
    const confirm = card.getByRole("button", { name: `ยืนยัน ${code}`, exact: true });
    assert.equal(await confirm.getAttribute("aria-pressed"), "false");

    await confirm.click();
    await page.waitForFunction(() => document.querySelector("#align-progress").textContent === "ตรวจแล้ว 1 จาก 20 ข้อ");
    assert.equal(await card.locator(".work-suggestion").first().locator(".work-confirm").getAttribute("aria-pressed"), "true");
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains("work-confirm")), true);
    assert.equal(await page.evaluate(() => document.activeElement.closest("li").dataset.code), code);
    // A confirmed match offers the relation level.
    assert.equal(await card.locator(".work-suggestion").first().locator("select").count(), 1);

    await second.locator(".work-reject").click();
    await page.waitForFunction(
      (c) => document.querySelector(`#align-list article .work-suggestion[data-code="${c}"]`).classList.contains("is-rejected"),
      secondCode,
    );
    assert.equal(await card.locator(".work-suggestion").nth(1).locator(".work-reject").getAttribute("aria-pressed"), "true");
    assert.equal(await progress(page), "ตรวจแล้ว 1 จาก 20 ข้อ");

    // Pressing again takes each decision back.
    await card.locator(".work-suggestion").first().locator(".work-confirm").click();
    await card.locator(".work-suggestion").nth(1).locator(".work-reject").click();
    await page.waitForFunction(() => document.querySelector("#align-progress").textContent === "ตรวจแล้ว 0 จาก 20 ข้อ");
    assert.equal(await card.locator('[aria-pressed="true"]').count(), 0);

    // A decision on another card leaves this one's DOM alone (one card re-rendered).
    await page.evaluate(() => (document.querySelector("#align-list article").dataset.marker = "kept"));
    await page.locator("#align-list article").nth(1).locator(".work-confirm").first().click();
    await page.waitForFunction(() => document.querySelector("#align-progress").textContent === "ตรวจแล้ว 1 จาก 20 ข้อ");
    assert.equal(await page.evaluate(() => document.querySelector("#align-list article").dataset.marker), "kept");
    await page.locator("#align-list article").nth(1).locator("details.work-low > summary").click();
    await page.locator("#align-list article").nth(1).locator(".work-reject").nth(1).click();
    // The card with a confirmed and a rejected suggestion, as a teacher sees it.
    const reviewed = () => page.evaluate(() => document.querySelectorAll("#align-list article")[1].scrollIntoView({ block: "start" }));
    await reviewed();
    await screenshot(page, "app-align", { fullPage: false });
    await page.setViewportSize({ width: 768, height: 1024 });
    await reviewed();
    await screenshot(page, "app-align-tablet", { fullPage: false });
    // Nothing sticks out sideways on a tablet held upright.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 768));
  } finally {
    await finish(run);
  }
});

test("the example set loads 20 outcomes labelled as examples, each with its source link", async () => {
  const run = await start("examples");
  const { page } = run;
  try {
    await page.click("#import-example");
    await page.waitForSelector("#import-table");
    const notice = page.locator("#import-preview .work-example-notice");
    assert.match(await notice.textContent(), /ไม่ใช่ผลลัพธ์การเรียนรู้ฉบับทางการ/);
    assert.match(await notice.textContent(), /not official learning outcomes/);
    assert.equal(await page.locator("#import-table tbody tr").count(), 20);
    const hrefs = await page.$$eval("#import-table a", (as) => as.map((a) => a.getAttribute("href")));
    assert.equal(hrefs.length, 20);
    assert.ok(hrefs.every((href) => href.startsWith("https://")));

    await page.click("#import-use");
    await page.waitForSelector("#align-list article");
    assert.equal(await page.locator("#align-list article").count(), 20);
    const banner = page.locator("#view-align .work-example-notice");
    assert.match(await banner.textContent(), /not official learning outcomes/);
    assert.match(await banner.textContent(), /20/);
    assert.equal(await page.locator("#align-list article .work-source a").count(), 20);
    assert.equal(await page.locator("#align-list article .work-tag-example").count(), 20);
  } finally {
    await finish(run);
  }
});

test("a hostile outcome text is shown as text, never as markup", async () => {
  const run = await start("hostile");
  const { page } = run;
  try {
    const hostile = '<img src=x onerror="window.hacked=1">';
    await page.fill("#import-text", `1. ${hostile} ตัวอย่าง อ่านออกเสียง`);
    await page.click("#import-read");
    await page.waitForSelector("#import-table");
    assert.match(await page.textContent("#import-table tbody"), /<img src=x/);
    await page.click("#import-use");
    await page.waitForSelector("#align-list article");
    assert.ok((await page.textContent("#align-list article h3")).includes("<img src=x"));
    assert.equal(await page.locator("img").count(), 0);
    assert.equal(await page.evaluate(() => window.hacked), undefined);
  } finally {
    await finish(run);
  }
});

test("keyboard alone: paste, read, use the list and confirm the first suggestion", async () => {
  const run = await start("keyboard");
  const { page } = run;
  const focused = () => page.evaluate(() => ({ id: document.activeElement.id, cls: document.activeElement.className }));
  const tabUntil = async (pred, limit = 40) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      if (pred(await focused())) return;
    }
    assert.fail(`focus never reached the element (last: ${JSON.stringify(await focused())})`);
  };
  try {
    await tabUntil((f) => f.id === "import-text");
    await page.keyboard.insertText(PASTED);
    await page.keyboard.press("Tab");
    assert.equal((await focused()).id, "import-read");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#import-preview");
    assert.equal((await focused()).id, "import-preview-heading", "focus moves to the preview");
    await tabUntil((f) => f.id === "import-use");
    await page.keyboard.press("Enter");
    await alignShown(page);
    await tabUntil((f) => f.cls.includes("work-confirm"));
    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.querySelector("#align-progress").textContent === "ตรวจแล้ว 1 จาก 3 ข้อ");
    const state = await page.evaluate(() => ({
      pressed: document.activeElement.getAttribute("aria-pressed"),
      first: document.activeElement === document.querySelector("#align-list .work-confirm"),
    }));
    assert.deepEqual(state, { pressed: "true", first: true });
    // The focus is visible: the shell draws an outline on :focus-visible.
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "none");
  } finally {
    await finish(run);
  }
});

test("an indicator is added by its code or found by words, and a malformed code is searched as words", async () => {
  const run = await start("add");
  const { page } = run;
  try {
    await importPasted(page, PASTED);
    const card = page.locator("#align-list article").nth(1);
    const search = card.locator('input[type="search"]');
    await search.fill("ค1.1 ป4/1");
    await card.locator(".work-search-results li").first().waitFor();
    assert.equal(await card.locator(".work-search-results .code").first().textContent(), "ค 1.1 ป.4/1");
    await card.getByRole("button", { name: "เพิ่ม ค 1.1 ป.4/1", exact: true }).click();
    await page.waitForSelector('#align-list article:nth-child(2) .work-suggestion.is-added[data-code="ค 1.1 ป.4/1"]');
    assert.equal(await progress(page), "ตรวจแล้ว 1 จาก 3 ข้อ");
    const searchFocused = await page.evaluate(() => document.activeElement.type === "search");
    assert.ok(searchFocused, "focus returns to the search box");

    // A code in the curriculum's form that does not exist is said so.
    const status = card.locator(".work-search .work-hint");
    await search.fill("ค 9.9 ป.4/1");
    await page.waitForFunction(() => document.querySelector("#align-list article:nth-child(2) .work-search .work-hint").textContent.includes("ไม่มีตัวชี้วัด"));
    // "ท 1.1" cannot be read as a code (no grade): searched as words, no error.
    await search.fill("ท 1.1");
    await page.waitForFunction(() => /ผลการค้น|ไม่พบ/.test(document.querySelector("#align-list article:nth-child(2) .work-search .work-hint").textContent));

    await search.fill("เศษส่วน");
    await page.waitForFunction(() => document.querySelectorAll("#align-list article:nth-child(2) .work-search-results li").length > 0);
    assert.match(await status.textContent(), /ผลการค้น/);
    const add = card.locator(".work-search-results .work-add").first();
    const code = await add.evaluate((b) => b.closest("li").querySelector(".code").textContent);
    await add.click();
    await page.waitForSelector(`#align-list article:nth-child(2) .work-suggestion.is-added[data-code="${code}"]`);
    assert.equal(await card.locator(".work-suggestion.is-added").count(), 2);
    // Taking an added indicator out is possible too.
    await card.getByRole("button", { name: `เอาออก ${code}`, exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll("#align-list article:nth-child(2) .work-suggestion.is-added").length === 1);
  } finally {
    await finish(run);
  }
});

test("a file is read as UTF-8, a Windows-874 one decoded with a notice naming it", async () => {
  const run = await start("file");
  const { page } = run;
  try {
    const csv = "id,text,grade,area\nตัวอย่าง-1,อ่านออกเสียงบทร้อยกรองได้ถูกต้อง,4,ท\nตัวอย่าง-2,หาผลบวกของจำนวนนับ,9,ค\n";
    await page.setInputFiles("#import-file", { name: "ตัวอย่าง.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.waitForSelector("#import-table");
    assert.equal(await page.locator("#import-table tbody tr").count(), 2);
    assert.match(await page.textContent("#import-summary"), /csv/);
    assert.ok((await page.locator("#import-problems li").count()) >= 1, "grade 9 is reported");

    // "ภาษาไทย" in Windows-874 (Thai Excel's CSV): decoded, and the preview says so.
    // (tests/wasm/app-bad-input.test.mjs has every other encoding and bad file.)
    const tis620 = Buffer.from([0x69, 0x64, 0x2c, 0x74, 0x65, 0x78, 0x74, 0x0a, 0x31, 0x2c, 0xc0, 0xd2, 0xc9, 0xd2, 0xe4, 0xb7, 0xc2, 0x0a]);
    await page.click("#import-cancel");
    await page.setInputFiles("#import-file", { name: "thai-874.csv", mimeType: "text/csv", buffer: tis620 });
    await page.waitForFunction(() => document.querySelector("#import-notice")?.textContent.includes("thai-874.csv"));
    assert.match(await page.textContent("#import-notice"), /Windows-874/);
    assert.equal(await page.textContent("#import-table tbody td.work-text-cell"), "ภาษาไทย");
  } finally {
    await finish(run);
  }
});

test("a note survives its card being redrawn, and an outcome can be removed and brought back", async () => {
  const run = await start("remove");
  const { page } = run;
  try {
    await importPasted(page, PASTED);
    const card = page.locator("#align-list article").first();
    await card.locator("textarea").fill("ตัวอย่างบันทึก: ตรวจกับหัวหน้ากลุ่มสาระ");
    // Confirming redraws the card; the note (saved on leaving the box) is still there.
    await card.locator(".work-confirm").first().click();
    await page.waitForFunction(() => document.querySelector("#align-progress").textContent === "ตรวจแล้ว 1 จาก 3 ข้อ");
    assert.equal(await card.locator("textarea").inputValue(), "ตัวอย่างบันทึก: ตรวจกับหัวหน้ากลุ่มสาระ");
    await card.locator(".work-remove").click();
    await page.waitForFunction(() => document.querySelectorAll("#align-list article").length === 2);
    assert.equal(await progress(page), "ตรวจแล้ว 0 จาก 2 ข้อ");
    await page.click("#align-undo-button");
    await page.waitForFunction(() => document.querySelectorAll("#align-list article").length === 3);
    assert.equal(await progress(page), "ตรวจแล้ว 1 จาก 3 ข้อ");
    assert.equal(await page.locator("#align-list article").first().locator("textarea").inputValue(), "ตัวอย่างบันทึก: ตรวจกับหัวหน้ากลุ่มสาระ");
  } finally {
    await finish(run);
  }
});

test("with no outcomes the align view sends the teacher to import", async () => {
  const run = await start("empty");
  const { page } = run;
  try {
    await page.click('#tabs button[data-view="align"]');
    await page.click("#align-to-import");
    await page.waitForFunction(() => !document.getElementById("view-import").hidden && document.activeElement.tagName === "H2");
  } finally {
    await finish(run);
  }
});
