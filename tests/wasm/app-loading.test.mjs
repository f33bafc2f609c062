// How the teacher app loads: on opening only what its first screen (the
// import view) needs, each of the other views when first shown. Two halves:
// - in Node, index.html's preload hints are held to the real import graph
//   (scripts/package.mjs's appFirstLoad, the same walk scripts/build prints
//   the sizes from), so a module added to the first screen without a hint,
//   or a hint left for a module it no longer imports, fails here;
// - in headless Chromium, the requests the page makes are that graph and no
//   more, each view's modules come when it is first opened, a view says so
//   while its module loads and says what went wrong, with a retry, when it
//   cannot load; printing from another tab still prints the export document.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appFiles, appFirstLoad, appLazyViews, documentFetchesWasm } from "../../scripts/package.mjs";
import { openSite, root, screenshot } from "./site.mjs";

const www = join(root, "www");

/** index.html's hints in `dir` against the modules its module script imports statically. */
function hintsAgainstGraph(dir) {
  const links = [...readFileSync(join(dir, "index.html"), "utf8").matchAll(/<link\b[^>]*>/g)].map(([tag]) => tag);
  const href = (tag) => tag.match(/\bhref="([^"]+)"/)?.[1];
  const hints = links.filter((tag) => /\brel="modulepreload"/.test(tag)).map(href);
  const graph = appFirstLoad({ dir, hinted: false }).filter((f) => f.endsWith(".js"));
  return {
    graph,
    hints,
    missing: graph.filter((f) => !hints.includes(f)),
    stale: hints.filter((f) => !graph.includes(f)),
    preloads: links.filter((tag) => /\brel="preload"/.test(tag)),
  };
}

test("index.html has one modulepreload hint per module of the first screen's static import graph, and none other", () => {
  const { graph, hints, missing, stale, preloads } = hintsAgainstGraph(www);
  assert.ok(graph.includes("app.js") && graph.includes("app/import-view.js") && graph.includes("sapan.js"), `the graph is the app's: ${graph.join(", ")}`);
  assert.deepEqual(missing, [], "every module loaded on opening has a hint (or the browser finds it one import level later)");
  assert.deepEqual(stale, [], "no hint for a module not loaded on opening (it would be downloaded for nothing)");
  assert.equal(new Set(hints).size, hints.length, "no hint twice");
  for (const { entry, files } of appLazyViews()) {
    for (const f of files) assert.ok(!hints.includes(f), `${f} (loaded with ${entry}) is not preloaded`);
  }
  // sapan.js's init() fetches the wasm itself, with fetch(): mode cors. A
  // preload without crossorigin, or not as fetch, does not match that request
  // and the wasm (most of the bytes) is downloaded twice.
  assert.ok(documentFetchesWasm(www, graph));
  assert.equal(preloads.length, 1, `one preload, for the wasm: ${preloads.join(" ")}`);
  assert.match(preloads[0], /\bhref="sapan_bg\.wasm"/);
  assert.match(preloads[0], /\bas="fetch"/);
  assert.match(preloads[0], /\bcrossorigin\b/);
});

test("the hint check fails for a module added to the first screen without a hint and for a hint the graph no longer has", () => {
  const dir = mkdtempSync(join(tmpdir(), "sapan-hints-"));
  try {
    cpSync(www, dir, { recursive: true });
    writeFileSync(join(dir, "app/new-part.js"), "export const part = 1;\n");
    appendFileSync(join(dir, "app/import-view.js"), '\nimport "./new-part.js";\n');
    const html = readFileSync(join(dir, "index.html"), "utf8");
    writeFileSync(join(dir, "index.html"), html.replace("</head>", '  <link rel="modulepreload" href="app/align-view.js">\n</head>'));
    const { missing, stale } = hintsAgainstGraph(dir);
    assert.deepEqual(missing, ["app/new-part.js"]);
    assert.deepEqual(stale, ["app/align-view.js"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the app's opening is its shell and the import view; align, coverage, export and free text are imported on first use", () => {
  const opening = appFirstLoad();
  assert.ok(opening.includes("app/import-view.js"));
  const lazy = appLazyViews();
  assert.deepEqual(lazy.map((v) => v.entry), ["app/align-view.js", "app/coverage-view.js", "app/export-view.js", "app/free-text.js"]);
  for (const { entry, files } of lazy) {
    assert.ok(!opening.includes(entry), `${entry} is not loaded on opening`);
    assert.equal(files[0], entry);
    for (const f of files) assert.ok(!opening.includes(f), `${f} is counted once, on opening or with ${entry}`);
  }
  // What scripts/build prints as the first load: these files and the engine.
  assert.deepEqual(appFiles().map(([name]) => name), [...opening, "sapan_bg.wasm"]);
});

// A real learning outcome (data/framework/lo_seen.jsonl), as a teacher pastes it.
const outcome = JSON.parse(readFileSync(join(root, "data/framework/lo_seen.jsonl"), "utf8").split("\n")[0]).text;

/** Waits until view `name` is shown and mounted (aria-busy while its module loads). */
const viewShown = (page, name) =>
  page.waitForFunction((n) => {
    const view = document.getElementById(`view-${n}`);
    return !view.hidden && !view.hasAttribute("aria-busy") && !view.querySelector(".view-pending");
  }, name);

async function openApp(site, hash = "#import") {
  const page = await site.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const paths = [];
  page.on("request", (r) => paths.push(new URL(r.url()).pathname));
  await page.goto(`${site.url}/${hash}`);
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  return { page, paths };
}

async function pasteOutcome(page) {
  await page.fill("#import-text", outcome);
  await page.click("#import-read");
  // "Use" in an empty project; "replace" where another page of the profile already saved one.
  await page.locator("#import-use, #import-replace").first().click();
  await viewShown(page, "align");
}

test("opening requests the first screen's files once each; every other view's modules come when it is first opened, and only then", async () => {
  const site = await openSite("app-loading-requests");
  try {
    const { page, paths } = await openApp(site);
    const served = (f) => (f === "index.html" ? "/" : `/${f}`);
    const opening = [...appFirstLoad(), "sapan_bg.wasm"].map(served);
    const asked = paths.filter((p) => p !== "/favicon.svg");
    assert.deepEqual([...new Set(asked)].sort(), [...opening].sort(), "on opening: the first screen's graph and the engine, nothing else");
    assert.equal(asked.filter((p) => p === "/sapan_bg.wasm").length, 1, "the preloaded wasm is the one init() uses, not a second download");
    assert.equal(new Set(asked).size, asked.length, `each file once: ${asked.join(" ")}`);

    const loaded = new Set(opening);
    const views = new Map(appLazyViews().map(({ entry, files }) => [entry, files]));
    for (const [name, entry] of [
      ["align", "app/align-view.js"],
      ["coverage", "app/coverage-view.js"],
      ["export", "app/export-view.js"],
      ["free", "app/free-text.js"],
    ]) {
      const before = paths.length;
      if (name === "align") await pasteOutcome(page);
      else {
        await page.click(`#tabs button[data-view=${name}]`);
        await viewShown(page, name);
      }
      const expected = views.get(entry).map(served).filter((p) => !loaded.has(p));
      assert.deepEqual(paths.slice(before).sort(), expected.sort(), `opening ${name} first loads its own modules`);
      for (const p of expected) loaded.add(p);
      assert.equal(await page.evaluate((n) => document.activeElement === document.querySelector(`#view-${n} h2`), name), true, `focus on the ${name} heading once it is mounted`);
      await screenshot(page, `app-loading-${name}`);
    }
    const before = paths.length;
    for (const name of ["import", "align", "coverage", "export", "free"]) {
      await page.click(`#tabs button[data-view=${name}]`);
      await viewShown(page, name);
    }
    assert.deepEqual(paths.slice(before), [], "a view opened again is not fetched again");
    assert.deepEqual(page.problems, []);
    site.browser.assertNoOffsite();
  } finally {
    await site.close();
  }
});

test("a view says so while its module loads, and a failed load says what went wrong in Thai and English with a retry", async () => {
  const site = await openSite("app-loading-states");
  try {
    const { page } = await openApp(site);
    // The align view's module is held back until the test lets it through.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route("**/app/align-view.js", async (route) => {
      await held;
      await route.continue();
    });
    await page.click("#tabs button[data-view=align]");
    const align = page.locator("#view-align");
    await page.waitForSelector("#view-align[aria-busy=true] [role=status]");
    assert.equal(await align.locator("[role=status]").textContent(), "กำลังโหลดส่วนนี้…");
    assert.equal(await align.locator("h2").textContent(), "2 จับคู่และตรวจ", "the section is named while it loads");
    await page.click("#lang-toggle");
    assert.equal(await align.locator("[role=status]").textContent(), "Loading this section…");
    await screenshot(page, "app-loading-pending");
    await page.click("#lang-toggle");
    release();
    await viewShown(page, "align");
    assert.equal(await page.locator("#align-to-import").count(), 1, "the align view itself, with nothing imported yet");

    // The coverage view's module cannot be fetched (the network went away).
    let offline = true;
    await page.route("**/app/coverage-view.js", (route) => (offline ? route.abort("internetdisconnected") : route.continue()));
    await page.click("#tabs button[data-view=coverage]");
    const coverage = page.locator("#view-coverage");
    await page.waitForSelector("#view-coverage [role=alert]");
    assert.equal(await coverage.getAttribute("aria-busy"), null, "no longer busy: it failed");
    assert.match(await coverage.locator("[role=alert]").textContent(), /^โหลดส่วนนี้ไม่สำเร็จ.*การเชื่อมต่อ/);
    assert.equal(await coverage.locator("button").textContent(), "ลองอีกครั้ง");
    assert.equal(await page.evaluate(() => document.activeElement === document.querySelector("#view-coverage h2")), true, "focus on what went wrong");
    await page.click("#lang-toggle");
    assert.match(await coverage.locator("[role=alert]").textContent(), /^This section could not be loaded.*network/);
    assert.equal(await coverage.locator("button").textContent(), "Try again");
    await screenshot(page, "app-loading-failed");
    // The network is back: showing the view again loads it (a failed import is not kept).
    await page.click("#tabs button[data-view=import]");
    offline = false;
    await page.click("#tabs button[data-view=coverage]");
    await viewShown(page, "coverage");
    await page.click("#tabs button[data-view=align]");

    // Retry after a failure: the button loads it.
    await page.route("**/app/free-text.js", (route) => route.abort("internetdisconnected"));
    await page.click("#tabs button[data-view=free]");
    await page.waitForSelector("#view-free [role=alert]");
    await page.unroute("**/app/free-text.js");
    await page.click("#view-free button");
    await viewShown(page, "free");
    assert.equal(await page.locator("#free-text").count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement === document.querySelector("#view-free h2")), true, "focus on the view's heading");
    // The failed fetches are the console's only errors.
    assert.deepEqual(page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch dynamically imported module/.test(p)), []);
    site.browser.assertNoOffsite();
  } finally {
    await site.close();
  }
});

test("printing from another tab before the export view was opened prints the export document, or says to print again", async () => {
  const site = await openSite("app-loading-print");
  try {
    // Ctrl+P waits for the export view, then prints its document.
    const { page } = await openApp(site);
    await pasteOutcome(page);
    await page.evaluate(() => (window.print = () => (window.printed = document.getElementById("print-doc")?.textContent ?? "")));
    await page.keyboard.press("Control+P");
    await page.waitForFunction(() => window.printed !== undefined);
    assert.ok((await page.evaluate(() => window.printed)).includes(outcome.slice(0, 30)), "the document printed has the outcome");
    assert.equal(await page.isVisible("#view-align"), true, "the teacher stays on the tab they were on");

    // From the browser's menu nothing can wait: the page printed says to print again.
    const { page: menu } = await openApp(site);
    await pasteOutcome(menu);
    await menu.emulateMedia({ media: "print" });
    // Read in the same task as the event: what the browser would print.
    const printed = await menu.evaluate(() => {
      window.dispatchEvent(new Event("beforeprint"));
      const note = document.getElementById("print-pending");
      return { text: note?.textContent, display: note && getComputedStyle(note).display, export: getComputedStyle(document.getElementById("view-export")).display };
    });
    assert.deepEqual(printed, { text: "เอกสารสำหรับพิมพ์ยังโหลดไม่เสร็จ ปิดหน้าต่างนี้แล้วสั่งพิมพ์อีกครั้ง", display: "block", export: "block" });
    // …and the export view loads meanwhile: the next print has the document.
    await menu.waitForSelector("#print-doc", { state: "attached" });
    assert.equal(await menu.locator("#print-pending").count(), 0);
    assert.equal(await menu.locator("#print-doc").isVisible(), true);
    assert.deepEqual([...page.problems, ...menu.problems], []);
  } finally {
    await site.close();
  }
});

test("the result options come from the project whichever result view is opened first", async () => {
  const site = await openSite("app-loading-options");
  try {
    const { page } = await openApp(site);
    await pasteOutcome(page);
    await page.click("#tabs button[data-view=export]");
    await page.uncheck("#export-include");
    await page.waitForFunction(() => document.getElementById("save-state")?.dataset.state === "saved");
    // Reopened on the coverage view: the export view is not loaded yet.
    await page.goto(`${site.url}/#coverage`);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    assert.equal(await page.isChecked("#coverage-include"), false, "the project's choice, not the default");
    await page.check("#coverage-include");
    await page.click("#tabs button[data-view=export]");
    assert.equal(await page.isChecked("#export-include"), true, "a change in the coverage view is the project's too");
    assert.deepEqual(page.problems, []);
  } finally {
    await site.close();
  }
});
