// The package as its users get it: `npm pack` of pkg/, installed from the
// tarball into fresh folders under target/consumers/, then used (a) by a plain
// page with no build step, (b) by a Vite project after `vite build`, both in
// headless Chromium, (c) by the npm README's own browser example under its
// own CSP advice and (d) by its Node example. Each must give what the native
// CLI gives, and none may log a warning (wasm-bindgen warns on init's
// deprecated forms). Sources: tests/wasm/consumers/. The comparisons with the
// CLI skip when target/release/sapan is absent (scripts/wasm-smoke builds it).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { serve } from "../../scripts/server.mjs";
import { launch } from "./chromium.mjs";
import { nativeRank, sapanBin } from "./reference.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const work = join(repo, "target/consumers");
const sources = join(repo, "tests/wasm/consumers");
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let tarball, browser;

/** Skips `t` when the native CLI, the reference, has not been built. */
const needsCli = (t) => {
  if (existsSync(sapanBin)) return false;
  t.skip(`${sapanBin} is absent: run cargo build --release (scripts/wasm-smoke does) to compare with the CLI`);
  return true;
};

before(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // --json gives the tarball's name and its file list.
  const [packed] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], join(repo, "pkg")));
  tarball = { path: join(work, packed.filename), files: packed.files.map((f) => f.path).sort() };
  for (const name of ["html", "vite", "node"]) {
    cpSync(join(sources, name), join(work, name), { recursive: true });
    // The tarball has no dependencies, so nothing is fetched from a registry.
    run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", tarball.path], join(work, name));
  }
});

after(async () => {
  await browser?.close();
});

test("the packed tarball holds the glue, the wasm, the types, the README and the licence", () => {
  for (const file of ["LICENSE", "README.md", "package.json", "sapan.d.ts", "sapan.js", "sapan_bg.wasm"]) {
    assert.ok(tarball.files.includes(file), `${file} in ${tarball.files.join(", ")}`);
  }
  const installed = JSON.parse(readFileSync(join(work, "html/node_modules/sapan/package.json"), "utf8"));
  assert.equal(installed.version, JSON.parse(readFileSync(join(repo, "pkg/package.json"), "utf8")).version);
});

/** Console warnings of `page`, which `page.problems` (errors only) does not collect. */
function warningsOf(page) {
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  return warnings;
}

/** Serves `root`, opens its index.html in Chromium, and reads what the page ranked. */
async function rankedInPage(root) {
  browser ??= await launch();
  const server = await serve(root);
  browser.allow(server.url);
  const page = await browser.newPage();
  const warnings = warningsOf(page);
  try {
    await page.goto(`${server.url}/`);
    await page.locator("#status[data-done]").waitFor();
    return {
      status: await page.locator("#status").textContent(),
      query: await page.locator("#query").textContent(),
      codes: await page.locator("#ranked li").evaluateAll((items) => items.map((li) => li.dataset.code)),
      problems: page.problems,
      warnings,
      wasmRequests: browser.requests.filter((u) => u.startsWith(server.url) && u.endsWith(".wasm")),
    };
  } finally {
    await page.close();
    await server.close();
  }
}

/** What the CLI ranks for the page's text, with the page's options (grade 4, top 3). */
const nativeCodes = (text) => nativeRank([{ id: "page", text, grade: 4 }], 3)[0].map((m) => m.code);

test("a plain page (no bundler) imports ./node_modules/sapan/sapan.js, ranks and shows the result", async (t) => {
  if (needsCli(t)) return;
  const page = await rankedInPage(join(work, "html"));
  assert.equal(page.status, "ranked");
  assert.deepEqual(page.codes, nativeCodes(page.query));
  assert.deepEqual(page.wasmRequests.map((u) => new URL(u).pathname), ["/node_modules/sapan/sapan_bg.wasm"]);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.warnings, []);
  browser.assertNoOffsite();
});

test("the npm README's browser example, as written, runs under its own CSP advice and logs the best match, no warning", async (t) => {
  if (needsCli(t)) return;
  const readme = readFileSync(join(work, "html/node_modules/sapan/README.md"), "utf8");
  const section = readme.match(/## In a browser[^]*?(?=\n## )/)?.[0] ?? "";
  const html = section.match(/```html\n([^]*?)```/)?.[1];
  const js = section.match(/```js\n([^]*?)```/)?.[1];
  assert.ok(html && js, "the README's browser section has an html and a js block");
  // The js block's first line names its file, and the html block loads that file.
  const file = js.match(/^\/\/ (\S+\.js)\n/)?.[1];
  assert.ok(file && html.includes(`src="./${file}"`), `the html block loads the js block's file (${file})`);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script: script-src 'self' would block it");
  const dir = join(work, "html-readme");
  cpSync(join(work, "html"), dir, { recursive: true });
  writeFileSync(join(dir, file), js);
  writeFileSync(join(dir, "index.html"), `<!doctype html>\n<html lang="th">\n<head><meta charset="utf-8"><title>README example</title></head>\n<body>\n${html}</body>\n</html>\n`);
  browser ??= await launch();
  // The README's advice, and nothing more.
  const server = await serve(dir, { headers: { "Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" } });
  browser.allow(server.url);
  const page = await browser.newPage();
  const warnings = warningsOf(page);
  const logs = [];
  page.on("console", (m) => m.type() === "log" && logs.push(m.text()));
  try {
    const logged = page.waitForEvent("console", { predicate: (m) => m.type() === "log" });
    await page.goto(`${server.url}/`);
    await logged;
    const text = js.match(/engine\.rank\("([^"]+)"/)[1];
    assert.equal(logs.length, 1, logs.join("\n"));
    assert.equal(logs[0].split(" ").slice(0, 3).join(" "), nativeCodes(text)[0], `the best match is the CLI's: ${logs[0]}`);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(warnings, []);
  } finally {
    await page.close();
    await server.close();
  }
  browser.assertNoOffsite();
});

test("a Vite project imports 'sapan', builds, and its dist/ ranks and shows the result", async (t) => {
  if (needsCli(t)) return;
  const dir = join(work, "vite");
  run(join(repo, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], dir);
  const assets = readdirSync(join(dir, "dist/assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `vite emitted the wasm: ${assets.join(", ")}`);
  const page = await rankedInPage(join(dir, "dist"));
  assert.equal(page.status, "ranked");
  assert.deepEqual(page.codes, nativeCodes(page.query));
  assert.equal(page.wasmRequests.length, 1);
  assert.deepEqual(page.problems, []);
  browser.assertNoOffsite();
});

/** Runs the npm README's Node example, as the installed tarball carries it, in work/node. */
function runNodeExample() {
  const dir = join(work, "node");
  // The example is taken from the README inside the tarball, so the test
  // follows the documentation rather than a copy of it.
  const readme = readFileSync(join(dir, "node_modules/sapan/README.md"), "utf8");
  const example = readme.match(/## In Node[^]*?```js\n([^]*?)```/)?.[1];
  assert.ok(example?.includes("initSync"), "the README has a Node example with initSync");
  writeFileSync(join(dir, "example.mjs"), example);
  cpSync(join(repo, "data/samples/outcomes_example.csv"), join(dir, "outcomes.csv"));
  rmSync(join(dir, "alignment.csv"), { force: true });
  const run = spawnSync("node", ["example.mjs"], { cwd: dir, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return { dir, example, stdout: run.stdout, stderr: run.stderr };
}

test("the npm README's Node example writes a CSV that is only the CSV, and prints the coverage apart", () => {
  const { dir, stdout, stderr } = runNodeExample();
  // The sample file has no problem, and init's object form gives no deprecation warning.
  assert.equal(stderr, "", "nothing on stderr");
  const csv = readFileSync(join(dir, "alignment.csv"), "utf8");
  // A BOM first (Excel reads the Thai as UTF-8), then the header row.
  assert.ok(csv.replace(/^\uFEFF/, "").startsWith("outcome_id,outcome_text,grade,area,rank,indicator_code,"), csv.slice(0, 200));
  assert.doesNotMatch(csv, /\[object|\{/, "no debug output in the CSV");
  assert.match(stdout, /^\d+ indicators aligned, \d+ partial, \d+ not covered\n$/, "the coverage total, as a sentence");
  assert.doesNotMatch(stdout, /\{|\[object/, "no object printed");
});

test("the npm README's Node example writes the CLI's CSV", (t) => {
  if (needsCli(t)) return;
  const { dir, example } = runNodeExample();
  // The example aligns with topK 5; the CLI with --top 5 must agree byte for byte.
  assert.match(example, /topK: 5/);
  const csv = execFileSync(sapanBin, ["align", "--outcomes", "outcomes.csv", "--top", "5", "--format", "csv"], { cwd: dir, encoding: "utf8" });
  assert.equal(readFileSync(join(dir, "alignment.csv"), "utf8"), csv);
  assert.ok(existsSync(join(dir, "node_modules/sapan/sapan_bg.wasm")));
});

// ---- the <sapan-align> widget, as the tarball carries it ----

test("the packed tarball carries the widget: widget.js, the modules it imports, its types, and the ./widget export", async () => {
  const { widgetModules } = await import("../../scripts/package.mjs");
  for (const file of [...widgetModules(), "widget.d.ts"]) assert.ok(tarball.files.includes(file), `${file} in ${tarball.files.join(", ")}`);
  const installed = JSON.parse(readFileSync(join(work, "html/node_modules/sapan/package.json"), "utf8"));
  assert.deepEqual(installed.exports["./widget"], { types: "./widget.d.ts", default: "./widget.js" });
  // Otherwise a bundler would drop `import "sapan/widget"`, which only registers the element.
  assert.ok(installed.sideEffects.includes("./widget.js"));
});

/** Serves `root`, opens `path`, types into the first widget and reads the codes it lists. */
async function widgetInPage(root, path, text) {
  browser ??= await launch();
  const server = await serve(root);
  browser.allow(server.url);
  const page = await browser.newPage();
  // A preload hint the page does not use (a wrong href, `crossorigin` missing) is only a warning.
  const warnings = warningsOf(page);
  try {
    await page.goto(`${server.url}/${path}`);
    await page.waitForFunction(() => customElements.get("sapan-align"));
    await page.evaluate(() => document.querySelector("sapan-align").ready);
    await page.locator("sapan-align input").fill(text);
    await page.waitForFunction(() => document.querySelector("sapan-align").shadowRoot.querySelector("li.match"));
    return {
      codes: await page.locator("sapan-align li.match").evaluateAll((items) => items.map((li) => li.dataset.code)),
      problems: page.problems,
      warnings,
    };
  } finally {
    await page.close();
    await server.close();
  }
}

const widgetText = "นักเรียนอ่านออกเสียงบทกลอนได้ถูกต้อง";
const nativeTop5 = (text) => nativeRank([{ id: "widget", text }], 5)[0].map((m) => m.code);

test("a plain page with the npm README's widget snippet, as written, ranks as the CLI does", async (t) => {
  if (needsCli(t)) return;
  const readme = readFileSync(join(work, "html/node_modules/sapan/README.md"), "utf8");
  const snippet = readme.match(/## The widget[^]*?```html\n([^]*?)```/)?.[1];
  assert.ok(snippet?.includes("<sapan-align"), "the README has a widget snippet");
  writeFileSync(
    join(work, "html/widget.html"),
    `<!doctype html>\n<html lang="th">\n<head><meta charset="utf-8"><title>widget snippet</title></head>\n<body>\n${snippet}</body>\n</html>\n`,
  );
  const page = await widgetInPage(join(work, "html"), "widget.html", widgetText);
  assert.deepEqual(page.codes, nativeTop5(widgetText));
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.warnings, []);
  browser.assertNoOffsite();
});

test("a Vite project that imports 'sapan/widget' keeps the registration and its dist/ shows a working widget", async (t) => {
  if (needsCli(t)) return;
  const dir = join(work, "vite-widget");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "sapan-consumer-vite-widget", private: true, type: "module" }, null, 2));
  writeFileSync(join(dir, "main.js"), 'import "sapan/widget";\n');
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html>\n<html lang="th">\n<head><meta charset="utf-8"><title>widget via Vite</title>\n<script type="module" src="/main.js"></script></head>\n<body><sapan-align></sapan-align></body>\n</html>\n',
  );
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", tarball.path], dir);
  run(join(repo, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], dir);
  const page = await widgetInPage(join(dir, "dist"), "", widgetText);
  assert.deepEqual(page.codes, nativeTop5(widgetText));
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.warnings, []);
  browser.assertNoOffsite();
});
