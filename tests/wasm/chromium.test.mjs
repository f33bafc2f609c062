// The npm package in headless Chromium: loaded by a page with init() (the
// browser fetches sapan_bg.wasm itself), it ranks every dev text and aligns the
// sample outcomes exactly as the native CLI; under a strict Content-Security-
// Policy it loads and ranks with no violation; and no request leaves 127.0.0.1.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/server.mjs";
import { launch } from "./chromium.mjs";
import {
  alignTop,
  assertSameJson,
  assertSameRanking,
  devTexts,
  nativeAlignment,
  nativeRankings,
  nativeRank,
  outcomesFile,
  outcomesText,
  rankOptions,
} from "./reference.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
// The policy the npm README promises is enough: WebAssembly compilation
// allowed, and nothing else (no 'unsafe-inline', no 'unsafe-eval').
const strictCsp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
// The same without 'wasm-unsafe-eval': proves the page does notice a violation.
const noWasmCsp = "default-src 'self'; script-src 'self'";

let browser, plain, strict, noWasm, page;
const texts = devTexts();

before(async () => {
  browser = await launch();
  plain = await serve(repo);
  strict = await serve(repo, { headers: { "content-security-policy": strictCsp } });
  noWasm = await serve(repo, { headers: { "content-security-policy": noWasmCsp } });
  for (const server of [plain, strict, noWasm]) browser.allow(server.url);
  page = await browser.newPage();
  await page.goto(`${plain.url}/tests/wasm/pages/parity.html`);
  await page.evaluate(() => window.sapan);
});

after(async () => {
  await browser?.close();
  await Promise.all([plain, strict, noWasm].map((s) => s?.close()));
});

test("the page fetched the package and its wasm from the test server", async () => {
  assert.equal(await page.locator("#status").textContent(), `ready ${await page.evaluate(async () => (await window.sapan).version)}`);
  assert.ok(browser.requests.includes(`${plain.url}/pkg/sapan.js`), "sapan.js requested");
  assert.ok(browser.requests.includes(`${plain.url}/pkg/sapan_bg.wasm`), "sapan_bg.wasm requested by init()");
  assert.deepEqual(page.problems, [], "console errors or uncaught exceptions");
});

/** Every dev text ranked in the page with the options of `kind`. */
function rankInPage(kind) {
  const jobs = texts.map((t) => ({ text: t.text, options: rankOptions[kind](t) }));
  return page.evaluate(async (jobs) => {
    const engine = await window.sapan;
    return jobs.map(({ text, options }) => engine.rank(text, options));
  }, jobs);
}

test("in Chromium, every dev text ranked against all 582 indicators equals the native ranking", async () => {
  const expected = nativeRankings(texts);
  const [all, filtered] = [await rankInPage("all"), await rankInPage("filtered")];
  texts.forEach((t, i) => assertSameRanking(all[i], expected.all[i], `${t.id} (all 582)`));
  // The second half of the issue, in the same test to run the CLI once.
  texts.forEach((t, i) => assertSameRanking(filtered[i], expected.filtered[i], `${t.id} (grade and area, top 10)`));
  assert.ok(all.every((r) => r.length > 10) && filtered.every((r) => r.length > 0 && r.length <= 10));
});

test("in Chromium, the sample outcomes exported as JSON and CSV equal `sapan align`", async () => {
  const exported = await page.evaluate(
    async ({ input, name, topK }) => {
      const engine = await window.sapan;
      const parsed = engine.parseOutcomes(input, { name });
      const alignment = engine.align(parsed, { topK });
      return { problems: parsed.problems, json: engine.export(alignment, "json"), csv: engine.export(alignment, "csv") };
    },
    { input: outcomesText(), name: outcomesFile, topK: alignTop },
  );
  assert.deepEqual(exported.problems, []);
  // Outcomes handed to align() as data have no line (see parity.test.mjs).
  const withoutLines = (r) => ({ ...r, outcomes: r.outcomes.map((o) => ({ ...o, outcome: { ...o.outcome, line: null } })) });
  assertSameJson(withoutLines(JSON.parse(exported.json)), withoutLines(JSON.parse(nativeAlignment("json"))));
  assert.equal(exported.csv, nativeAlignment("csv"));
});

/** Loads csp.html from `server` and waits until it ranked or failed. */
async function cspPage(server) {
  const p = await browser.newPage();
  const response = await p.goto(`${server.url}/tests/wasm/pages/csp.html`);
  await p.locator("#status[data-done]").waitFor();
  return {
    page: p,
    header: response.headers()["content-security-policy"],
    status: await p.locator("#status").textContent(),
    query: await p.locator("#query").textContent(),
    codes: await p.locator("#ranked li").evaluateAll((items) => items.map((li) => li.dataset.code)),
    violations: await p.evaluate(() => window.cspViolations),
  };
}

test("under a strict CSP (script-src 'self' 'wasm-unsafe-eval') the package loads and ranks with no violation", async () => {
  const { page: p, header, status, query, codes, violations } = await cspPage(strict);
  assert.equal(header, strictCsp);
  assert.equal(status, "ranked");
  const [native] = nativeRank([{ id: "csp", text: query, grade: 4 }], 3);
  assert.deepEqual(codes, native.map((m) => m.code));
  assert.deepEqual(violations, []);
  assert.deepEqual(p.problems, []);
  await p.close();
});

test("the CSP check can fail: without 'wasm-unsafe-eval' init() is refused and the violation is seen", async () => {
  const { page: p, status, codes, violations } = await cspPage(noWasm);
  assert.match(status, /^error: /);
  assert.deepEqual(codes, []);
  assert.ok(violations.some((v) => v.startsWith("script-src") && v.includes("wasm-eval")), violations.join("; "));
  await p.close();
});

test("no page made a request outside 127.0.0.1", () => {
  assert.ok(browser.requests.length >= 4);
  browser.assertNoOffsite();
});
