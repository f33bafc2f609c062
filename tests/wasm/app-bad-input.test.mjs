// The bad-input suite in the teacher app, in headless Chromium: every case of
// tests/data/bad-input/cases.json (the table the CLI and the npm package are
// tested against too) opened through the import view's file input, and the
// hostile and odd texts pasted. The preview shows what was read, each problem
// at its line, and how the file was decoded (Thai and English); a file over
// the limit is refused naming its size; HTML and script stay inert text: no
// element made from them, no dialog, no console error, no request leaving
// 127.0.0.1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openSite, screenshot } from "./site.mjs";
import { emptyProject, projectFile } from "../../www/project.js";

const dir = new URL("../data/bad-input/", import.meta.url);
const table = JSON.parse(readFileSync(new URL("cases.json", dir), "utf8"));

async function start(name) {
  const site = await openSite(`app-bad-input-${name}`);
  const page = await site.browser.newPage();
  page.dialogs = [];
  page.on("dialog", async (d) => {
    page.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${site.url}/#import`);
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  return { site, page };
}

async function finish({ site, page }) {
  try {
    assert.deepEqual(page.problems, []);
    assert.deepEqual(page.dialogs, [], "no dialog opened");
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no hostile script ran");
    site.browser.assertNoOffsite();
  } finally {
    await site.close();
  }
}

/**
 * Puts a file into the import view's file input. Generated cases are made in the
 * page itself (as tests/bad_input.rs makes them), so that 50 MB need not cross the
 * DevTools protocol.
 */
async function openFile(page, c) {
  if (!c.generate) {
    const buffer = readFileSync(new URL(c.file, dir));
    await page.setInputFiles("#import-file", { name: c.file, mimeType: "text/plain", buffer });
    return c.file;
  }
  const recipe = table.generate[c.generate];
  await page.evaluate(({ bytes, head, fill, tail, name }) => {
    const out = new Uint8Array(bytes).fill(0x20);
    const enc = new TextEncoder();
    const [h, f, t] = [enc.encode(head), enc.encode(fill), enc.encode(tail)];
    out.set(h, 0);
    let at = h.length;
    while (at + f.length + t.length <= bytes) {
      out.set(f, at);
      at += f.length;
    }
    out.set(t, bytes - t.length);
    const input = document.getElementById("import-file");
    const transfer = new DataTransfer();
    transfer.items.add(new File([out], name, { type: "text/plain" }));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, recipe);
  return recipe.name;
}

async function checkPreview(page, c, name) {
  await page.waitForSelector("#import-preview");
  const heading = await page.textContent("#import-preview-heading");
  assert.ok(heading.includes(name), `${c.name}: the preview names ${name}: ${heading}`);
  assert.equal(await page.locator("#import-table tbody tr").count(), c.outcomes, `${c.name}: rows`);
  const problems = page.locator("#import-problems li");
  assert.equal(await problems.count(), c.problems.length, `${c.name}: problems`);
  for (const [i, p] of c.problems.entries()) {
    if (p.line) {
      assert.equal(await problems.nth(i).getAttribute("data-line"), String(p.line), `${c.name}: problem ${i} line`);
      assert.match(await problems.nth(i).textContent(), new RegExp(`บรรทัด ${p.line}`), `${c.name}: problem ${i} says where`);
    }
    assert.match(await problems.nth(i).textContent(), /[\u0e00-\u0e7f]/, `${c.name}: problem ${i} in Thai`);
  }
  const notice = page.locator("#import-notice");
  assert.equal(await notice.count(), c.notice ? 1 : 0, `${c.name}: notice`);
  if (c.notice) assert.ok((await notice.textContent()).includes(name), `${c.name}: the notice names the file`);
  if (c.ids) {
    const ids = await page.locator("#import-table tbody th").allTextContents();
    assert.deepEqual(ids, c.ids, `${c.name}: ids`);
  }
}

test("every file of the bad-input table gives its preview, problems by line and notice, or a refusal", async () => {
  const run = await start("files");
  const { page } = run;
  try {
    for (const c of table.cases) {
      const name = await openFile(page, c);
      if (c.app?.refused) {
        await page.waitForFunction((n) => document.querySelector("#import-message").textContent.includes(n), name);
        const th = await page.textContent("#import-message");
        for (const s of c.app.says) assert.ok(th.includes(s), `${c.name}: ${th} lacks ${s}`);
        assert.match(th, /เกินขนาด/);
        assert.equal(await page.locator("#import-preview").count(), 0, "nothing was read");
        await page.click("#lang-toggle");
        await page.waitForFunction(() => document.querySelector("#import-message").textContent.includes("more than"));
        const en = await page.textContent("#import-message");
        for (const s of [name, ...c.app.says]) assert.ok(en.includes(s), `${c.name}: ${en} lacks ${s}`);
        await page.click("#lang-toggle");
        await page.waitForFunction(() => document.documentElement.lang === "th");
        continue;
      }
      await checkPreview(page, c, name);
      if (c.notice === "read_as_windows_874") {
        assert.match(await page.textContent("#import-notice"), /Windows-874 \(TIS-620\)/);
        await screenshot(page, "app-import-windows-874");
        // The notice follows the language.
        await page.click("#lang-toggle");
        await page.waitForFunction(() => document.querySelector("#import-notice")?.textContent.includes("was read as"));
        await page.click("#lang-toggle");
        await page.waitForFunction(() => document.documentElement.lang === "th");
      }
      if (c.problems[0]?.code === "binary_input") await screenshot(page, "app-import-binary");
      await page.click("#import-cancel");
      await page.waitForFunction(() => !document.querySelector("#import-preview"));
    }
  } finally {
    await finish(run);
  }
});

test("a Windows-874 file from Thai Excel imports as the same outcomes as its UTF-8 twin", async () => {
  const run = await start("874-use");
  const { page } = run;
  try {
    await openFile(page, { file: "windows-874.csv" });
    await page.waitForSelector("#import-notice");
    await page.click("#import-use");
    await page.waitForFunction(() => document.querySelectorAll("#align-list article").length === 6);
    assert.match(await page.locator("#align-list article h3").first().textContent(), /อ่านเรื่องสั้นแล้วสรุปใจความสำคัญ/);
  } finally {
    await finish(run);
  }
});

test("pasted hostile, invisible, blank and 1 MB texts: inert text, a correct preview, or a message", async () => {
  const run = await start("paste");
  const { page } = run;
  try {
    // Only whitespace: nothing to read, said in the message area.
    await page.fill("#import-text", " \n\t\n ");
    await page.click("#import-read");
    await page.waitForFunction(() => document.querySelector("#import-message").textContent.length > 0);
    assert.match(await page.textContent("#import-message"), /ยังไม่มีข้อความให้อ่าน/);

    // HTML and script in every field, pasted and as a file: shown as text, nothing made of it.
    const hostile = readFileSync(new URL("html-script.csv", dir), "utf8");
    for (const via of ["paste", "file"]) {
      if (via === "paste") {
        await page.fill("#import-text", hostile);
        await page.click("#import-read");
      } else {
        await openFile(page, { file: "html-script.csv" });
      }
      await page.waitForSelector("#import-table");
      const made = await page.evaluate(() => document.querySelectorAll("#import-preview script, #import-preview img, #import-preview svg, #import-preview b, #import-preview i").length);
      assert.equal(made, 0, `${via}: no element made from the text`);
      assert.equal(await page.textContent("#import-table tbody th"), "<script>window.__pwned=1</script>");
      assert.ok((await page.textContent("#import-table tbody td.work-text-cell")).includes('<img src=x onerror="window.__pwned=1">'));
      assert.ok((await page.textContent("#import-problems")).includes("<svg onload=window.__pwned=1>"), "the bad area is quoted as text");
      await page.click("#import-cancel");
    }
    // Used, the hostile outcome is still text on its card.
    await page.fill("#import-text", hostile);
    await page.click("#import-read");
    await page.click("#import-use");
    await page.waitForSelector("#align-list article");
    const made = await page.evaluate(() => document.querySelectorAll("#align-list script, #align-list img, #align-list svg[onload], #align-list b").length);
    assert.equal(made, 0);
    await page.goto(`${(await page.url()).split("#")[0]}#import`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");

    // Right-to-left overrides and zero-width characters: gone from ids and texts.
    await page.fill("#import-text", readFileSync(new URL("bidi-zero-width.csv", dir), "utf8"));
    await page.click("#import-read");
    await page.waitForSelector("#import-table");
    const ids = await page.locator("#import-table tbody th").allTextContents();
    assert.deepEqual(ids, ["ตัวอย่าง-1", "ตัวอย่าง-2"]);
    for (const text of await page.locator("#import-table td.work-text-cell").allTextContents()) {
      assert.doesNotMatch(text, /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    }
    await page.click("#import-cancel");

    // A single 1 MB line, pasted: one outcome, read without freezing the page for good.
    const recipe = table.generate["1mb-line"];
    await page.evaluate(({ bytes, fill }) => {
      const box = document.getElementById("import-text");
      let s = "";
      while (new TextEncoder().encode(s + fill).length <= bytes - 1) s += fill;
      box.value = s;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, recipe);
    await page.click("#import-read");
    await page.waitForSelector("#import-table", { timeout: 60_000 });
    assert.equal(await page.locator("#import-table tbody tr").count(), 1);
    assert.equal(await page.locator("#import-problems li").count(), 0);
  } finally {
    await finish(run);
  }
});

test("codes that do not exist: add-by-code says so naming it, a project file deciding one is refused; Thai digits read as the code", async () => {
  const run = await start("codes");
  const { page } = run;
  try {
    const [missing, thai] = table.codes;
    await page.fill("#import-text", readFileSync(new URL("bom.csv", dir), "utf8").replace(/^\uFEFF/, ""));
    await page.click("#import-read");
    await page.click("#import-use");
    await page.waitForSelector("#align-list article");
    const search = page.locator("#align-list article").first().locator(".work-search input");
    await search.fill(missing.code);
    await page.waitForFunction((c) => [...document.querySelectorAll(".work-search .work-hint")].some((p) => p.textContent.includes(c)), missing.code);
    assert.ok((await page.locator("#align-list article").first().locator(".work-search").textContent()).includes(`ไม่มีตัวชี้วัดรหัส ${missing.code}`));
    await search.fill(thai.code);
    await page.waitForFunction(() => document.querySelector(".work-search-results li .code")?.textContent === "ท 1.1 ป.4/1");

    // A project file deciding a code no indicator has: refused, naming the code and where.
    const project = emptyProject();
    project.outcomes.push({ id: "ตัวอย่าง-1", text: "อ่านเรื่องสั้นแล้วสรุปใจความสำคัญ", grade: 4, area: "ท", line: null, source: null });
    const withCode = (code) => ({ ...project, decisions: { "ตัวอย่าง-1": { [code]: { status: "added", relation: "aligned" } } } });
    await page.click("button[data-view=export]");
    await page.setInputFiles("#project-open", { name: "bad.sapan.json", mimeType: "application/json", buffer: Buffer.from(projectFile(withCode(missing.code))) });
    await page.locator("#project-file-message").waitFor();
    const message = await page.textContent("#project-file-message");
    assert.ok(message.includes(`${missing.code} ไม่ใช่ตัวชี้วัด`) && message.includes(`${missing.code} is not an indicator`), message);
    assert.equal(await page.locator("#project-preview").count(), 0, "nothing to apply");
    await page.click("#project-error-close");
    // The same decision in Thai digits is the real code, read as such.
    await page.setInputFiles("#project-open", { name: "thai.sapan.json", mimeType: "application/json", buffer: Buffer.from(projectFile(withCode(thai.code))) });
    await page.locator("#project-preview").waitFor();
    await page.click("#project-replace");
    await page.locator("#project-file-message").waitFor();
    // Exported, the added decision carries the canonical code.
    await page.click("button[data-view=export]");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    const csv = readFileSync(await download.path(), "utf8");
    // (It was among the suggestions too, so the decision confirms it.)
    assert.match(csv, /ตัวอย่าง-1,[^\n]*ท 1\.1 ป\.4\/1,[^\n]*,confirmed,/);
    assert.doesNotMatch(csv, /ท ๑/);
  } finally {
    await finish(run);
  }
});

test("the widget's src reads a Windows-874 file and reports a binary one as sapan-error binary_input", async () => {
  const site = await openSite("app-bad-input-widget");
  try {
    for (const f of ["windows-874.csv", "binary.png"]) copyFileSync(fileURLToPath(new URL(f, dir)), join(site.dir, f));
    writeFileSync(
      join(site.dir, "bad-widget.html"),
      `<!doctype html><html lang="th"><meta charset="utf-8"><title>bad input</title>
<sapan-align id="w" mode="align" src="windows-874.csv"></sapan-align>
<sapan-align id="b" mode="align" src="binary.png"></sapan-align>
<script type="module" src="./widget.js"></script></html>`,
    );
    const page = await site.browser.newPage();
    await page.addInitScript(() => {
      window.errors = [];
      document.addEventListener("sapan-error", (e) => window.errors.push({ target: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) }));
    });
    await page.goto(`${site.url}/bad-widget.html`);
    await page.locator("#w li.outcome").nth(5).waitFor();
    assert.equal(await page.locator("#w li.outcome").count(), 6);
    assert.equal(await page.locator("#w li.outcome").first().getAttribute("data-outcome"), "ตัวอย่าง-1");
    await page.waitForFunction(() => window.errors.length > 0);
    const errors = await page.evaluate(() => window.errors);
    assert.deepEqual(errors.map((e) => [e.target, e.detail.code]), [["b", "binary_input"]]);
    assert.equal(errors[0].detail.location.line, 3);
    assert.match(errors[0].detail.messageTh, /ไฟล์ไบนารี/);
    assert.deepEqual(page.problems, []);
    site.browser.assertNoOffsite();
  } finally {
    await site.close();
  }
});
