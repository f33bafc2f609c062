// Security review of what Sapan ships, as code a partner embeds in a page it
// may not fully control: no module builds HTML from strings or runs strings
// as code (read from the sources, and proven in Chromium under Trusted Types
// enforcement, where any such sink throws), and the widget asks the network
// for nothing but its own files.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { openSite, root } from "./site.mjs";
import { widgetModules } from "../../scripts/package.mjs";

// Everything a browser runs: the app, the widget, and the engine's glue.
function shippedScripts() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.m?js$/.test(entry.name)) files.push(path);
    }
  };
  walk(join(root, "www"));
  for (const f of readdirSync(join(root, "pkg"))) if (/\.m?js$/.test(f)) files.push(join(root, "pkg", f));
  return files;
}

// Each pattern is a way text could become markup or code. `Function(` is
// matched only as a call, not inside a template string (the engine's glue
// prints `Function(${name})` when describing a value for an error message).
const SINKS = [
  [/\.innerHTML\b/, "innerHTML"],
  [/\.outerHTML\b/, "outerHTML"],
  [/\binsertAdjacentHTML\b/, "insertAdjacentHTML"],
  [/\bcreateContextualFragment\b/, "createContextualFragment"],
  [/\bdocument\.write(ln)?\b/, "document.write"],
  [/\bparseFromString\b/, "DOMParser.parseFromString"],
  [/\.srcdoc\b/, "srcdoc"],
  [/(^|[^\w.$`])eval\s*\(/, "eval"],
  [/(^|[^\w$`])Function\s*\(/, "Function constructor"],
  [/\bset(Timeout|Interval)\s*\(\s*["'`]/, "string timer"],
  [/setAttribute\(\s*["'`]on/i, "inline event handler attribute"],
  [/\bsetHTMLUnsafe\b|\.setHTML\b/, "setHTML"],
];

/** Every line of `source` that uses a sink, as "line: name". Comments are skipped. */
function sinksIn(source) {
  const found = [];
  source.split("\n").forEach((line, i) => {
    const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/, "");
    for (const [re, name] of SINKS) if (re.test(code)) found.push(`${i + 1}: ${name}`);
  });
  return found;
}

test("the sink scan finds each way of turning text into markup or code", () => {
  // Without this the scan below could pass by matching nothing.
  const planted = [
    "el.innerHTML = text;",
    "el.outerHTML = text;",
    "el.insertAdjacentHTML('beforeend', text);",
    "range.createContextualFragment(text);",
    "document.write(text);",
    "new DOMParser().parseFromString(text, 'text/html');",
    "frame.srcdoc = text;",
    "eval(text);",
    "const f = new Function('a', text);",
    "const g = Function(text);",
    "setTimeout('run()', 1);",
    'el.setAttribute("onclick", text);',
    "el.setHTMLUnsafe(text);",
  ];
  for (const line of planted) assert.equal(sinksIn(line).length, 1, `the scan misses: ${line}`);
  // …and does not cry wolf on the glue's message text or on ordinary names.
  for (const line of ["const d = `Function(${val.name})`;", "const evaluate = retrieval(x);", "// innerHTML is never used"]) {
    assert.deepEqual(sinksIn(line), [], `the scan flags: ${line}`);
  }
});

test("no shipped script builds HTML from strings or runs strings as code", () => {
  const files = shippedScripts();
  assert.ok(files.some((f) => f.endsWith("sapan-align.js")) && files.some((f) => f.endsWith("sapan.js")));
  const found = files.flatMap((f) => sinksIn(readFileSync(f, "utf8")).map((s) => `${relative(root, f)}:${s}`));
  assert.deepEqual(found, []);
});

// Trusted Types with one policy only, the widget's "sapan" (it makes the URL of
// the widget's worker and nothing else: widget-engine.js): every HTML, script
// and script-URL sink throws when given a string, so a page that works under
// this CSP has none of them on any path the test takes.
const STRICT =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types sapan";
const READING = "นักเรียนอ่านออกเสียงบทกลอนได้ถูกต้อง";
const HOSTILE = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>';

let site;

before(async () => {
  site = await openSite("security", { headers: { "Content-Security-Policy": STRICT } });
  cpSync(join(root, "tests/wasm/pages/widget-snippet.html"), join(site.dir, "widget-snippet.html"));
  const installed = join(site.dir, "node_modules/sapan");
  mkdirSync(installed, { recursive: true });
  for (const f of widgetModules()) cpSync(join(root, "www", f), join(installed, f));
  for (const f of ["sapan.js", "sapan_bg.wasm"]) cpSync(join(root, "pkg", f), join(installed, f));
});

after(async () => {
  await site?.close();
});

async function open(path) {
  const page = await site.browser.newPage();
  await page.addInitScript(() => {
    window.globalsBefore = Object.getOwnPropertyNames(window).concat("violations");
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}: ${e.sample}`);
    });
  });
  await page.goto(`${site.url}/${path}`);
  return page;
}

async function finish(page) {
  assert.equal(await page.evaluate(() => window.hacked), undefined, "hostile text never ran");
  assert.deepEqual(await page.evaluate(() => window.violations), [], "no CSP or Trusted Types violation");
  assert.deepEqual(page.problems, [], "no console error or page error");
  site.browser.assertNoOffsite();
  await page.close();
}

test("the widget searches, aligns and records decisions under Trusted Types enforcement, asks only for its own files and leaves nothing behind", async () => {
  const start = site.browser.requests.length;
  const page = await open("widget-snippet.html");
  const widget = page.locator("sapan-align");
  await widget.locator("input").fill(`${READING} ${HOSTILE}`);
  await page.waitForFunction(() => document.querySelector("sapan-align").shadowRoot.querySelectorAll("li.match").length > 0);

  await page.evaluate(
    ([text, hostile]) => {
      const el = document.querySelector("sapan-align");
      el.setAttribute("mode", "align");
      el.outcomes = [{ id: `ตัวอย่าง ${hostile}`, text: `ตัวอย่าง ${text} ${hostile}`, grade: 4 }];
    },
    [READING, HOSTILE],
  );
  await widget.locator("button.confirm").first().click();
  const decided = await page.evaluate(() => Object.keys(document.querySelector("sapan-align").decisions));
  assert.deepEqual(decided, [`ตัวอย่าง ${HOSTILE}`]);
  assert.equal(await page.evaluate(() => document.querySelector("sapan-align").shadowRoot.querySelectorAll("img, script").length), 0);

  // Its own files only: the page, the widget's modules, the engine's glue and
  // wasm (and the browser's own favicon probe of the page's origin).
  const own = new Set([
    "/widget-snippet.html",
    "/favicon.ico",
    ...[...widgetModules(), "sapan.js", "sapan_bg.wasm"].map((f) => `/node_modules/sapan/${f}`),
  ]);
  const asked = site.browser.requests.slice(start).map((u) => new URL(u).pathname);
  assert.ok(asked.includes("/node_modules/sapan/sapan_bg.wasm"));
  assert.deepEqual(asked.filter((p) => !own.has(p)), [], "requests beyond the widget's own files");

  // Nothing left behind in the host page: no globals, no storage, no cookies.
  const traces = await page.evaluate(async () => ({
    globals: Object.getOwnPropertyNames(window).filter((k) => !window.globalsBefore.includes(k) && k !== "globalsBefore"),
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    databases: (await indexedDB.databases()).map((d) => d.name),
    cookie: document.cookie,
  }));
  assert.deepEqual(traces, { globals: [], localStorage: 0, sessionStorage: 0, databases: [], cookie: "" });
  await finish(page);
});

test("the app imports, aligns, decides, shows coverage and exports under Trusted Types enforcement", async () => {
  const page = await open("");
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  await page.fill("#import-text", `1. ตัวอย่าง ${READING}\n2. ตัวอย่าง ${HOSTILE} หาผลบวกของจำนวนนับ`);
  await page.click("#import-read");
  await page.waitForSelector("#import-table");
  await page.click("#import-use");
  await page.waitForSelector("#align-list article .work-confirm");
  await page.locator("#align-list article .work-confirm").first().click();
  await page.evaluate(() => (location.hash = "#coverage"));
  await page.waitForSelector("#coverage-matrix");
  await page.evaluate(() => (location.hash = "#export"));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  assert.ok(readFileSync(await download.path(), "utf8").includes(HOSTILE.replaceAll('"', '""')), "exported as written");
  await page.evaluate(() => (location.hash = "#free"));
  await page.fill("#free-text", READING);
  await page.waitForSelector("#free-results li");
  assert.equal(await page.locator("img, body script:not([src])").count(), 0, "no element made from the text");
  await finish(page);
});

test("h() refuses an event handler given as text, so no caller can make an inline script", async () => {
  const page = await open("");
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  const outcome = await page.evaluate(async () => {
    const { h } = await import("./dom.js");
    const made = h("button", { onclick: () => {} }, "ok");
    try {
      h("button", { onclick: "window.hacked = 1" });
      return { made: made.getAttribute("onclick"), threw: null };
    } catch (e) {
      return { made: made.getAttribute("onclick"), threw: e.name };
    }
  });
  assert.deepEqual(outcome, { made: null, threw: "TypeError" });
  await finish(page);
});

test("control: the test pages really enforce Trusted Types (a string given to innerHTML throws there)", async () => {
  // Without this, a CSP header the browser ignored would let every test above pass.
  const page = await open("widget-snippet.html");
  const threw = await page.evaluate(() => {
    try {
      document.createElement("div").innerHTML = "<b>x</b>";
      return null;
    } catch (e) {
      return e.name;
    }
  });
  assert.equal(threw, "TypeError");
  assert.equal((await page.evaluate(() => window.violations)).length, 1);
  await page.close();
});

test("the dependency audit reads Cargo.lock's sources and tells permissive licences from others", async () => {
  const { lockedCrates, permissive } = await import("../../scripts/audit.mjs");
  const crates = lockedCrates(readFileSync(join(root, "Cargo.lock"), "utf8"));
  const strsim = crates.find((c) => c.name === "strsim");
  assert.match(strsim.version, /^\d+\.\d+\.\d+$/);
  assert.match(strsim.source, /^registry\+.*\/crates\.io-index$/);
  assert.match(strsim.checksum, /^[0-9a-f]{64}$/);
  assert.equal(crates.find((c) => c.name === "sapan").source, null, "our own crate has no source");
  assert.ok(permissive("MIT OR Apache-2.0") && permissive("(MIT OR Apache-2.0) AND Unicode-3.0") && permissive("Unlicense OR MIT"));
  assert.ok(permissive("GPL-3.0 OR MIT"), "one permissive choice is enough");
  assert.ok(!permissive("GPL-3.0") && !permissive("MIT AND GPL-2.0") && !permissive("SSPL-1.0"));
});
