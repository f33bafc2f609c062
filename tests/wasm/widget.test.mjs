// <sapan-align> in real Chromium, as a partner's page uses it: the README's
// snippet, several widgets on one page, attributes, properties (also set
// before the element is defined), events heard on `document`, `src` files,
// hostile text, keyboard alone, and styles that neither leak in nor out.
// Every page is served with the strict Content-Security-Policy a careful
// partner would set, and every test checks that nothing was blocked, nothing
// was logged as an error and no request left 127.0.0.1.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { finishPage, openSite, recordViolations, root, screenshot } from "./site.mjs";
import { nativeRank } from "./reference.mjs";
import { widgetModules } from "../../scripts/package.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const pages = join(root, "tests/wasm/pages");
const READING = "นักเรียนอ่านออกเสียงบทกลอนได้ถูกต้อง";
const EXAMPLE = { id: "ตัวอย่าง-1", text: `ตัวอย่าง: ${READING}`, grade: 4 };

let site;

before(async () => {
  site = await openSite("widget", { headers: { "Content-Security-Policy": CSP } });
  for (const f of ["widget-snippet.html", "widget-page.html", "widget-page.css", "widget-outcomes.csv"]) {
    cpSync(join(pages, f), join(site.dir, f));
  }
  // The README snippet loads the widget from node_modules/sapan/: lay the
  // package's files out there exactly as scripts/package.mjs puts them in pkg/.
  const installed = join(site.dir, "node_modules/sapan");
  mkdirSync(installed, { recursive: true });
  for (const f of widgetModules()) cpSync(join(root, "www", f), join(installed, f));
  for (const f of ["sapan.js", "sapan_bg.wasm"]) cpSync(join(root, "pkg", f), join(installed, f));
});

after(async () => {
  await site?.close();
});

/** Opens `path` with CSP violations and every sapan-* event on `document` recorded. */
async function open(path, viewport = { width: 1366, height: 768 }) {
  const page = await site.browser.newPage();
  await page.setViewportSize(viewport);
  await recordViolations(page);
  await page.addInitScript(() => {
    window.heard = [];
    for (const type of ["sapan-ready", "sapan-change", "sapan-select", "sapan-error"]) {
      document.addEventListener(type, (e) => {
        window.heard.push({ type, target: e.target.id, bubbles: e.bubbles, composed: e.composed, detail: JSON.parse(JSON.stringify(e.detail)) });
      });
    }
  });
  await page.goto(`${site.url}/${path}`);
  return page;
}

/** widget-page.html with the element defined and every widget's engine loaded. */
async function openDefined() {
  const page = await open("widget-page.html");
  await page.evaluate(async () => {
    await import("./widget.js");
    await Promise.all([...document.querySelectorAll("sapan-align")].map((el) => el.ready));
  });
  return page;
}

/** The checks every test ends with. */
function finish(page) {
  return finishPage(site, page);
}

const codes = (page, host) => page.locator(`${host} li.match`).evaluateAll((els) => els.map((li) => li.dataset.code));
const heard = (page, type) => page.evaluate((t) => window.heard.filter((e) => e.type === t), type);

/** Sets an align-mode widget's outcomes and waits until their alignment is shown (the engine answers from its worker). */
async function showOutcomes(page, host, outcomes) {
  await page.evaluate(([h, list]) => (document.querySelector(h).outcomes = list), [host, outcomes]);
  await page.waitForFunction(([h, n]) => document.querySelector(h).shadowRoot.querySelectorAll("li.outcome").length === n, [host, outcomes.length]);
}

async function typeInto(page, host, text) {
  await page.locator(`${host} input`).fill(text);
  await page.waitForFunction(
    ([h, t]) => window.heard.some((e) => e.type === "sapan-change" && e.target === h.slice(1) && e.detail.query === t),
    [host, text],
  );
}

test("the README snippet (one script tag, one element) ranks as the CLI does, under a strict CSP", async () => {
  const fixture = readFileSync(join(pages, "widget-snippet.html"), "utf8");
  const snippet = fixture.match(/<body>\n([^]*?)<\/body>/)[1];
  const readme = readFileSync(join(root, "src/wasm/README.md"), "utf8");
  assert.ok(readme.includes("```html\n" + snippet + "```"), `the npm README shows exactly:\n${snippet}`);

  const page = await open("widget-snippet.html");
  await page.locator("sapan-align input").fill(READING);
  const expected = nativeRank([{ id: "snippet", text: READING }], 5)[0].map((m) => m.code);
  await page.waitForFunction((n) => document.querySelector("sapan-align").shadowRoot.querySelectorAll("li.match").length === n, expected.length);
  assert.deepEqual(await codes(page, "sapan-align"), expected);
  assert.equal(await page.locator("sapan-align [part=status]").textContent(), `${expected.length} ตัวชี้วัด อันดับแรก ${expected[0]}`);
  // The shared words are marked in the indicator and in the reader's own text.
  assert.ok((await page.locator("sapan-align li.match").first().locator("[part=indicator] mark").count()) > 0);
  assert.ok((await page.locator("sapan-align li.match").first().locator("[part=query] mark").count()) > 0);
  // The only requests: the page, the widget's modules, the engine's glue and wasm.
  const wasm = site.browser.requests.filter((u) => u.endsWith(".wasm")).map((u) => new URL(u).pathname);
  assert.ok(wasm.includes("/node_modules/sapan/sapan_bg.wasm"), wasm.join(", "));
  // The snippet's preload is the very response the page's fetch uses: the wasm comes once.
  assert.equal(wasm.filter((u) => u === "/node_modules/sapan/sapan_bg.wasm").length, 1, "the wasm is downloaded once");
  await finish(page);
});

test("two widgets on one page keep their own text, results and decisions", async () => {
  const page = await openDefined();
  for (const id of ["#a1", "#a2"]) await showOutcomes(page, id, [EXAMPLE]);
  await typeInto(page, "#s1", READING);
  assert.ok((await codes(page, "#s1")).length > 0);
  assert.equal(await page.locator("#s2 input").inputValue(), "");
  assert.deepEqual(await codes(page, "#s2"), []);

  await page.locator("#a1 button.confirm").first().click();
  const first = (await codes(page, "#a1"))[0];
  assert.deepEqual(await page.evaluate(() => Object.keys(document.getElementById("a1").decisions)), [EXAMPLE.id]);
  assert.equal(await page.evaluate((c) => document.getElementById("a1").decisions["ตัวอย่าง-1"][c].status, first), "confirmed");
  assert.deepEqual(await page.evaluate(() => document.getElementById("a2").decisions), {});
  assert.equal(await page.locator('#a2 button[aria-pressed="true"]').count(), 0);
  // Two widgets, one engine: the wasm was fetched once for the page.
  assert.equal(site.browser.requests.filter((u) => u.endsWith("/sapan_bg.wasm") && !u.includes("node_modules")).length, 1);
  await finish(page);
});

test("attributes switch language, grade, area and mode, and are reflected by properties", async () => {
  const page = await openDefined();
  await typeInto(page, "#s1", "อ่านออกเสียง");
  const label = page.locator("#s1 [part=label]");
  assert.match(await label.textContent(), /ข้อความที่ต้องการจับคู่/);
  assert.equal(await page.locator("#s1 [part=relation]").first().textContent(), "สอดคล้อง");

  await page.evaluate(() => document.getElementById("s1").setAttribute("lang", "en"));
  assert.match(await label.textContent(), /Text to match/);
  assert.equal(await page.locator("#s1 [part=status]").textContent(), "5 indicators, first ต 1.1 ป.5/2");
  assert.equal(await page.locator("#s1 [part=relation]").first().textContent(), "aligned");
  assert.equal(await page.locator("#s1 input").inputValue(), "อ่านออกเสียง", "the text survives a language switch");

  await page.evaluate(() => (document.getElementById("s1").grade = "ป.5"));
  assert.equal(await page.getAttribute("#s1", "grade"), "ป.5");
  await page.waitForFunction(() => [...document.getElementById("s1").shadowRoot.querySelectorAll("li.match")].every((li) => li.dataset.code.includes("ป.5")));
  await page.evaluate(() => document.getElementById("s1").setAttribute("area", "คณิตศาสตร์"));
  // The engine answers from its worker: wait for the new ranking.
  await page.waitForFunction(() => {
    const found = [...document.getElementById("s1").shadowRoot.querySelectorAll("li.match")].map((li) => li.dataset.code);
    return found.length > 0 && found.every((c) => c.startsWith("ค "));
  });
  const math = await codes(page, "#s1");
  assert.ok(math.length > 0 && math.every((c) => c.startsWith("ค ") && c.includes("ป.5")), math.join(", "));
  assert.match(await page.locator("#s1 [part=scope]").textContent(), /Mathematics/);

  // A grade the engine refuses is shown and reported, not thrown at the page.
  await page.evaluate(() => document.getElementById("s1").setAttribute("grade", "9"));
  await page.waitForFunction(() => window.heard.some((e) => e.type === "sapan-error"));
  const [error] = await heard(page, "sapan-error");
  assert.equal(error.detail.code, "invalid_argument");
  assert.match(await page.locator("#s1 [part=error]").textContent(), /grade must be 4, 5 or 6/);

  await page.evaluate(() => (document.getElementById("s1").mode = "align"));
  assert.equal(await page.getAttribute("#s1", "mode"), "align");
  assert.equal(await page.locator("#s1 input").count(), 0);
  await page.locator("#s1 [part=empty]").waitFor();
  assert.match(await page.locator("#s1 [part=empty]").textContent(), /No learning outcomes yet/);
  // The other widgets did not follow.
  assert.equal(await page.locator("#s2 [part=relation]").count(), 0);
  assert.match(await page.locator("#s2 [part=label]").textContent(), /ข้อความที่ต้องการจับคู่/);
  await finish(page);
});

test("properties set before the element is defined are picked up when it is", async () => {
  const page = await open("widget-page.html");
  const [best] = nativeRank([EXAMPLE], 5)[0];
  await page.evaluate(
    ([outcome, code]) => {
      const a1 = document.getElementById("a1");
      a1.outcomes = [outcome];
      a1.decisions = { [outcome.id]: { [code]: { status: "confirmed", relation: "aligned" } } };
      document.getElementById("s2").mode = "align";
      document.getElementById("s2").grade = 6;
    },
    [EXAMPLE, best.code],
  );
  assert.equal(await page.evaluate(() => customElements.get("sapan-align")), undefined, "not yet defined");
  await page.evaluate(async () => {
    await import("./widget.js");
    await Promise.all([...document.querySelectorAll("sapan-align")].map((el) => el.ready));
  });
  assert.equal(await page.locator("#a1 li.outcome").count(), 1);
  assert.equal(await page.locator(`#a1 li.match[data-code="${best.code}"] button.confirm`).getAttribute("aria-pressed"), "true");
  assert.equal(await page.evaluate(() => Object.hasOwn(document.getElementById("a1"), "outcomes")), false, "the setter, not an own property");
  assert.equal(await page.getAttribute("#s2", "mode"), "align");
  assert.equal(await page.getAttribute("#s2", "grade"), "6");
  await finish(page);
});

test("the outcomes and decisions properties round-trip", async () => {
  const page = await openDefined();
  const result = await page.evaluate(() => {
    const a1 = document.getElementById("a1");
    a1.outcomes = [
      "ตัวอย่าง: อ่านออกเสียงบทกลอน",
      { id: "ตัวอย่าง-2", text: "ตัวอย่าง: บวกลบจำนวนนับ", grade: "ป.5", area: "ค" },
      // As parseOutcomes gives an outcome read under the draft framework's headers.
      { id: "ตัวอย่าง-3", text: "ตัวอย่าง: อธิบายการเกิดเสียง", stage: 2, frameworkArea: "natural_science" },
    ];
    const decisions = { "ตัวอย่าง-2": { "ค 1.1 ป.5/1": { status: "rejected", relation: "partial" } } };
    a1.decisions = decisions;
    const copy = a1.decisions;
    copy["ตัวอย่าง-2"]["ค 1.1 ป.5/1"].status = "confirmed";
    let thrown = null;
    try {
      a1.decisions = { x: { "ท 1.1 ป.4/1": { status: "maybe" } } };
    } catch (e) {
      thrown = e.name;
    }
    return { decisions: a1.decisions, sent: decisions, thrown };
  });
  // The engine reads the outcomes in its worker: once they are shown, `outcomes` gives them as it read them.
  await page.waitForFunction(() => document.getElementById("a1").shadowRoot.querySelectorAll("li.outcome").length === 3);
  result.outcomes = await page.evaluate(() => document.getElementById("a1").outcomes);
  assert.deepEqual(result.outcomes, [
    { id: "1", text: "ตัวอย่าง: อ่านออกเสียงบทกลอน", grade: null, area: null, line: null },
    { id: "ตัวอย่าง-2", text: "ตัวอย่าง: บวกลบจำนวนนับ", grade: 5, area: "ค", line: null },
    { id: "ตัวอย่าง-3", text: "ตัวอย่าง: อธิบายการเกิดเสียง", grade: null, area: null, stage: 2, frameworkArea: "natural_science", line: null },
  ]);
  assert.deepEqual(result.decisions, result.sent, "a changed copy does not change the widget");
  assert.equal(result.thrown, "TypeError");
  assert.equal(await page.locator("#a1 li.outcome").count(), 3);
  assert.equal(await page.evaluate(() => document.getElementById("a1").getAttribute("decisions")), null, "rich data is not an attribute");
  await finish(page);
});

test("events bubble out of the shadow root, are composed, and carry the documented details", async () => {
  const page = await openDefined();
  const ready = await heard(page, "sapan-ready");
  assert.deepEqual(ready.map((e) => e.target).sort(), ["a1", "a2", "s1", "s2"]);
  assert.ok(ready.every((e) => e.bubbles && e.composed && /^\d+\.\d+\.\d+/.test(e.detail.version)));

  await typeInto(page, "#s1", READING);
  const search = (await heard(page, "sapan-change")).at(-1);
  assert.equal(search.target, "s1");
  assert.ok(search.bubbles && search.composed);
  assert.deepEqual(search.detail.matches.map((m) => m.code), await codes(page, "#s1"));

  await showOutcomes(page, "#a1", [EXAMPLE]);
  const confirm = page.locator("#a1 button.confirm").first();
  const code = (await codes(page, "#a1"))[0];
  await confirm.click();
  await confirm.click();
  const [decided, undone] = (await heard(page, "sapan-change")).slice(-2);
  assert.deepEqual(decided.detail, {
    decisions: { [EXAMPLE.id]: { [code]: decided.detail.decision } },
    outcomeId: EXAMPLE.id,
    code,
    decision: { status: "confirmed", relation: decided.detail.decision.relation, score: decided.detail.decision.score },
  });
  assert.ok(["aligned", "partial"].includes(decided.detail.decision.relation));
  assert.deepEqual(undone.detail, { decisions: {}, outcomeId: EXAMPLE.id, code, decision: null });
  assert.equal(await confirm.getAttribute("aria-pressed"), "false");
  await finish(page);
});

test("src loads a file and lists its problems by line; a missing src sends sapan-error fetch_failed", async () => {
  const page = await openDefined();
  await page.evaluate(() => (document.getElementById("a1").src = "widget-outcomes.csv"));
  await page.locator("#a1 li.outcome").nth(1).waitFor();
  assert.deepEqual(
    await page.locator("#a1 li.outcome").evaluateAll((els) => els.map((li) => li.dataset.outcome)),
    ["ตัวอย่าง-1", "ตัวอย่าง-3"],
  );
  const problems = page.locator("#a1 [part=problem]");
  assert.deepEqual((await problems.allTextContents()).map((t) => t.match(/^บรรทัด \d+/)?.[0]), ["บรรทัด 3", "บรรทัด 4"]);
  await page.evaluate(() => document.getElementById("a1").setAttribute("lang", "en"));
  assert.match(await problems.first().textContent(), /^line 3: no outcome text/);
  assert.deepEqual(await heard(page, "sapan-error"), [], "a file with usable outcomes is no error");

  await page.evaluate(() => document.getElementById("a2").setAttribute("src", "no-such-file.csv"));
  await page.waitForFunction(() => window.heard.some((e) => e.type === "sapan-error"));
  const [error] = await heard(page, "sapan-error");
  assert.equal(error.target, "a2");
  assert.equal(error.detail.code, "fetch_failed");
  assert.match(error.detail.messageEn, /no-such-file\.csv.*404/);
  assert.match(error.detail.messageTh, /โหลดไฟล์ no-such-file\.csv ไม่ได้/);
  assert.equal(error.detail.location.source, "no-such-file.csv");
  assert.ok(await page.locator("#a2 [part=error]").isVisible());
  // The failed request is a 404, which Chromium logs as a console error: the only one allowed.
  page.problems = page.problems.filter((p) => !/404/.test(p));
  await finish(page);
});

test("hostile outcome and query text is shown as text, never run", async () => {
  const page = await openDefined();
  const hostile = '<img src=x onerror="window.hacked=1">ตัวอย่าง อ่านออกเสียง';
  await showOutcomes(page, "#a1", [{ id: "<b>ตัวอย่าง</b>", text: hostile }]);
  await typeInto(page, "#s1", hostile);
  assert.ok((await page.locator("#a1 [part=outcome-text]").textContent()).includes('<img src=x onerror="window.hacked=1">'));
  assert.ok((await page.locator("#a1 li.outcome").getAttribute("data-outcome")) === "<b>ตัวอย่าง</b>");
  const elements = await page.evaluate(() =>
    [...document.querySelectorAll("sapan-align")].reduce((n, el) => n + el.shadowRoot.querySelectorAll("img, b, script").length, 0),
  );
  assert.equal(elements, 0);
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  await finish(page);
});

test("keyboard alone: Tab into the text box, type, Tab to an outcome's one tab stop, arrows within it, Space and Enter record decisions", async () => {
  const page = await openDefined();
  await showOutcomes(page, "#a1", [EXAMPLE]);
  await showOutcomes(page, "#a2", [EXAMPLE]);
  const focused = () =>
    page.evaluate(() => {
      const host = document.activeElement;
      const inner = host.shadowRoot?.activeElement;
      return { host: host.id, tag: inner?.localName ?? null, className: inner?.className ?? null, outline: inner ? getComputedStyle(inner).outlineStyle : null };
    });
  await page.keyboard.press("Tab");
  assert.equal((await focused()).host, "before");
  await page.keyboard.press("Tab");
  assert.deepEqual(await focused(), { host: "s1", tag: "input", className: "", outline: "solid" });
  await page.keyboard.type("อ่านออกเสียง");
  await page.waitForFunction(() => window.heard.some((e) => e.type === "sapan-change" && e.detail.query === "อ่านออกเสียง"));
  assert.equal((await focused()).tag, "input", "focus stays in the text box while results change");

  await page.keyboard.press("Tab"); // s2's text box
  await page.keyboard.press("Tab"); // a1's first Confirm
  assert.deepEqual(await focused(), { host: "a1", tag: "button", className: "confirm", outline: "solid" });
  await page.keyboard.press("Space");
  const code = (await codes(page, "#a1"))[0];
  assert.equal(await page.evaluate((c) => document.getElementById("a1").decisions["ตัวอย่าง-1"][c].status, code), "confirmed");
  assert.equal((await focused()).className, "confirm", "focus stays on the button");

  await page.keyboard.press("ArrowRight"); // its Reject
  assert.equal((await focused()).className, "reject");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate((c) => document.getElementById("a1").decisions["ตัวอย่าง-1"][c].status, code), "rejected");
  const first = page.locator("#a1 li.match").first();
  assert.deepEqual(await first.locator("button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-pressed"))), ["false", "true"]);
  // The buttons say which indicator and outcome they are for; a pressed one's tick is not part of its name.
  assert.match(await first.locator("button.confirm").textContent(), new RegExp(`ยืนยัน ${code} สำหรับ ตัวอย่าง-1`));
  const pressedName = await page.evaluate(() => {
    const b = document.getElementById("a1").shadowRoot.querySelector('button[aria-pressed="true"]');
    return getComputedStyle(b, "::before").content;
  });
  assert.match(pressedName, /"✓ " \/ ""/, "the tick has an empty alternative text");

  // Down moves to the next suggestion's button of the same kind; the outcome keeps one tab stop, so Tab leaves it.
  await page.keyboard.press("ArrowDown");
  const second = await page.evaluate(() => document.getElementById("a1").shadowRoot.activeElement.dataset.key.split("\u0000"));
  assert.equal(second[0], "rejected");
  assert.equal(second[2], (await codes(page, "#a1"))[1]);
  assert.equal(await page.evaluate(() => document.getElementById("a1").shadowRoot.querySelectorAll('button[tabindex="0"]').length), 1);
  await page.keyboard.press("Home");
  assert.equal((await focused()).className, "confirm");
  await page.keyboard.press("Tab");
  assert.deepEqual(await focused(), { host: "a2", tag: "button", className: "confirm", outline: "solid" }, "one Tab from outcome to outcome");
  // Outcomes are headings, their id kept apart from their text.
  const heading = await page.evaluate(() => document.getElementById("a1").shadowRoot.querySelector("li.outcome > h3").textContent);
  assert.equal(heading, `${EXAMPLE.id}: ${EXAMPLE.text}`);
  await finish(page);
});

test("search mode is a combobox: value in and out, arrows move the active option, Enter picks it (sapan-select), Escape closes the list", async () => {
  const page = await openDefined();
  const state = () =>
    page.evaluate(() => {
      const root = document.getElementById("s1").shadowRoot;
      const input = root.querySelector("input");
      const list = root.getElementById(input.getAttribute("aria-controls"));
      return {
        role: input.getAttribute("role"),
        expanded: input.getAttribute("aria-expanded"),
        active: input.getAttribute("aria-activedescendant"),
        listRole: list?.getAttribute("role"),
        listHidden: list?.hidden,
        selected: [...root.querySelectorAll("[role=option]")].filter((o) => o.getAttribute("aria-selected") === "true").map((o) => o.id),
        value: input.value,
      };
    });
  // The value property sets the text and ranks at once; the page hears the ranking.
  await page.evaluate((t) => (document.getElementById("s1").value = t), READING);
  await page.waitForFunction((t) => window.heard.some((e) => e.type === "sapan-change" && e.target === "s1" && e.detail.query === t), READING);
  const found = await codes(page, "#s1");
  assert.equal(found.length, 5);
  assert.deepEqual(await state(), { role: "combobox", expanded: "true", active: null, listRole: "listbox", listHidden: false, selected: [], value: READING });
  assert.equal(await page.evaluate(() => document.getElementById("s1").value), READING);
  // The text box is named by its label alone; the hint and the scope describe it.
  assert.deepEqual(
    await page.evaluate(() => {
      const root = document.getElementById("s1").shadowRoot;
      const input = root.querySelector("input");
      return [root.querySelector(`label[for="${input.id}"]`).textContent, input.getAttribute("aria-describedby").split(" ").map((id) => root.getElementById(id).className)];
    }),
    ["ข้อความที่ต้องการจับคู่กับตัวชี้วัด (เช่น ผลลัพธ์การเรียนรู้หรือจุดประสงค์การเรียนรู้)", ["hint", "scope"]],
  );

  await page.locator("#s1 input").focus();
  await page.keyboard.press("ArrowDown");
  assert.deepEqual((await state()).selected, ["option-0"]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  const s = await state();
  assert.equal(s.active, "option-1");
  assert.deepEqual(s.selected, ["option-1"]);
  await page.keyboard.press("Enter");
  const picked = (await heard(page, "sapan-select")).at(-1);
  assert.equal(picked.target, "s1");
  assert.ok(picked.bubbles && picked.composed);
  assert.equal(picked.detail.indicator.code, found[1]);
  assert.equal(picked.detail.query, READING);
  assert.deepEqual(await state(), { role: "combobox", expanded: "false", active: null, listRole: "listbox", listHidden: true, selected: [], value: READING }, "Enter picks and closes; no newline");
  assert.match(await page.locator("#s1 [part=status]").textContent(), new RegExp(`เลือก ${found[1]} แล้ว`));

  // Down opens it again; Escape closes it and leaves the text.
  await page.keyboard.press("ArrowDown");
  assert.equal((await state()).expanded, "true");
  await page.keyboard.press("Escape");
  assert.equal((await state()).expanded, "false");
  assert.equal((await state()).value, READING);
  // A click picks too.
  await page.keyboard.press("ArrowDown");
  await page.locator("#s1 [role=option]").nth(2).click();
  assert.equal((await heard(page, "sapan-select")).at(-1).detail.indicator.code, found[2]);

  // A new ranking with the same count is still announced: the status's words change.
  const before = await page.locator("#s1 [part=status]").textContent();
  await page.evaluate((t) => (document.getElementById("s1").value = `${t} `), READING);
  await page.waitForFunction((b) => document.getElementById("s1").shadowRoot.querySelector("[part=status]").textContent !== b, before);
  const again = await page.locator("#s1 [part=status]").textContent();
  await page.evaluate((t) => (document.getElementById("s1").value = t), READING);
  await page.waitForFunction((b) => document.getElementById("s1").shadowRoot.querySelector("[part=status]").textContent !== b, again);

  // The value attribute sets the text as well.
  await page.evaluate(() => document.getElementById("s2").setAttribute("value", "บวกลบจำนวนนับ"));
  await page.waitForFunction(() => document.getElementById("s2").shadowRoot.querySelectorAll("[role=option]").length > 0);
  assert.equal(await page.evaluate(() => document.getElementById("s2").value), "บวกลบจำนวนนับ");
  await finish(page);
});

test("the page's styles do not leak into the widget, nor the widget's into the page", async () => {
  const page = await openDefined();
  await showOutcomes(page, "#a1", [EXAMPLE]);
  await typeInto(page, "#s1", READING);
  const style = (selector, props) =>
    page.locator(selector).first().evaluate((el, ps) => Object.fromEntries(ps.map((p) => [p, getComputedStyle(el)[p]])), props);
  assert.deepEqual(await style("#s1 [part=indicator] mark", ["backgroundColor", "color"]), { backgroundColor: "rgb(255, 226, 122)", color: "rgb(27, 27, 27)" });
  assert.deepEqual(await style("#a1 button.confirm", ["backgroundColor", "color"]), { backgroundColor: "rgb(255, 255, 255)", color: "rgb(27, 27, 27)" });
  assert.notEqual((await style("#a1 button.confirm", ["fontFamily"])).fontFamily, "monospace");
  assert.deepEqual(await style("#s1 [part=label]", ["color", "letterSpacing"]), { color: "rgb(27, 27, 27)", letterSpacing: "normal" });
  // The page's own elements keep the page's rules.
  assert.deepEqual(await style("#page-mark", ["backgroundColor"]), { backgroundColor: "rgb(255, 0, 0)" });
  assert.deepEqual(await style("#before", ["backgroundColor", "color"]), { backgroundColor: "rgb(0, 0, 0)", color: "rgb(255, 255, 0)" });
  await finish(page);
});

test("the demo page runs both widgets under a strict CSP and logs their events", async () => {
  const page = await open("widget-demo.html");
  await page.waitForFunction(() => document.querySelectorAll("#event-log li.sapan-ready").length === 2);
  await page.locator("#align-widget li.outcome").nth(19).waitFor();
  await page.locator("#search-widget input").fill(READING);
  await page.waitForFunction(() => document.querySelector("#event-log li.sapan-change"));
  // grade="ป.4", as teachers write it.
  const found = await codes(page, "#search-widget");
  assert.ok(found.length > 0 && found.every((c) => c.includes("ป.4")), found.join(", "));
  await page.locator("#align-widget button.confirm").first().click();
  await page.waitForFunction(() => document.querySelectorAll("#event-log li.sapan-change").length === 2);
  assert.match(await page.locator("#event-log li").first().textContent(), /#align-widget — ตัวอย่าง-\d+ · .+: confirmed/);
  // The themed instance took the page's custom properties and parts.
  const themed = await page.locator("#align-widget button.confirm").first().evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(themed, "rgb(107, 47, 163)");
  assert.equal(await page.locator("#align-widget [part=status]").evaluate((s) => getComputedStyle(s).fontStyle), "italic");
  await screenshot(page, "widget-demo", { fullPage: false });
  await screenshot(page, "widget-en-themed", { fullPage: false, clip: await page.locator("#align-widget").boundingBox() });
  await page.setViewportSize({ width: 768, height: 1024 });
  await screenshot(page, "widget-demo-tablet", { fullPage: false });
  await finish(page);
});
