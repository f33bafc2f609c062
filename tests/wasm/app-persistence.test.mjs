// The teacher app's saved work under faults, in real Chromium: two tabs of one
// browser saving at once (with and without hearing of each other's saves), a
// write that fails midway, an IndexedDB that never answers, a record written
// by the app before schema 2 (migrated) and one written by a newer app
// (refused, never overwritten). Each test has its own browser profile; two
// pages of one profile are two tabs sharing one IndexedDB and localStorage.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { initSync, Engine } from "../../pkg/sapan.js";
import { decide, emptyProject, projectFile, withNote, withOutcomes } from "../../www/project.js";
import { openSite, screenshot, root } from "./site.mjs";

initSync({ module: readFileSync(join(root, "pkg/sapan_bg.wasm")) });
const engine = new Engine();
const examples = readFileSync(join(root, "data/samples/example_objectives.json"), "utf8");
const exampleOutcomes = engine.parseOutcomes(examples, { name: "example_objectives.json" }).outcomes;

/** One browser profile; `run({ site, tab })`, `tab(initScript?)` opens the app in a new page (a tab). */
async function withBrowser(name, run) {
  const site = await openSite(`app-persistence-${name}`);
  const pages = [];
  try {
    const tab = async (initScript, hash = "#align") => {
      const page = await site.browser.newPage();
      await page.setViewportSize({ width: 1366, height: 768 });
      if (initScript) await page.addInitScript(initScript);
      await page.goto(`${site.url}/${hash}`);
      await page.waitForFunction(() => document.body.dataset.ready === "true");
      pages.push(page);
      return page;
    };
    await run({ site, tab });
    for (const page of pages) assert.deepEqual(page.problems, []);
    site.browser.assertNoOffsite();
  } finally {
    await site.close();
  }
}

/** The stored record as IndexedDB holds it (null when none); only once the app has created the database. */
const rawRecord = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("sapan");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction("projects").objectStore("projects").get("current");
          get.onsuccess = () => {
            db.close();
            resolve(get.result ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );

/** Waits (polling, no time asserted) until the stored record satisfies `ok`; returns it. */
async function recordWhere(page, ok, what) {
  for (let i = 0; i < 400; i += 1) {
    const record = await rawRecord(page);
    if (record && ok(record)) return record;
    await page.waitForTimeout(25);
  }
  assert.fail(`the stored record never showed ${what}: ${JSON.stringify(await rawRecord(page))?.slice(0, 400)}`);
}

/**
 * Waits until the save status says `state` where the teacher reads it, in the
 * export view (loaded when first opened, so its #save-state exists only then),
 * and goes back to the tab shown before.
 */
async function saveStateBecomes(page, state) {
  const back = await page.evaluate(() => location.hash.slice(1));
  await page.click("button[data-view=export]");
  await page.waitForFunction((s) => document.getElementById("save-state")?.dataset.state === s, state);
  await page.click(`button[data-view=${back}]`);
}

const decisionIn = (record, id, code) => record.project.decisions[id]?.[code]?.status ?? null;

async function importExamples(page) {
  await page.click("button[data-view=import]");
  await page.click("#import-example");
  await page.waitForSelector("#import-table");
  await page.click("#import-use");
  await page.waitForSelector("#align-list article");
}

/** The ids of the first outcomes and the code of each one's first suggestion, as the page shows them. */
const cardsOf = (page) =>
  page.$$eval("#align-list article", (cards) =>
    cards.map((c) => ({ id: c.dataset.outcomeId, code: c.querySelector("li[data-code]")?.dataset.code ?? null })),
  );

const card = (id) => `#align-list article[data-outcome-id="${id}"]`;
const button = (id, code, which) => `${card(id)} li[data-code="${code}"] .work-${which}`;
const pressed = (page, id, code, which) => page.getAttribute(button(id, code, which), "aria-pressed");

async function note(page, id, text) {
  await page.fill(`${card(id)} textarea`, text);
  await page.locator(`${card(id)} textarea`).blur();
}

// Without BroadcastChannel a tab hears of another's save only when it saves
// itself (or is shown again): every save below is made without having seen
// the other tab's last one.
const deaf = () => {
  delete window.BroadcastChannel;
};

test("two tabs that never hear of each other's saves lose nothing: each save puts its changes on the other's", async () => {
  await withBrowser("two-tabs-deaf", async ({ tab }) => {
    const a = await tab(deaf);
    await importExamples(a);
    await recordWhere(a, (r) => r.project.outcomes.length === 20, "the 20 example LOs");
    const b = await tab(deaf);
    const lo = await cardsOf(b);
    assert.equal(lo.length, 20, "tab B opened the saved list");

    // A confirms X; B, not having seen it, rejects Y and writes a note.
    await a.click(button(lo[0].id, lo[0].code, "confirm"));
    await recordWhere(a, (r) => decisionIn(r, lo[0].id, lo[0].code) === "confirmed", "A's confirmation");
    await b.click(button(lo[1].id, lo[1].code, "reject"));
    await note(b, lo[2].id, "บันทึกจากแท็บ B");
    const both = await recordWhere(b, (r) => r.project.notes[lo[2].id] === "บันทึกจากแท็บ B" && decisionIn(r, lo[1].id, lo[1].code) === "rejected", "B's work");
    assert.equal(decisionIn(both, lo[0].id, lo[0].code), "confirmed", "B's save kept A's confirmation");
    // B's page shows A's confirmation now (its save took it in).
    await b.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("aria-pressed") === "true", button(lo[0].id, lo[0].code, "confirm"));

    // The same LO × indicator in both tabs: the later save wins (B's rejection).
    await a.click(button(lo[3].id, lo[3].code, "confirm"));
    await recordWhere(a, (r) => decisionIn(r, lo[3].id, lo[3].code) === "confirmed", "A's second confirmation");
    await b.click(button(lo[3].id, lo[3].code, "reject"));
    await recordWhere(b, (r) => decisionIn(r, lo[3].id, lo[3].code) === "rejected", "B's rejection of the same pair");
    // A saves something else without having seen B: B's rejection stays.
    await note(a, lo[4].id, "บันทึกจากแท็บ A");
    const after = await recordWhere(a, (r) => r.project.notes[lo[4].id] === "บันทึกจากแท็บ A", "A's note");
    assert.equal(decisionIn(after, lo[3].id, lo[3].code), "rejected");
    assert.equal(after.project.notes[lo[2].id], "บันทึกจากแท็บ B");
    assert.equal(decisionIn(after, lo[1].id, lo[1].code), "rejected");

    // A removes LO 5 while B decides on it: the removal wins, in the record and in B.
    await a.click(`${card(lo[5].id)} .work-remove`);
    await recordWhere(a, (r) => !r.project.outcomes.some((o) => o.id === lo[5].id), "the removal");
    await b.click(button(lo[5].id, lo[5].code, "confirm"));
    const removed = await recordWhere(b, (r) => r.revision > after.revision + 1, "B's save after the removal");
    assert.ok(!removed.project.outcomes.some((o) => o.id === lo[5].id), "the LO stays removed");
    assert.equal(removed.project.decisions[lo[5].id], undefined, "its decision went with it");
    await b.waitForFunction((sel) => !document.querySelector(sel), card(lo[5].id));

    // Reload either tab: everything both did is there.
    for (const page of [a, b]) {
      await page.reload();
      await page.waitForFunction(() => document.body.dataset.ready === "true");
      assert.equal(await pressed(page, lo[0].id, lo[0].code, "confirm"), "true");
      assert.equal(await pressed(page, lo[1].id, lo[1].code, "reject"), "true");
      assert.equal(await pressed(page, lo[3].id, lo[3].code, "reject"), "true");
      assert.equal(await page.inputValue(`${card(lo[2].id)} textarea`), "บันทึกจากแท็บ B");
      assert.equal(await page.inputValue(`${card(lo[4].id)} textarea`), "บันทึกจากแท็บ A");
      assert.equal((await cardsOf(page)).length, 19);
    }
  });
});

test("two tabs that hear of each other's saves show them at once, keeping focus, open disclosures and unsaved notes", async () => {
  await withBrowser("two-tabs-live", async ({ tab }) => {
    const a = await tab();
    await importExamples(a);
    await recordWhere(a, (r) => r.project.outcomes.length === 20, "the 20 example LOs");
    const b = await tab();
    const lo = await cardsOf(b);

    // B has a low-scoring disclosure open, focus on a button of another LO, and a note being typed.
    const low = await b.$eval("#align-list details.work-low", (d) => d.closest("article").dataset.outcomeId);
    await b.click(`${card(low)} details.work-low summary`);
    const typing = lo.find((o) => o.id !== low && o.id !== lo[0].id && o.id !== lo[1].id);
    await b.fill(`${card(typing.id)} textarea`, "กำลังพิมพ์");
    await b.focus(button(lo[1].id, lo[1].code, "reject"));

    await a.click(button(lo[0].id, lo[0].code, "confirm"));
    await b.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("aria-pressed") === "true", button(lo[0].id, lo[0].code, "confirm"));
    assert.equal(await b.evaluate(() => document.activeElement?.dataset.focusKey), `${lo[1].id}|${lo[1].code}|reject`, "focus stayed");
    assert.equal(await b.$eval(`${card(low)} details.work-low`, (d) => d.open), true, "the disclosure stayed open");
    assert.equal(await b.inputValue(`${card(typing.id)} textarea`), "กำลังพิมพ์", "the note being typed stayed");

    // B's own work goes on and reaches A the same way.
    await b.keyboard.press("Enter");
    await a.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("aria-pressed") === "true", button(lo[1].id, lo[1].code, "reject"));
    await note(b, typing.id, "กำลังพิมพ์ เสร็จแล้ว");
    await a.waitForFunction(
      ([sel, text]) => document.querySelector(sel)?.value === text,
      [`${card(typing.id)} textarea`, "กำลังพิมพ์ เสร็จแล้ว"],
    );
    await screenshot(b, "app-two-tabs-synced", { fullPage: false });
    const record = await recordWhere(a, (r) => r.project.notes[typing.id] === "กำลังพิมพ์ เสร็จแล้ว", "the note");
    assert.equal(decisionIn(record, lo[0].id, lo[0].code), "confirmed");
    assert.equal(decisionIn(record, lo[1].id, lo[1].code), "rejected");
  });
});

test("a write that fails midway leaves the last complete record, shows the banner, keeps the work and saves it once writes work", async () => {
  // The test's own switch (an init script, never part of the app): the put is
  // made, then its transaction is aborted, as a quota error at commit does.
  const failMidway = () => {
    window.failMidway = false;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const request = put.apply(this, args);
      if (window.failMidway) this.transaction.abort();
      return request;
    };
  };
  await withBrowser("fail-midway", async ({ tab }) => {
    const page = await tab(failMidway);
    await importExamples(page);
    const before = await recordWhere(page, (r) => r.project.outcomes.length === 20, "the 20 example LOs");
    const lo = await cardsOf(page);

    await page.evaluate(() => (window.failMidway = true));
    await page.click(button(lo[0].id, lo[0].code, "confirm"));
    await note(page, lo[1].id, "บันทึกระหว่างที่บันทึกไม่ได้");
    const banner = page.locator("#storage-banner");
    await banner.waitFor();
    assert.equal(await banner.getAttribute("data-problem"), "not-saved");
    assert.match(await banner.textContent(), /ยังไม่ได้บันทึก/);
    await saveStateBecomes(page, "failed");
    assert.deepEqual(await rawRecord(page), before, "the record is the last complete one, not half of a save");
    // The work is on the page, and in the project file the banner offers.
    assert.equal(await pressed(page, lo[0].id, lo[0].code, "confirm"), "true");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#storage-save-file")]);
    const rescue = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.equal(rescue.decisions[lo[0].id][lo[0].code].status, "confirmed");

    // Writes work again: the next change saves everything, and the banner goes.
    await page.evaluate(() => (window.failMidway = false));
    await page.click(button(lo[2].id, lo[2].code, "reject"));
    const saved = await recordWhere(page, (r) => decisionIn(r, lo[2].id, lo[2].code) === "rejected", "the change after recovery");
    assert.equal(decisionIn(saved, lo[0].id, lo[0].code), "confirmed", "the change made while failing was kept and saved");
    assert.equal(saved.project.notes[lo[1].id], "บันทึกระหว่างที่บันทึกไม่ได้");
    assert.equal(saved.revision, before.revision + 1);
    await page.waitForFunction(() => document.getElementById("storage-banner").hidden);
  });
});

test("an IndexedDB that never answers: the app starts, says so, and the work comes back from the last-moment copy", async () => {
  // indexedDB.open returns a request that never fires any event.
  const silent = () => {
    IDBFactory.prototype.open = function () {
      return {};
    };
  };
  await withBrowser("open-timeout", async ({ tab }) => {
    const page = await tab(silent);
    const banner = page.locator("#storage-banner");
    await banner.waitFor();
    assert.equal(await banner.getAttribute("data-problem"), "not-saved");
    await importExamples(page);
    const lo = await cardsOf(page);
    await page.click(button(lo[0].id, lo[0].code, "confirm"));
    await note(page, lo[1].id, "เก็บไว้ในสำเนาสุดท้าย");
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    assert.equal((await cardsOf(page)).length, 20);
    assert.equal(await pressed(page, lo[0].id, lo[0].code, "confirm"), "true");
    assert.equal(await page.inputValue(`${card(lo[1].id)} textarea`), "เก็บไว้ในสำเนาสุดท้าย");
    assert.equal(await banner.getAttribute("data-problem"), "not-saved");
  });
});

// The record exactly as issue 5's app (storage.js at commit bd586b8) wrote it:
// `{ schema: 1, savedAt, project }`, a version 1 project without export options.
function schema1Record() {
  let p = withOutcomes(emptyProject(), exampleOutcomes.slice(0, 3), "replace");
  const [x, y, z] = p.outcomes;
  const [m0, m1] = engine.align([exampleOutcomes[0]], { topK: 10 }).outcomes[0].matches;
  p = decide(p, x.id, m0.code, { status: "confirmed", relation: "partial" });
  p = decide(p, x.id, m1.code, { status: "rejected", relation: "aligned" });
  const added = engine.indicator("ค 1.1 ป.4/1");
  p = decide(p, y.id, added.code, { status: "added", relation: "aligned", score: 0, text: added.text });
  p = withNote(p, z.id, "บันทึกที่แอปรุ่นก่อนเก็บไว้");
  const project = JSON.parse(projectFile(p));
  project.version = 1;
  delete project.exportOptions;
  return { record: { schema: 1, savedAt: "2026-01-15T08:30:00.000Z", project }, project: p };
}

/** Writes `record` into a fresh profile's IndexedDB from a blank same-origin page, before the app is ever loaded. */
async function prefill(site, record, local = {}) {
  const blank = await site.browser.context.newPage();
  await blank.goto(`${site.url}/favicon.svg`);
  await blank.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, local);
  await blank.evaluate(
    (value) =>
      new Promise((resolve, reject) => {
        // Version 1 and its store, as the app's `upgrade` makes them.
        const open = indexedDB.open("sapan", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("projects");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("projects", "readwrite");
          tx.objectStore("projects").put(value, "current");
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    record,
  );
  await blank.close();
}

test("a schema 1 record from the previous app opens with every decision and note, and is written back as schema 2", async () => {
  const { record, project: saved } = schema1Record();
  // The previous app's last-moment copy (same key, same shape), newer than its record: one more note.
  const lastNote = "บันทึกตอนปิดหน้า (สำเนาสุดท้ายของแอปรุ่นก่อน)";
  const project = withNote(saved, saved.outcomes[0].id, lastNote);
  const legacyCopy = { schema: 1, savedAt: "2026-01-15T08:30:05.000Z", project: { ...record.project, notes: project.notes } };
  await withBrowser("migrate", async ({ site, tab }) => {
    await prefill(site, record, { "sapan-last-moment": JSON.stringify(legacyCopy) });
    const page = await tab(null, "#export");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#project-save")]);
    const back = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.deepEqual(back.outcomes, project.outcomes);
    assert.deepEqual(back.decisions, project.decisions);
    assert.deepEqual(back.notes, project.notes);
    assert.equal(back.version, 2);
    assert.deepEqual(back.exportOptions, { title: "", creator: "", includeUnreviewed: true });
    const migrated = await recordWhere(page, (r) => r.schema === 2, "the migrated record");
    assert.equal(migrated.revision, 1);
    assert.deepEqual(migrated.project.decisions, project.decisions);
    assert.equal(migrated.project.notes[saved.outcomes[0].id], lastNote);
    // Once IndexedDB holds it, the copy is removed.
    await page.waitForFunction(() => localStorage.getItem("sapan-last-moment") === null);
    assert.equal(await page.isVisible("#storage-banner"), false);
  });
});

test("a record from a newer app is refused with a Thai and English banner and never overwritten; work goes on in memory", async () => {
  const newer = { schema: 99, revision: 7, savedAt: "2027-01-01T00:00:00.000Z", somethingNew: { kept: true }, project: { format: "sapan-project", version: 9 } };
  await withBrowser("newer", async ({ site, tab }) => {
    await prefill(site, newer);
    const page = await tab(null, "#import");
    const banner = page.locator("#storage-banner");
    await banner.waitFor();
    assert.equal(await banner.getAttribute("data-problem"), "newer");
    assert.match(await banner.textContent(), /รุ่นที่ใหม่กว่า.*99/);
    await page.click("#lang-toggle");
    assert.match(await banner.textContent(), /newer Sapan \(schema 99/);
    assert.equal(await page.textContent("#app-status"), "Ready", "the status line follows the language too");
    await screenshot(page, "app-storage-newer", { fullPage: false });

    await importExamples(page);
    const lo = await cardsOf(page);
    await page.click(button(lo[0].id, lo[0].code, "confirm"));
    assert.equal(await pressed(page, lo[0].id, lo[0].code, "confirm"), "true", "the work goes on");
    // The save comes and writes nothing; leaving the page (which flushes) neither.
    await saveStateBecomes(page, "failed");
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide")));
    assert.deepEqual(await rawRecord(page), newer, "the newer app's record is untouched");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#storage-save-file")]);
    assert.equal(JSON.parse(readFileSync(await download.path(), "utf8")).outcomes.length, 20);
  });
});

test("the export options (title, school, include unreviewed) are saved with the project and come back on reload", async () => {
  await withBrowser("export-options", async ({ tab }) => {
    const page = await tab(null, "#import");
    await importExamples(page);
    await page.click("button[data-view=export]");
    await page.fill("#export-title", "หลักสูตรสถานศึกษา ป.4");
    await page.fill("#export-creator", "โรงเรียนตัวอย่าง");
    assert.equal(await page.evaluate(() => document.activeElement.id), "export-creator", "typing kept focus");
    await page.uncheck("#export-include");
    await recordWhere(
      page,
      (r) => r.project.exportOptions?.includeUnreviewed === false && r.project.exportOptions.creator === "โรงเรียนตัวอย่าง",
      "the export options",
    );
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    assert.equal(await page.inputValue("#export-title"), "หลักสูตรสถานศึกษา ป.4");
    assert.equal(await page.inputValue("#export-creator"), "โรงเรียนตัวอย่าง");
    assert.equal(await page.isChecked("#export-include"), false);
    await page.click("button[data-view=coverage]");
    assert.equal(await page.isChecked("#coverage-include"), false, "the coverage view shares the choice");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("button[data-view=export]").then(() => page.click("#project-save"))]);
    const file = JSON.parse(readFileSync(await download.path(), "utf8"));
    assert.deepEqual(file.exportOptions, { title: "หลักสูตรสถานศึกษา ป.4", creator: "โรงเรียนตัวอย่าง", includeUnreviewed: false });
  });
});

test("a last-moment copy left behind never brings back what another tab changed since", async () => {
  await withBrowser("last-moment-stale", async ({ tab }) => {
    const a = await tab();
    await importExamples(a);
    await recordWhere(a, (r) => r.project.outcomes.length === 20, "the 20 example LOs");
    const lo = await cardsOf(a);
    // A confirms X and is left at once: the copy is written and the save takes its id in.
    const [key, copy] = await a.evaluate((sel) => {
      document.querySelector(sel).click();
      window.dispatchEvent(new PageTransitionEvent("pagehide"));
      const key = Object.keys(localStorage).find((k) => k.startsWith("sapan-last-moment:"));
      return [key, localStorage.getItem(key)];
    }, button(lo[0].id, lo[0].code, "confirm"));
    assert.ok(copy, "the last-moment copy was written");
    await recordWhere(a, (r) => r.lastMoments.includes(JSON.parse(copy).id), "the copy's id in the record");
    // Then B rejects X.
    const b = await tab();
    await b.click(button(lo[0].id, lo[0].code, "reject"));
    await recordWhere(b, (r) => decisionIn(r, lo[0].id, lo[0].code) === "rejected", "B's rejection");
    // A's page died before it could remove its copy: put it back, open a new tab.
    await a.close();
    await b.evaluate(([k, v]) => localStorage.setItem(k, v), [key, copy]);
    const c = await tab();
    assert.equal(await pressed(c, lo[0].id, lo[0].code, "reject"), "true", "B's later rejection stands");
    await c.waitForFunction((k) => localStorage.getItem(k) === null, key);
  });
});
