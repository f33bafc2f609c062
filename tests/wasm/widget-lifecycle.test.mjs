// <sapan-align>'s lifecycle in real Chromium, modelled on emoji-picker-element's
// lifecycle tests: an element connected and removed in the same task, moved
// (removed and inserted again at once) before its engine is ready or while
// its file loads, removed while it loads a file or waits out the typing pause,
// and inserted again in a later task. The behaviour pinned down:
// - `sapan-ready` is sent once per element, the first time it is in the page
//   with its engine loaded (a move or a reinsertion sends no second one);
// - a move changes nothing: one request for `src`, nothing aborted;
// - a removal that holds to the end of the task cancels the typing pause and
//   aborts the `src` request, with no event, no error and no render after it;
// - inserted again later, the element takes up what the removal cancelled.
// Every page is served under the widget tests' strict CSP, and every test
// checks that nothing was blocked or logged as an error and no request left 127.0.0.1.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { finishPage, openSite, recordViolations, root } from "./site.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const pages = join(root, "tests/wasm/pages");
const OUTCOMES_CSV = readFileSync(join(pages, "widget-outcomes.csv"), "utf8");
const READING = "นักเรียนอ่านออกเสียงบทกลอนได้ถูกต้อง";
// Longer than the widget's typing pause (120 ms) and a local request, many times over.
const SETTLE_MS = 600;

let site;

before(async () => {
  site = await openSite("widget-lifecycle", { headers: { "Content-Security-Policy": CSP } });
  for (const f of ["widget-lifecycle.html", "widget-outcomes.csv"]) cpSync(join(pages, f), join(site.dir, f));
});

after(async () => {
  await site?.close();
});

/**
 * widget-lifecycle.html with ./widget.js imported (the element defined, no
 * engine loaded yet), every sapan-* event on `document` recorded in
 * `window.heard`, and every fetch() the page makes in `window.fetches`: its
 * URL, whether its signal was aborted, and how it settled (`"ok"` or the error's name).
 */
async function open() {
  const page = await site.browser.newPage();
  await recordViolations(page);
  await page.addInitScript(() => {
    window.heard = [];
    window.fetches = [];
    for (const type of ["sapan-ready", "sapan-change", "sapan-error"]) {
      document.addEventListener(type, (e) => window.heard.push({ type, target: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) }));
    }
    const realFetch = window.fetch;
    window.fetch = function (input, init) {
      const record = { url: String(input), aborted: false, settled: null };
      init?.signal?.addEventListener("abort", () => (record.aborted = true));
      window.fetches.push(record);
      const response = realFetch.call(this, input, init);
      response.then(
        () => (record.settled = "ok"),
        (e) => (record.settled = e.name),
      );
      return response;
    };
  });
  await page.goto(`${site.url}/widget-lifecycle.html`);
  await page.evaluate(() => import("./widget.js"));
  return page;
}

/** Holds every request for `path` until `release()`; `arrived` resolves when the first one does. */
async function holdRequests(page, path) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  let arrive;
  const arrived = new Promise((resolve) => (arrive = resolve));
  await page.route(`**/${path}*`, async (route) => {
    arrive();
    await gate;
    // The page may have aborted the request meanwhile: then there is nobody to answer.
    await route.fulfill({ status: 200, contentType: "text/csv; charset=utf-8", body: OUTCOMES_CSV }).catch(() => {});
  });
  return { arrived, release };
}

/** The checks every test ends with. */
function finish(page) {
  return finishPage(site, page);
}

const settle = (page) => page.waitForTimeout(SETTLE_MS);
const heard = (page, type, target) => page.evaluate(([ty, ta]) => window.heard.filter((e) => e.type === ty && e.target === ta), [type, target]);
const fetchesOf = (page, path) => page.evaluate((p) => window.fetches.filter((f) => new URL(f.url).pathname === `/${p}`), path);
/** Requests that reached the network (the browser context's record) for `path?case=<name>`. */
const requestsFor = (path, name) => site.browser.requests.filter((u) => u.endsWith(`/${path}?case=${name}`));
const shown = (page, id, selector) => page.evaluate(([i, s]) => window.made[i].shadowRoot.querySelectorAll(s).length, [id, selector]);

/** Creates `<sapan-align id=…>` with `attributes`, not yet in the page. */
function make(page, id, attributes = {}) {
  return page.evaluate(
    ([i, attrs]) => {
      const el = document.createElement("sapan-align");
      el.id = i;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      (window.made ??= {})[i] = el;
    },
    [id, attributes],
  );
}

test("connected and removed in the same task: no sapan-ready, no error, no request for src", async () => {
  const page = await open();
  // Before the page's engine is loaded…
  await make(page, "early", { mode: "align", src: "widget-outcomes.csv?case=early" });
  await page.evaluate(() => {
    document.getElementById("here").append(window.made.early);
    window.made.early.remove();
  });
  // …and after, when the engine answers at once.
  await make(page, "ref");
  await page.evaluate(() => document.getElementById("here").append(window.made.ref));
  await page.evaluate(() => window.made.ref.ready);
  await make(page, "late", { mode: "align", src: "widget-outcomes.csv?case=late" });
  await page.evaluate(() => {
    document.getElementById("here").append(window.made.late);
    window.made.late.remove();
  });
  await settle(page);

  for (const id of ["early", "late"]) {
    assert.deepEqual(await heard(page, "sapan-ready", id), [], `${id}: no sapan-ready`);
    assert.deepEqual(await heard(page, "sapan-error", id), [], `${id}: no sapan-error`);
    assert.deepEqual(requestsFor("widget-outcomes.csv", id), [], `${id}: src never requested`);
    assert.equal(await shown(page, id, "li.outcome"), 0);
  }
  assert.equal((await fetchesOf(page, "widget-outcomes.csv")).length, 0);
  assert.equal((await heard(page, "sapan-ready", "ref")).length, 1);
  assert.equal(await page.evaluate(() => Promise.race([window.made.early.ready.then(() => "ready"), "pending"])), "pending");
  await finish(page);
});

test("connected and removed at once, then inserted in a later task: it starts then, with one sapan-ready", async () => {
  const page = await open();
  await make(page, "back", { mode: "align", src: "widget-outcomes.csv?case=back" });
  await page.evaluate(() => {
    document.getElementById("here").append(window.made.back);
    window.made.back.remove();
  });
  await settle(page);
  assert.deepEqual(await heard(page, "sapan-ready", "back"), []);
  await page.evaluate(() => document.getElementById("there").append(window.made.back));
  await page.evaluate(() => window.made.back.ready);
  await page.waitForFunction(() => window.made.back.shadowRoot.querySelectorAll("li.outcome").length === 2);
  await settle(page);
  assert.equal((await heard(page, "sapan-ready", "back")).length, 1);
  assert.equal(requestsFor("widget-outcomes.csv", "back").length, 1);
  assert.deepEqual(await heard(page, "sapan-error", "back"), []);
  await finish(page);
});

test("moved before its engine is ready: one sapan-ready and one request for src", async () => {
  const page = await open();
  await make(page, "moved", { mode: "align", src: "widget-outcomes.csv?case=moved" });
  const loading = await page.evaluate(async () => {
    const el = window.made.moved;
    document.getElementById("here").append(el);
    document.getElementById("there").append(el); // a move: removed and inserted in one step
    el.remove();
    document.getElementById("here").append(el); // and again, by hand
    // Its first render comes in a task of its own.
    await new Promise((r) => setTimeout(r, 0));
    return el.shadowRoot.querySelector("[part=status]").textContent;
  });
  assert.equal(loading, "กำลังโหลดตัวจับคู่ตัวชี้วัด…", "the engine was not ready when it moved");
  await page.evaluate(() => window.made.moved.ready);
  await page.waitForFunction(() => window.made.moved.shadowRoot.querySelectorAll("li.outcome").length === 2);
  await settle(page);
  assert.equal((await heard(page, "sapan-ready", "moved")).length, 1);
  assert.equal(requestsFor("widget-outcomes.csv", "moved").length, 1, "src fetched once");
  const [fetched, ...more] = await fetchesOf(page, "widget-outcomes.csv");
  assert.deepEqual(more, []);
  assert.deepEqual([fetched.aborted, fetched.settled], [false, "ok"]);
  assert.equal(await page.evaluate(() => window.made.moved.parentElement.id), "here");
  await finish(page);
});

test("moved while its src file loads or after typing: nothing is cancelled or repeated", async () => {
  const page = await open();
  const held = await holdRequests(page, "held.csv");
  await make(page, "a", { mode: "align" });
  await make(page, "s");
  await page.evaluate(async () => {
    document.getElementById("here").append(window.made.a, window.made.s);
    await Promise.all([window.made.a.ready, window.made.s.ready]);
    window.made.a.src = "held.csv?case=held-move";
  });
  await held.arrived;
  await page.evaluate((text) => {
    const s = window.made.s;
    const box = s.shadowRoot.querySelector("input");
    box.value = text;
    box.dispatchEvent(new Event("input"));
    // Both moved in the same task as the typing, the file still loading.
    document.getElementById("there").append(window.made.a, s);
  }, READING);
  held.release();
  await page.waitForFunction(() => window.made.a.shadowRoot.querySelectorAll("li.outcome").length === 2);
  await page.waitForFunction(() => window.heard.some((e) => e.type === "sapan-change" && e.target === "s"));
  await settle(page);
  const [fetched, ...more] = await fetchesOf(page, "held.csv");
  assert.deepEqual(more, [], "one request for src");
  assert.deepEqual([fetched.aborted, fetched.settled], [false, "ok"]);
  assert.equal(requestsFor("held.csv", "held-move").length, 1);
  const changes = await heard(page, "sapan-change", "s");
  assert.deepEqual(changes.map((c) => c.detail.query), [READING], "one sapan-change for the typing");
  assert.ok((await shown(page, "s", "li.match")) > 0);
  assert.equal(await page.evaluate(() => window.made.s.shadowRoot.querySelector("input").value), READING, "the text moved with it");
  for (const id of ["a", "s"]) assert.equal((await heard(page, "sapan-ready", id)).length, 1, `${id}: one sapan-ready`);
  await finish(page);
});

test("removed while its src file loads: the request is aborted, and nothing is shown or sent later", async () => {
  const page = await open();
  const held = await holdRequests(page, "held.csv");
  await make(page, "a", { mode: "align" });
  await page.evaluate(async () => {
    document.getElementById("here").append(window.made.a);
    await window.made.a.ready;
    window.made.a.src = "held.csv?case=held-remove";
  });
  await held.arrived;
  assert.match(await page.evaluate(() => window.made.a.shadowRoot.querySelector("[part=status]").textContent), /held\.csv/, "loading the file");
  await page.evaluate(() => window.made.a.remove());
  await page.waitForFunction(() => window.fetches.some((f) => f.url.includes("held.csv") && f.settled));
  held.release();
  await settle(page);
  const [fetched, ...more] = await fetchesOf(page, "held.csv");
  assert.deepEqual(more, []);
  assert.deepEqual([fetched.aborted, fetched.settled], [true, "AbortError"]);
  assert.deepEqual(await heard(page, "sapan-error", "a"), [], "an aborted request is no error");
  assert.equal(await shown(page, "a", "li.outcome"), 0, "the file's outcomes never shown");
  assert.deepEqual(await page.evaluate(() => window.made.a.outcomes), []);

  // Inserted again in a later task: the file is requested again and shown, with no second sapan-ready.
  await page.evaluate(() => document.getElementById("there").append(window.made.a));
  await page.waitForFunction(() => window.made.a.shadowRoot.querySelectorAll("li.outcome").length === 2);
  await settle(page);
  const fetches = await fetchesOf(page, "held.csv");
  assert.equal(fetches.length, 2);
  assert.deepEqual([fetches[1].aborted, fetches[1].settled], [false, "ok"]);
  assert.equal((await heard(page, "sapan-ready", "a")).length, 1, "one sapan-ready per element");
  assert.deepEqual(await heard(page, "sapan-error", "a"), []);
  await finish(page);
});

test("removed during the typing pause: no late ranking, render or sapan-change; inserted again, it ranks the text", async () => {
  const page = await open();
  await make(page, "s");
  await page.evaluate(async (text) => {
    const s = window.made.s;
    document.getElementById("here").append(s);
    await s.ready;
    const box = s.shadowRoot.querySelector("input");
    box.value = text;
    box.dispatchEvent(new Event("input"));
    s.remove();
  }, READING);
  await settle(page);
  assert.deepEqual(await heard(page, "sapan-change", "s"), [], "no sapan-change after removal");
  assert.equal(await shown(page, "s", "li.match"), 0, "no results rendered after removal");
  assert.match(await page.evaluate(() => window.made.s.shadowRoot.querySelector("[part=status]").textContent), /^พิมพ์ข้อความ/, "the status still asks for text");

  // Inserted again in a later task: the text typed before the removal is ranked.
  await page.evaluate(() => document.getElementById("there").append(window.made.s));
  await page.waitForFunction(() => window.heard.some((e) => e.type === "sapan-change" && e.target === "s"));
  await settle(page);
  const changes = await heard(page, "sapan-change", "s");
  assert.deepEqual(changes.map((c) => c.detail.query), [READING]);
  assert.deepEqual(
    await page.evaluate(() => [...window.made.s.shadowRoot.querySelectorAll("li.match")].map((li) => li.dataset.code)),
    changes[0].detail.matches.map((m) => m.code),
  );
  assert.ok(changes[0].detail.matches.length > 0);
  // Typing goes on working in its new place.
  await page.locator("#s input").fill("บวกลบจำนวนนับ");
  await page.waitForFunction(() => window.heard.filter((e) => e.type === "sapan-change" && e.target === "s").length === 2);
  assert.equal((await heard(page, "sapan-ready", "s")).length, 1, "one sapan-ready per element");
  await finish(page);
});
