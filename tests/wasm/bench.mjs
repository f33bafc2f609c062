// The package's numbers, for Node and for headless Chromium (scripts/bench-wasm):
// the size of what a browser downloads (gzip -9 and brotli quality 11), the
// time to a ready engine (init, then new Engine(), each run a fresh process or a
// fresh page load, median of RUNS), `rank` of one text (median over the 115 dev
// texts after a warm-up) and `align` of 100 and 1,000 outcomes (dev texts cycled,
// no grade, top 10, evidence on). Printed next to issue 16's targets, never
// asserted. SAPAN_PKG=dir measures another build of the package (e.g. main's, for a
// before/after in one run); the page loads it from that directory.
import { readFileSync, readdirSync, mkdtempSync, symlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { median, measureWork } from "./pages/workload.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const pkgDir = process.env.SAPAN_PKG ? `${process.env.SAPAN_PKG.replace(/\/$/, "")}/` : `${repo}pkg/`;
const pkg = (file) => `${pkgDir}${file}`;
// Issue 16's targets, printed beside the figures.
const TARGET = { readyMs: 60, packageBrotli: 320 * 1024 };
const RUNS = Number(process.env.RUNS ?? 7);

// A child process times one cold start: module import excluded, the wasm
// bytes already read (a Node program reads them before initSync).
if (process.argv[2] === "--cold-start") {
  const { initSync, Engine } = await import(pkg("sapan.js"));
  const bytes = readFileSync(pkg("sapan_bg.wasm"));
  const start = performance.now();
  initSync({ module: bytes });
  const ready = performance.now();
  new Engine();
  const built = performance.now();
  console.log(JSON.stringify({ init: ready - start, engine: built - ready, total: built - start }));
  process.exit(0);
}

const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const texts = readFileSync(`${repo}data/gold/dev.jsonl`, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l).text);

function sizeRow(file) {
  const bytes = readFileSync(pkg(file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

function sizes() {
  const line = (name, row) =>
    console.log(`  ${name.padEnd(14)} ${String(row.raw).padStart(9)} ${String(row.gzip).padStart(9)} ${String(row.brotli).padStart(9)}`);
  const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  console.log(`== what a browser downloads (bytes; ${pkgDir}) ==`);
  console.log(`  ${"file".padEnd(14)} ${"raw".padStart(9)} ${"gzip -9".padStart(9)} ${"brotli 11".padStart(9)}`);
  const engine = ["sapan.js", "sapan_bg.wasm"].map((f) => [f, sizeRow(f)]);
  for (const [f, row] of engine) line(f, row);
  line("engine", sum(engine.map(([, r]) => r)));
  // Every module the package ships (the widget's too) with the wasm: what a page that
  // uses all of it loads.
  const modules = readdirSync(pkgDir).filter((f) => f.endsWith(".js"));
  const all = sum([...modules.filter((f) => f !== "sapan.js").map(sizeRow), ...engine.map(([, r]) => r)]);
  line(`package (${modules.length + 1})`, all);
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  console.log(`  package, every module and the wasm, brotli: ${kb(all.brotli)} (target ≤ ${kb(TARGET.packageBrotli)}: ${all.brotli <= TARGET.packageBrotli ? "met" : "not met"})`);
}

function printStart(runs, extra = "") {
  const m = (k) => ms(median(runs.map((r) => r[k])));
  const total = median(runs.map((r) => r.total));
  const verdict = total <= TARGET.readyMs ? "met" : "not met";
  console.log(`  init → ready engine:  ${m("total")}  (init ${m("init")}, new Engine() ${m("engine")}; median of ${runs.length}${extra}; target ≤ ${TARGET.readyMs} ms: ${verdict})`);
}

function printWork(w) {
  console.log(`  rank one text (all 582, top 10, evidence):  ${ms(w.rank)}  (evidence off: ${ms(w.rankNoEvidence)}; median over ${texts.length} dev texts)`);
  console.log(`  align 100 outcomes × 582:   ${ms(w.align100)}  (median of 5)`);
  console.log(`  align 1,000 outcomes × 582: ${ms(w.align1000)}  (median of 3)`);
}

async function node() {
  console.log(`== Node ${process.version} (initSync; each start a fresh process) ==`);
  const runs = Array.from({ length: RUNS }, () =>
    JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--cold-start"], { encoding: "utf8" })),
  );
  printStart(runs);
  const { initSync, Engine } = await import(pkg("sapan.js"));
  initSync({ module: readFileSync(pkg("sapan_bg.wasm")) });
  printWork(measureWork(new Engine(), texts));
}

async function chromium() {
  const { serve } = await import("../../scripts/server.mjs");
  const { launch, executablePath } = await import("./chromium.mjs");
  const version = execFileSync(executablePath, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  console.log(`== headless ${version} (init() fetches the wasm from 127.0.0.1; each start a fresh page load, no HTTP cache) ==`);
  // The page imports /pkg/sapan.js: another package is served under /pkg of a root of
  // links, the rest from the repository.
  let root = repo;
  if (process.env.SAPAN_PKG) {
    root = mkdtempSync(join(tmpdir(), "sapan-bench-"));
    for (const dir of ["tests", "data", "www"]) symlinkSync(join(repo, dir), join(root, dir));
    symlinkSync(pkgDir, join(root, "pkg"));
  }
  const server = await serve(root);
  const browser = await launch();
  browser.allow(server.url);
  try {
    const runs = [];
    let page;
    for (let i = 0; i < RUNS; i++) {
      await page?.close();
      page = await browser.newPage();
      await page.goto(`${server.url}/tests/wasm/pages/bench.html`);
      await page.waitForFunction(() => window.bench);
      runs.push(await page.evaluate(() => ({ ...window.bench, measure: undefined })));
    }
    printStart(runs);
    console.log(`  navigation start → ready engine: ${ms(median(runs.map((r) => r.sinceNavigation)))}  (HTML, glue and wasm loaded over 127.0.0.1)`);
    printWork(await page.evaluate((texts) => window.bench.measure(texts), texts));
    if (browser.offsite.length) console.log(`  (requests outside 127.0.0.1 were blocked: ${browser.offsite.join(", ")})`);
  } finally {
    await browser.close();
    await server.close();
    if (root !== repo) rmSync(root, { recursive: true, force: true });
  }
}

sizes();
await node();
await chromium();
