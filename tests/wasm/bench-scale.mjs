// How time and memory grow with the number of outcomes (scripts/bench-scale),
// printed, never asserted: a busy machine would make any bound flaky.
//
// The app, in headless Chromium, a fresh profile per size: N outcomes (the
// 115 dev texts cycled, distinct ids) pasted as CSV and read; the clock
// starts at "use this list" and stops when the align view shows its cards
// and the browser has painted them. During that time: the longest task of
// the page's main thread (PerformanceObserver "longtask": tasks over 50 ms)
// and, at the end, the page's JS heap (CDP Performance.getMetrics
// JSHeapUsedSize, after a garbage collection; the worker's heap is its own
// and not in it). For the largest size, the same after a reload (the saved
// project aligned again at start-up).
//
// The CLI: `target/release/sapan align --outcomes F --format csv|json|md`
// on N lines, wall time and peak resident memory (GNU time's %M).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSite } from "./site.mjs";
import { devTexts, sapanBin } from "./reference.mjs";

const APP_SIZES = (process.env.APP_SIZES ?? "150,1000,10000").split(",").filter(Boolean).map(Number);
const CLI_SIZES = (process.env.CLI_SIZES ?? "1000,10000,100000").split(",").filter(Boolean).map(Number);
const CLI_FORMATS = (process.env.CLI_FORMATS ?? "csv,json,md").split(",").filter(Boolean);
const texts = devTexts().map((d) => d.text.replace(/\s+/g, " "));
const csv = (n) => ["id,text", ...Array.from({ length: n }, (_, i) => `lo-${i + 1},"${texts[i % texts.length].replace(/"/g, '""')}"`)].join("\n") + "\n";

const ms = (x) => `${Math.round(x).toLocaleString("en-US")} ms`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;

/** Starts recording long tasks in the page; `window.longest()` reads the longest since. */
const watchLongTasks = (page) =>
  page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
  });

async function heap(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "JSHeapUsedSize").value;
}

const untilAligned = (page, n) =>
  page.evaluate(
    (n) =>
      new Promise((resolve) => {
        const check = () => {
          const done = document.getElementById("app-aligning").hidden && document.querySelector("#align-progress")?.textContent.includes(String(n));
          if (!done) return setTimeout(check, 20);
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
        };
        check();
      }),
    n,
  );

async function appRun(n) {
  const site = await openSite(`bench-scale-${n}`);
  try {
    const page = await site.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(`${site.url}/#import`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    const before = await heap(cdp);
    await page.evaluate((text) => {
      const box = document.getElementById("import-text");
      box.value = text;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, csv(n));
    const readStart = await page.evaluate(() => performance.now());
    await page.click("#import-read", { timeout: 300_000 });
    await page.waitForSelector("#import-use", { timeout: 300_000 });
    const readEnd = await page.evaluate(() => performance.now());
    await watchLongTasks(page);
    const start = await page.evaluate(() => {
      const t = performance.now();
      document.getElementById("import-use").click();
      return t;
    });
    const end = await untilAligned(page, n);
    const longest = await page.evaluate(() => Math.max(0, ...window.longTasks));
    const used = await heap(cdp);
    const result = { n, read: readEnd - readStart, aligned: end - start, longest, heap: used, heapBefore: before };
    if (n === Math.max(...APP_SIZES)) {
      await page.evaluate(() => (location.hash = "#export"));
      await page.waitForFunction(() => document.getElementById("save-state")?.dataset.state === "saved", null, { timeout: 300_000 });
      await page.evaluate(() => (location.hash = "#align"));
      await page.reload();
      await page.waitForFunction(() => document.body.dataset.ready === "true");
      // From "ready": the saved project's alignment starts there.
      await watchLongTasks(page);
      const end2 = await untilAligned(page, n);
      const longest2 = await page.evaluate(() => Math.max(0, ...window.longTasks));
      result.reload = { aligned: end2, longest: longest2, heap: await heap(cdp) };
    }
    return result;
  } finally {
    await site.close();
  }
}

function cliRun(file, n, format) {
  const timed = spawnSync("/usr/bin/time", ["-f", "%e %M", sapanBin, "align", "--outcomes", file, "--format", format], {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const [seconds, kb] = timed.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { n, format, seconds, rss: kb * 1024 };
}

console.log(`teacher app in headless Chromium (${execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim()}), one fresh profile per size`);
console.log("  outcomes | read + preview | use → all aligned and painted | longest main-thread task | JS heap (page, after GC)");
for (const n of APP_SIZES) {
  const r = await appRun(n);
  console.log(`  ${n.toLocaleString("en-US").padStart(8)} | ${ms(r.read).padStart(14)} | ${ms(r.aligned).padStart(28)} | ${ms(r.longest).padStart(24)} | ${mb(r.heap)} (${mb(r.heapBefore)} before)`);
  if (r.reload) console.log(`  ${n.toLocaleString("en-US").padStart(8)} reloaded: navigation → all aligned and painted ${ms(r.reload.aligned)}, longest task ${ms(r.reload.longest)}, heap ${mb(r.reload.heap)}`);
}

if (!CLI_SIZES.length) {
  // Only the app asked for.
} else if (!existsSync("/usr/bin/time")) {
  console.log("CLI: /usr/bin/time (GNU time) is missing: no peak memory to report");
} else {
  const dir = mkdtempSync(join(tmpdir(), "sapan-bench-scale-"));
  try {
    console.log("native CLI (target/release/sapan align), wall time and peak resident memory");
    console.log("     lines | format | time     | peak RSS");
    for (const n of CLI_SIZES) {
      const file = join(dir, `outcomes-${n}.csv`);
      writeFileSync(file, csv(n));
      for (const format of CLI_FORMATS) {
        const r = cliRun(file, n, format);
        console.log(`  ${n.toLocaleString("en-US").padStart(8)} | ${format.padEnd(6)} | ${`${r.seconds.toFixed(2)} s`.padEnd(8)} | ${mb(r.rss)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
