// The teacher app's numbers in headless Chromium (scripts/bench-app), printed,
// never asserted: a busy machine would make any bound flaky.
//
// - open → first suggestions: a fresh browser profile (nothing cached, no saved
//   project) opens the free-text view; the moment the app says it is ready a
//   text is typed; the clock stops when the first suggestion is in the page.
//   Reported as navigation → ready, typing → suggestions, and the sum.
// - 100 pasted outcomes end to end: 100 dev texts pasted as a numbered list;
//   the clock starts at "read the list" and stops when the align view shows
//   all 100 aligned, with its first page of cards (50, www/app/align-view.js
//   PAGE_SIZE), and the browser has painted them (two animation frames).
// - the first load: the bytes of index.html and everything it loads on
//   opening (scripts/package.mjs appFiles, as scripts/build counts them), and
//   what each view loaded on first use adds.
// Median of RUNS (default 5) fresh profiles each. Each figure is printed with
// its target from issue 16 ("Ready at once"), to compare, not to assert.
import { openSite } from "./site.mjs";
import { appFiles, appLazyViews, appPath, downloadSizes } from "../../scripts/package.mjs";
import { devTexts } from "./reference.mjs";
import { median } from "./pages/workload.js";

const RUNS = Number(process.env.RUNS ?? 5);
const texts = devTexts().map((d) => d.text);
const hundred = Array.from({ length: 100 }, (_, i) => `${i + 1}. ${texts[i % texts.length].replace(/\s+/g, " ")}`).join("\n");

async function firstSuggestions() {
  const site = await openSite("bench-app-open");
  try {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/#free`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    const ready = await page.evaluate(() => performance.now());
    const query = await page.evaluate(
      (text) =>
        new Promise((resolve) => {
          const results = document.getElementById("free-results");
          const input = document.getElementById("free-text");
          const start = performance.now();
          const done = () => {
            if (!results.querySelector("li")) return false;
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
            return true;
          };
          new MutationObserver((_, observer) => done() && observer.disconnect()).observe(results, { childList: true, subtree: true });
          input.value = text;
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }),
      "อ่านออกเสียงบทร้อยแก้วและบทร้อยกรองได้ถูกต้อง",
    );
    return { ready, query, total: ready + query };
  } finally {
    await site.close();
  }
}

async function hundredOutcomes() {
  const site = await openSite("bench-app-100");
  try {
    const page = await site.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${site.url}/#import`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await page.fill("#import-text", hundred);
    const read = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const start = performance.now();
          document.getElementById("import-read").click();
          const preview = () => {
            const use = document.getElementById("import-use");
            if (!use) return requestAnimationFrame(preview);
            const parsed = performance.now();
            use.click();
            const cards = () => {
              const onPage = document.querySelectorAll("#align-list article").length;
              if (onPage < 50 || !document.querySelector("#align-progress")?.textContent.includes("100")) return requestAnimationFrame(cards);
              const shown = performance.now();
              requestAnimationFrame(() =>
                requestAnimationFrame(() => resolve({ preview: parsed - start, align: performance.now() - parsed, dom: shown - start, total: performance.now() - start })),
              );
            };
            cards();
          };
          preview();
        }),
    );
    const cards = await page.locator("#align-list article").count();
    if (cards !== 50) throw new Error(`expected a page of 50 cards, found ${cards}`);
    return read;
  } finally {
    await site.close();
  }
}

const opens = [];
const hundreds = [];
for (let i = 0; i < RUNS; i++) {
  opens.push(await firstSuggestions());
  hundreds.push(await hundredOutcomes());
}
const ms = (x) => `${x.toFixed(0)} ms`;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const bytes = ({ raw, gzip, brotli }) => `${kb(raw)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli`;
const FIRST_SUGGESTIONS_MS = 300;
const FIRST_LOAD_BROTLI = 350_000;
const opening = appFiles();
const first = downloadSizes(opening).total;
const engine = downloadSizes(opening.filter(([name]) => name === "sapan_bg.wasm")).total;
console.log(`teacher app in headless Chromium, median of ${RUNS} fresh profiles`);
console.log(
  `  open → first suggestions: ${ms(median(opens.map((o) => o.total)))} (target: first suggestions ≤ ${FIRST_SUGGESTIONS_MS} ms after navigation; navigation → ready ${ms(median(opens.map((o) => o.ready)))}, typing → suggestions painted ${ms(median(opens.map((o) => o.query)))})`,
);
console.log(`  first load, ${opening.length} files: ${bytes(first)} (target: ≤ ${FIRST_LOAD_BROTLI / 1000} KB brotli; of it the engine's wasm ${kb(engine.brotli)} brotli, the rest ${kb(first.brotli - engine.brotli)})`);
for (const { entry, files } of appLazyViews()) console.log(`    + ${entry} on first use, ${files.length} files: ${bytes(downloadSizes(files.map(appPath)).total)}`);
console.log(
  `  100 pasted outcomes, read → first page of cards painted: ${ms(median(hundreds.map((o) => o.total)))} (read + preview ${ms(median(hundreds.map((o) => o.preview)))}, use → align view ${ms(median(hundreds.map((o) => o.align)))})`,
);
