// The widget's numbers in headless Chromium (scripts/bench-widget), printed,
// never asserted: a busy machine would make any bound flaky.
//
// A page embeds three widgets (tests/wasm/pages/widget-bench.html: two in
// search mode, one aligning a small file). Each run is a fresh page load with
// no HTTP cache, at full speed and at a 4× CPU throttle (a mid-range phone):
// - the longest main-thread task from navigation until every widget is ready
//   and a text typed into the first one shows its first suggestion
//   (PerformanceObserver "longtask": tasks over 50 ms; 0 when there was none);
// - navigation → every widget ready; typing → first suggestion on screen;
// - the bytes that came over the wire for it (the test server sends files as
//   they are, uncompressed), and what the same files weigh after gzip -9 and
//   brotli 11 (what a server with the .gz/.br files sends). The files are the
//   ones the browser asked for, the worker's included, from its own request log.
// Median of RUNS (default 5) runs each.
import { readFileSync, cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { openSite, root } from "./site.mjs";
import { median } from "./pages/workload.js";

const RUNS = Number(process.env.RUNS ?? 5);
const TEXT = "อ่านออกเสียงบทร้อยแก้วและบทร้อยกรองได้ถูกต้อง";

async function run(site, throttle) {
  const page = await site.browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttle > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const seen = site.browser.requests.length;
  await page.goto(`${site.url}/widget-bench.html`);
  const ready = await page.evaluate(async () => {
    await customElements.whenDefined("sapan-align");
    await Promise.all([...document.querySelectorAll("sapan-align")].map((el) => el.ready));
    return performance.now();
  });
  const query = await page.evaluate(async (text) => {
    const el = document.getElementById("s1");
    const field = el.shadowRoot.querySelector("input, textarea");
    const start = performance.now();
    field.value = text;
    field.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
    await new Promise((resolve) => {
      const check = () => (el.shadowRoot.querySelector(".match") ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - start;
  }, TEXT);
  // Let a last long task, if any, be reported.
  await page.waitForTimeout(100);
  const tasks = await page.evaluate(() => window.longTasks);
  if (process.env.SHOW_TASKS) console.log(JSON.stringify(tasks), "ready at", ready.toFixed(0));
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  // Every file the page and its worker asked for (the browser's own log of requests:
  // a worker's are not in the page's resource timing), once each.
  const files = [...new Set(site.browser.requests.slice(seen))].filter((u) => existsSync(join(site.dir, new URL(u).pathname)));
  await page.close();
  return { longest, ready, query, files };
}

const site = await openSite("bench-widget");
try {
  for (const f of ["widget-bench.html", "widget-outcomes.csv"]) cpSync(join(root, "tests/wasm/pages", f), join(site.dir, f));
  const sizes = (files) => {
    let raw = 0, gz = 0, br = 0;
    for (const url of files) {
      const path = join(site.dir, new URL(url).pathname);
      const bytes = readFileSync(path);
      raw += bytes.length;
      gz += gzipSync(bytes, { level: 9 }).length;
      br += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    return { raw, gz, br };
  };
  for (const throttle of [1, 4]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(site, throttle));
    const m = (k) => median(runs.map((r) => r[k])).toFixed(0);
    console.log(`== three widgets, CPU ${throttle === 1 ? "full speed" : `${throttle}× throttled`} (median of ${RUNS} fresh loads) ==`);
    const worst = Math.max(...runs.map((r) => r.longest));
    console.log(`  longest main-thread task: ${m("longest")} ms, worst run ${worst.toFixed(0)} ms   (target: none over 50 ms)`);
    console.log(`  navigation → every widget ready: ${m("ready")} ms`);
    console.log(`  typing → first suggestion on screen: ${m("query")} ms`);
    if (throttle === 1) {
      const files = runs[0].files;
      const s = sizes(files);
      console.log(`  files: ${files.length} (page, modules, worker, wasm, the align widget's src file): ${s.raw} B as a plain server sends them, ${s.gz} B gzip -9, ${s.br} B brotli 11`);
    }
  }
} finally {
  await site.close();
}
