// The teacher app's result views in real Chromium: a project file (three
// example LOs with a confirmed, a rejected and an added decision, and a note)
// is opened through the export view; coverage counts as the engine does;
// downloads carry the reviewed alignment; the work survives a reload through
// IndexedDB; a failing save says so and offers the project file; printing
// shows only the A4 document.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync, Engine } from "../../pkg/sapan.js";
import { decide, emptyProject, projectFile, reviewedAlignment, withNote, withOutcomes } from "../../www/project.js";
import { RESULTS } from "../../www/app/results-i18n.js";
import { openSite, screenshot, screenshots, root } from "./site.mjs";

initSync({ module: readFileSync(join(root, "pkg/sapan_bg.wasm")) });
const engine = new Engine();
const examples = readFileSync(join(root, "data/samples/example_objectives.json"), "utf8");
const outcomes = engine.parseOutcomes(examples, { name: "example_objectives.json" }).outcomes.slice(0, 3);

// The project as a teacher would have left it; the app aligns as the store
// does (topK 10, no grade or area setting).
let project = withOutcomes(emptyProject(), outcomes, "replace");
const alignment = engine.align(project.outcomes, { topK: 10 });
const [first, second] = alignment.outcomes;
const confirmed = first.matches[0];
const rejected = first.matches[1];
const added = engine.indicator("ค 1.1 ป.4/1");
project = decide(project, first.outcome.id, confirmed.code, { status: "confirmed", relation: "aligned" });
project = decide(project, first.outcome.id, rejected.code, { status: "rejected", relation: "aligned" });
project = decide(project, second.outcome.id, added.code, { status: "added", relation: "partial", score: 0, text: added.text });
project = withNote(project, outcomes[2].id, "ตัวอย่างบันทึกย่อ: ตรวจอีกครั้งกับครูภาษาไทย");
const file = { name: "ตัวอย่าง-โครงการ.sapan.json", mimeType: "application/json", buffer: Buffer.from(projectFile(project)) };
const reviewed = reviewedAlignment(alignment, project);
const coverage = engine.coverage(reviewed);

/** Opens the app in its own Chromium (its own IndexedDB) and runs `fn(page, site)`. */
async function withApp(name, fn, { initScript, viewport = { width: 1366, height: 768 } } = {}) {
  const site = await openSite(`app-results-${name}`);
  try {
    const page = await site.browser.newPage();
    await page.setViewportSize(viewport);
    if (initScript) await page.addInitScript(initScript);
    await page.goto(`${site.url}/#export`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await fn(page, site);
    assert.deepEqual(page.problems, []);
    site.browser.assertNoOffsite();
  } finally {
    await site.close();
  }
}

/** Opens the project file in the export view and applies it with `button` ("replace" or "merge"). */
async function openProject(page, button = "replace", upload = file) {
  await page.click("button[data-view=export]");
  await page.setInputFiles("#project-open", upload);
  await page.locator("#project-preview").waitFor();
  await page.click(`#project-${button}`);
  await page.locator("#project-file-message").waitFor();
}

async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
}

test("every result string exists in Thai and in English", () => {
  assert.deepEqual(Object.keys(RESULTS.en).sort(), Object.keys(RESULTS.th).sort());
});

const waitSaved = (page) => page.waitForFunction(() => document.getElementById("save-state")?.dataset.state === "saved");

test("opening a project file previews it; replace and merge apply it without losing anything", async () => {
  await withApp("open", async (page) => {
    await page.setInputFiles("#project-open", file);
    const preview = page.locator("#project-preview");
    await preview.waitFor();
    assert.match(await preview.locator("[data-plan=added]").textContent(), /3/);
    assert.match(await preview.locator("[data-plan=decisions]").textContent(), /3/);
    assert.match(await preview.locator("[data-plan=notes]").textContent(), /1/);
    await page.click("#project-replace");
    await page.locator("#project-file-message").waitFor();
    assert.match(await page.textContent("#project-file-message"), /3/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "project-file-message");

    // The same file again: every LO is already there; merging keeps three.
    await page.setInputFiles("#project-open", file);
    await preview.waitFor();
    assert.match(await preview.locator("[data-plan=same]").textContent(), /3/);
    assert.match(await preview.locator("[data-plan=added]").textContent(), /: 0/);
    await page.click("#project-merge");
    await page.locator("#project-file-message").waitFor();
    assert.match(await page.textContent("#project-file-message"), /3/);

    // An id already taken by another text is kept under a new id.
    const other = { ...project, outcomes: [{ ...project.outcomes[0], text: "ตัวอย่าง LO อีกข้อที่ใช้รหัสเดียวกัน" }], decisions: {}, notes: {} };
    await page.setInputFiles("#project-open", { ...file, name: "ตัวอย่าง-อีกไฟล์.sapan.json", buffer: Buffer.from(projectFile(other)) });
    await preview.waitFor();
    assert.match(await preview.locator("[data-plan=renamed]").textContent(), /: 1/);
    await page.click("#project-merge");
    await page.locator("#project-file-message").waitFor();
    assert.match(await page.textContent("#project-file-message"), /4/);

    // Cancel leaves the work as it is.
    await page.setInputFiles("#project-open", file);
    await preview.waitFor();
    await page.click("#project-cancel");
    assert.equal(await preview.count(), 0);

    // A file that is not a project says what is wrong, and where, in both languages.
    const bad = JSON.stringify({ ...JSON.parse(projectFile(project)), version: 99 });
    await page.setInputFiles("#project-open", { ...file, name: "bad.sapan.json", buffer: Buffer.from(bad) });
    const error = page.locator("#project-file-message[role=alert]");
    await error.waitFor();
    const text = await error.textContent();
    assert.match(text, /ไม่รู้จักรุ่น 99/);
    assert.match(text, /unknown version 99/);
    assert.match(text, /version/);
  });
});

test("the coverage view counts as engine.coverage does and lists what is not covered", async () => {
  await withApp("coverage", async (page) => {
    await openProject(page);
    await page.click("button[data-view=coverage]");
    const rows = page.locator("#coverage-summary tbody tr");
    await rows.first().waitFor();
    assert.equal(await rows.count(), coverage.rows.length);
    const shown = await page.$$eval("#coverage-summary tbody tr", (trs) =>
      trs.map((tr) => [tr.dataset.area, Number(tr.dataset.grade), ...[...tr.querySelectorAll("td.num")].slice(0, 4).map((td) => Number(td.textContent))]),
    );
    assert.deepEqual(
      shown,
      coverage.rows.map((r) => [r.area, r.grade, r.indicators, r.aligned, r.partial, r.uncovered]),
    );
    const total = await page.$$eval("#coverage-summary tfoot td.num", (tds) => tds.slice(0, 4).map((td) => Number(td.textContent)));
    assert.deepEqual(total, [coverage.total.indicators, coverage.total.aligned, coverage.total.partial, coverage.total.uncovered]);
    assert.equal(await page.locator("#coverage-summary caption").count(), 1);
    assert.equal(await page.locator("#coverage-summary thead th[scope=col]").count(), 7);

    // The uncovered list has every uncovered indicator, with its text; not the added one.
    const listed = await page.$$eval("#coverage-uncovered li", (lis) => lis.map((li) => li.dataset.code));
    // Grouped by area × grade (the engine lists them by standard first).
    assert.deepEqual([...listed].sort(), [...coverage.uncovered].sort());
    const groups = await page.$$eval("#coverage-uncovered details", (ds) => ds.map((d) => d.dataset.area + d.dataset.grade));
    assert.deepEqual(groups, coverage.rows.filter((r) => r.uncovered).map((r) => r.area + r.grade));
    assert.ok(!listed.includes(added.code));
    assert.match(await page.locator(`#coverage-uncovered li[data-code="${coverage.uncovered[0]}"]`).textContent(), new RegExp(engine.indicator(coverage.uncovered[0]).text));
    const unmatched = await page.$$eval("#coverage-unmatched li", (lis) => lis.map((li) => li.dataset.outcome));
    assert.deepEqual(unmatched, coverage.unmatchedOutcomes);

    // The matrix: the confirmed cell says so, the rejected one is empty, the added one is there.
    const row = (code) => page.locator(`#coverage-matrix tr[data-code="${code}"]`);
    const column = (id) => project.outcomes.findIndex((o) => o.id === id) + 2;
    const confirmedCell = row(confirmed.code).locator(`td:nth-child(${column(first.outcome.id)})`);
    assert.equal(await confirmedCell.getAttribute("data-review"), "confirmed");
    assert.match(await confirmedCell.textContent(), /✓.*สอดคล้อง/);
    assert.equal(await row(added.code).locator(`td:nth-child(${column(second.outcome.id)})`).getAttribute("data-review"), "added");
    const rejectedCells = row(rejected.code).locator(`td:nth-child(${column(first.outcome.id)})`);
    if (await rejectedCells.count()) assert.equal(await rejectedCells.getAttribute("class"), "cell-none");
    assert.ok((await page.locator("#coverage-matrix tbody th[scope=rowgroup]").count()) >= 2);
    assert.equal(await page.locator(".matrix-scroll[role=region][tabindex='0']").count(), 1);
    await screenshot(page, "app-coverage");

    // Filtering to one area × grade limits the matrix and the uncovered list.
    await page.selectOption("#coverage-area", "ค");
    await page.selectOption("#coverage-grade", "4");
    await page.waitForFunction(() => [...document.querySelectorAll("#coverage-matrix tbody")].every((b) => b.dataset.area === "ค" && b.dataset.grade === "4"));
    const filteredUncovered = await page.$$eval("#coverage-uncovered li", (lis) => lis.map((li) => li.dataset.code));
    assert.deepEqual([...filteredUncovered].sort(), coverage.uncovered.filter((c) => c.startsWith("ค ") && c.includes("ป.4/")).sort());

    // Without unreviewed suggestions only the teacher's pairs count.
    const onlyReviewed = engine.coverage(reviewedAlignment(alignment, project, { includeUnreviewed: false }));
    await page.uncheck("#coverage-include");
    await page.waitForFunction(
      (n) => document.querySelector("#coverage-summary tfoot td.num:nth-of-type(4)")?.textContent === String(n),
      onlyReviewed.total.uncovered,
    );
    assert.equal(await page.evaluate(() => document.activeElement.id), "coverage-include");
    // The choice is shared with the export view.
    await page.click("button[data-view=export]");
    assert.equal(await page.isChecked("#export-include"), false);
  });
});

test("a matrix of all 20 example LOs scrolls in its own region on a tablet; the page does not", async () => {
  const all = withOutcomes(emptyProject(), engine.parseOutcomes(examples, { name: "example_objectives.json" }).outcomes, "replace");
  await withApp(
    "wide",
    async (page) => {
      await openProject(page, "replace", { ...file, buffer: Buffer.from(projectFile(all)) });
      await page.click("button[data-view=coverage]");
      const region = page.locator(".matrix-scroll[role=region]");
      await region.waitFor();
      assert.equal(await page.locator("#coverage-matrix thead th[scope=col]").count(), 21);
      const sizes = await region.evaluate((el) => ({ inner: el.scrollWidth, box: el.clientWidth, page: document.documentElement.scrollWidth }));
      assert.ok(sizes.inner > sizes.box, `the matrix is wider than its region (${sizes.inner} > ${sizes.box})`);
      assert.ok(sizes.page <= 768, `the page does not scroll sideways (${sizes.page})`);
      // The region is reachable by keyboard, so it can be scrolled with the arrow keys.
      await region.focus();
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(() => document.querySelector(".matrix-scroll").scrollLeft > 0);
    },
    { viewport: { width: 768, height: 1024 } },
  );
});

test("CSV, JSON and CASE downloads carry the alignment with the teacher's decisions", async () => {
  await withApp("export", async (page) => {
    await openProject(page);
    const counts = await page.textContent("#export-counts");
    const pairs = reviewed.outcomes.flatMap((o) => o.matches);
    assert.match(counts, new RegExp(`${pairs.length} คู่`));
    assert.match(counts, /ครูยืนยันแล้ว 1 คู่ ครูเพิ่มเอง 1 คู่/);
    assert.match(counts, new RegExp(`ยังไม่ได้ตรวจ ${pairs.length - 2} คู่`));
    await page.fill("#export-title", "ตัวอย่าง หลักสูตรสถานศึกษา");
    await page.fill("#export-creator", "ตัวอย่าง โรงเรียนบ้านสะพาน");
    await screenshot(page, "app-export");

    const csv = await downloadText(page, "#export-csv");
    assert.match(csv.name, /^sapan-alignment-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.ok(csv.text.startsWith("\uFEFF"), "the CSV starts with a BOM, so Excel reads it as UTF-8");
    const lines = csv.text.slice(1).split("\r\n");
    assert.ok(lines[0].endsWith(",review,review_th,clause"));
    assert.equal(csv.text, engine.export(reviewed, "csv"), "the download is the engine's CSV of the reviewed alignment");
    const rowOf = (outcome, code) => lines.find((l) => l.startsWith(`${outcome},`) && l.includes(`,${code},`));
    assert.match(rowOf(first.outcome.id, confirmed.code), /,confirmed,ครูยืนยัน,/);
    assert.equal(rowOf(first.outcome.id, rejected.code), undefined, "the rejected indicator is not exported");
    assert.match(rowOf(second.outcome.id, added.code), /,added,ครูเพิ่ม,$/);
    assert.ok(csv.text.includes(first.outcome.text), "Thai text is intact");

    const json = await downloadText(page, "#export-json");
    assert.match(json.name, /\.json$/);
    const data = JSON.parse(json.text);
    assert.ok(JSON.stringify(data).includes(added.code));
    const caseFile = await downloadText(page, "#export-case");
    assert.match(caseFile.name, /\.case\.json$/);
    const pkg = JSON.parse(caseFile.text);
    assert.ok(JSON.stringify(pkg).includes("ตัวอย่าง โรงเรียนบ้านสะพาน"), "the creator typed is in the CASE package");
    assert.ok(JSON.stringify(pkg).includes("ตัวอย่าง หลักสูตรสถานศึกษา"), "the title typed is in the CASE package");

    // Unticking the shared choice leaves only the teacher's two pairs.
    await page.uncheck("#export-include");
    await page.waitForFunction(() => /2 คู่ที่ครูตรวจแล้ว/.test(document.getElementById("export-counts").textContent));
    const reviewedOnly = await downloadText(page, "#export-csv");
    assert.equal(reviewedOnly.text, engine.export(reviewedAlignment(alignment, project, { includeUnreviewed: false }), "csv"));
    const withCodes = reviewedOnly.text.split("\r\n").slice(1).filter((l) => /,(confirmed|added),/.test(l));
    assert.equal(withCodes.length, 2, "only the confirmed and the added pair remain");
  });
});

test("a reload brings the project back from IndexedDB, decisions and notes included", async () => {
  await withApp("reload", async (page) => {
    await openProject(page);
    await waitSaved(page);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await page.click("button[data-view=export]");
    const saved = await downloadText(page, "#project-save");
    assert.match(saved.name, /^sapan-project-\d{4}-\d{2}-\d{2}\.sapan\.json$/);
    const back = JSON.parse(saved.text);
    assert.deepEqual(back.outcomes, project.outcomes);
    assert.deepEqual(back.decisions, project.decisions);
    assert.deepEqual(back.notes, project.notes);
    const record = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open("sapan");
          open.onsuccess = () => {
            const get = open.result.transaction("projects").objectStore("projects").get("current");
            get.onsuccess = () => resolve({ schema: get.result.schema, savedAt: get.result.savedAt });
            get.onerror = () => reject(get.error);
          };
        }),
    );
    assert.equal(record.schema, 2);
    assert.ok(!Number.isNaN(Date.parse(record.savedAt)));
  });
});

test("a damaged saved record is refused: the app starts empty and says why", async () => {
  await withApp("damaged", async (page) => {
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open("sapan");
          open.onsuccess = () => {
            const tx = open.result.transaction("projects", "readwrite");
            tx.objectStore("projects").put({ schema: 1, savedAt: "x", project: { format: "sapan-project", version: 1, outcomes: "no" } }, "current");
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    const banner = page.locator("#storage-banner");
    await banner.waitFor();
    assert.match(await banner.textContent(), /outcomes/);
    assert.match(await page.textContent("#export-counts"), /0 คู่/);
    await page.click("#storage-dismiss");
    assert.equal(await banner.isVisible(), false);
  });
});

test("a failing save shows the banner with a project-file download, until a save succeeds", async () => {
  // Playwright's init script: the test's own switch, never part of the app.
  const failPut = () => {
    window.failPut = true;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.failPut) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    };
  };
  await withApp(
    "storage-failure",
    async (page) => {
      await openProject(page);
      const banner = page.locator("#storage-banner");
      await banner.waitFor();
      assert.equal(await banner.getAttribute("role"), "alert");
      assert.match(await banner.textContent(), /ยังไม่ได้บันทึก/);
      assert.equal(await page.getAttribute("#save-state", "data-state"), "failed");
      await screenshot(page, "app-storage-failure", { fullPage: false });
      const rescue = await downloadText(page, "#storage-save-file");
      assert.match(rescue.name, /\.sapan\.json$/);
      assert.deepEqual(JSON.parse(rescue.text).decisions, project.decisions);

      // The next change saves again; once it works the banner goes.
      await page.evaluate(() => (window.failPut = false));
      await openProject(page, "merge", { ...file, buffer: Buffer.from(projectFile(withNote(project, outcomes[0].id, "ตัวอย่างบันทึกใหม่"))) });
      await waitSaved(page);
      assert.equal(await banner.isVisible(), false);
    },
    { initScript: failPut },
  );
});

test("printing shows only the A4 document: the alignment per LO, the summary and the uncovered indicators", async () => {
  await withApp("print", async (page) => {
    await openProject(page);
    await page.fill("#export-creator", "ตัวอย่าง โรงเรียนบ้านสะพาน");
    // The document follows the school's name once typing pauses.
    await page.waitForFunction(() => document.getElementById("print-doc").textContent.includes("โรงเรียนบ้านสะพาน"));
    assert.equal(await page.locator("#print-doc").isVisible(), false, "on screen the document stays hidden");
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator("#print-doc").isVisible(), true);
    for (const chrome of ["#tabs", ".app-header", "#app-footer", "#export-csv", "#project-save"]) {
      assert.equal(await page.locator(chrome).isVisible(), false, `${chrome} is not printed`);
    }
    const doc = page.locator("#print-doc");
    assert.match(await doc.textContent(), /ตัวอย่าง โรงเรียนบ้านสะพาน/);
    const confirmedRow = doc.locator(`#print-alignment tbody[data-outcome="${first.outcome.id}"] tr[data-code="${confirmed.code}"]`);
    assert.match(await confirmedRow.textContent(), /สอดคล้อง \(aligned\).*✓ ครูยืนยันแล้ว/);
    assert.equal(await doc.locator(`#print-alignment tbody[data-outcome="${first.outcome.id}"] tr[data-code="${rejected.code}"]`).count(), 0);
    assert.equal(await doc.locator("#print-uncovered tbody td.ind-code").count(), coverage.uncovered.length);
    assert.equal(await doc.locator("#print-summary tbody tr").count(), coverage.rows.length);
    await screenshot(page, "app-print");

    const pdfPath = join(screenshots, "app-print.pdf");
    await page.pdf({ path: pdfPath, format: "A4" });
    const pdf = readFileSync(pdfPath).toString("latin1");
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages > 1, `the PDF has pages (${pages})`);
    // No pdftotext here: a Thai font embedded in the PDF shows Thai text was set.
    assert.match(pdf, /\/BaseFont\s*\/[A-Z]{6}\+(Garuda|Loma|Sarabun|Waree|Kinnari|Norasi|Laksaman|TlwgTypo|NotoSansThai)/);
  });
});
