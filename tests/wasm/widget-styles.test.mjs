// The widget's styles: importable under Node; on a hostile page (a universal
// rule, `html { font-size: 62.5% }`, rules for button, mark, the text box, li and
// p) it renders exactly as on a plain one; its light and dark palettes, chosen
// by the `theme` attribute or by the reader's system, keep every text readable.
// Contrast is measured on the colours Chromium computed for rendered elements,
// not read from the CSS source, so a rule that loses the cascade is caught too.
// The page is served with the strictest Content-Security-Policy a partner
// could set (nothing but same-origin scripts, styles, requests and wasm).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { finishPage, openSite, recordViolations, root, screenshot, screenshots } from "./site.mjs";

const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; worker-src 'self'; img-src 'self'";
const pages = join(root, "tests/wasm/pages");
const READING = "นักเรียนอ่านออกเสียงบทกลอนได้ถูกต้อง";
// WCAG 2 AA for body text.
const AA = 4.5;

test("importing the widget under Node (no DOM globals) throws nothing and registers nothing", async () => {
  for (const f of ["widget.js", "widget-styles.js"]) {
    assert.equal(readFileSync(join(root, "pkg", f), "utf8"), readFileSync(join(root, "www", f), "utf8"), `pkg/${f} is stale: run scripts/build`);
  }
  // Nothing to register with and nothing registered; the class is exported
  // (over a plain base class where there is no HTMLElement), and no sheet is made until asked for.
  const widget = await import("../../pkg/widget.js");
  assert.equal(typeof widget.SapanAlign, "function");
  assert.equal(globalThis.customElements, undefined);
  const styles = await import("../../pkg/widget-styles.js");
  assert.equal(typeof styles.styleSheet, "function");
  assert.ok(styles.CUSTOM_PROPERTIES.includes("--sapan-mark-ink"), styles.CUSTOM_PROPERTIES.join(", "));
});

test("importing the element class under Node throws nothing", async () => {
  await import("../../pkg/sapan-align.js");
});

let site;

before(async () => {
  site = await openSite("widget-styles", { headers: { "Content-Security-Policy": CSP } });
  for (const f of ["widget-hostile.html", "widget-hostile.css", "widget-outcomes.csv"]) cpSync(join(pages, f), join(site.dir, f));
});

after(async () => {
  await site?.close();
});

/** widget-hostile.html with its three widgets ready, a text ranked in both search widgets, one Confirm and one Reject pressed. */
async function openHostile() {
  const page = await site.browser.newPage();
  await page.setViewportSize({ width: 1024, height: 768 });
  await recordViolations(page);
  await page.goto(`${site.url}/widget-hostile.html`);
  await page.evaluate(async () => {
    await customElements.whenDefined("sapan-align");
    await Promise.all([...document.querySelectorAll("sapan-align")].map((el) => el.ready));
  });
  for (const host of ["#s", "#d"]) {
    await page.locator(`${host} input`).fill(READING);
    await page.locator(`${host} [part=indicator] mark`).first().waitFor();
  }
  await page.locator("#a [part=problem]").first().waitFor();
  await page.locator("#a button.confirm").first().click();
  await page.locator("#a li.match").nth(1).locator("button.reject").click();
  return page;
}

function finish(page) {
  return finishPage(site, page);
}

// The inherited text properties a page can set on the host element.
const TEXT = [
  "fontFamily", "fontSize", "fontStyle", "fontWeight", "lineHeight", "letterSpacing", "wordSpacing",
  "textTransform", "textIndent", "textShadow", "wordBreak", "color", "webkitTextFillColor", "cursor",
];
// A text box, result paragraphs, a button (pressed and not), a label, a problem: in each widget.
const PIECES = [
  "#s input", "#s [part=label]", "#s [part=status]", "#s [part=indicator]", "#s [part=query]", "#s [part=relation]",
  "#d input", "#d [part=indicator]",
  "#a [part=outcome-text]", "#a [part=problem]", "#a button.confirm", "#a li.match:nth-child(2) button.reject",
  "#a li.match:nth-child(3) button.confirm",
];

/** The computed TEXT properties of the first element each of PIECES matches, by selector. */
function textStyles(page) {
  return page.evaluate(
    ([pieces, props]) => {
      const find = (sel) => {
        const [host, ...rest] = sel.split(" ");
        return document.querySelector(host).shadowRoot.querySelector(rest.join(" "));
      };
      return Object.fromEntries(
        pieces.map((sel) => {
          const el = find(sel);
          if (!el) return [sel, null];
          const style = getComputedStyle(el);
          return [sel, Object.fromEntries(props.map((p) => [p, style[p]]))];
        }),
      );
    },
    [PIECES, TEXT],
  );
}

test("a page's universal rule, 62.5% root size and element rules change no text style inside the widget", async () => {
  const page = await openHostile();
  // The page's own elements did take the hostile rules.
  const pageText = await page.locator("#page-text").evaluate((p) => {
    const s = getComputedStyle(p);
    return [s.fontStyle, s.fontSize, s.textTransform];
  });
  assert.deepEqual(pageText, ["italic", "30px", "uppercase"]);

  const hostile = await textStyles(page);
  await page.evaluate(() => document.documentElement.classList.add("important"));
  const hostileImportant = await textStyles(page);
  await page.evaluate(() => {
    document.documentElement.classList.remove("important");
    document.getElementById("hostile").disabled = true;
  });
  const plain = await textStyles(page);

  for (const sel of PIECES) assert.ok(plain[sel], `${sel} is rendered`);
  assert.deepEqual(hostile, plain, "the hostile page's widgets look as on a plain page");
  assert.deepEqual(hostileImportant, plain, "an !important universal rule does not reach inside either");
  // Sizes come from the widget's own 16px base, not from the root's font size.
  assert.equal(plain["#s input"].fontSize, "16px");
  assert.equal(plain["#s [part=indicator]"].fontSize, "16px");
  assert.equal(plain["#s [part=indicator]"].lineHeight, "25.6px");
  assert.equal(plain["#s [part=indicator]"].fontStyle, "normal");
  assert.equal(plain["#s [part=indicator]"].letterSpacing, "normal");
  assert.equal(plain["#s [part=indicator]"].textTransform, "none");
  await finish(page);
});

/**
 * Every text/background pair of the three widgets, as rendered: the named
 * pairs the palettes define, and every element with text of its own. Each
 * background is the element's own, or the first opaque one behind it (up
 * through the shadow root to the host).
 */
function contrasts(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)/);
      if (!m) throw new Error(`unreadable colour ${c}`);
      return { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] };
    };
    const over = (top, below) => ({
      r: top.r * top.a + below.r * (1 - top.a),
      g: top.g * top.a + below.g * (1 - top.a),
      b: top.b * top.a + below.b * (1 - top.a),
      a: 1,
    });
    const background = (el) => {
      const layers = [];
      for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c.a > 0) layers.push(c);
        if (c.a >= 1) break;
      }
      return layers.reverse().reduce((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
    };
    const luminance = ({ r, g, b }) => {
      const lin = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (fg, bg) => {
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
    };
    const pair = (el, fgProp = "color") => {
      const bg = background(el);
      const fg = over(parse(getComputedStyle(el)[fgProp]), bg);
      return { ratio: ratio(fg, bg), paper: luminance(bg) };
    };
    const inside = (host, sel) => {
      const el = document.querySelector(host).shadowRoot.querySelector(sel);
      if (!el) throw new Error(`${host} ${sel} is not rendered`);
      return el;
    };
    const s = document.querySelector("#s").shadowRoot;
    const focused = s.activeElement?.localName === "input";
    const named = {
      ink: pair(inside("#s", "[part=indicator]")),
      muted: pair(inside("#s", "[part=status]")),
      accent: focused ? pair(inside("#s", "input"), "borderTopColor") : null,
      aligned: pair(inside("#s", ".relation.aligned")),
      partial: pair(inside("#a", ".relation.partial")),
      danger: pair(inside("#a", "[part=problem]")),
      "mark-ink on mark": pair(inside("#s", "[part=indicator] mark")),
      "mark-ink on mark (in the echoed query)": pair(inside("#s", "[part=query] mark")),
      "accent-ink on accent": pair(inside("#a", 'button.confirm[aria-pressed="true"]')),
      "accent-ink on danger": pair(inside("#a", 'button.reject[aria-pressed="true"]')),
    };
    // Every element that holds text of its own, in every widget.
    const every = [];
    for (const host of document.querySelectorAll("sapan-align")) {
      for (const el of host.shadowRoot.querySelectorAll("*")) {
        if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
        every.push({ where: `#${host.id} ${el.localName}.${el.className}`, ...pair(el) });
      }
    }
    return { named, every };
  });
}

/** Puts `theme` (null: no attribute) on every widget and emulates `scheme` as the reader's system preference. */
async function theme(page, value, scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.evaluate((v) => {
    for (const el of document.querySelectorAll("sapan-align")) v === null ? el.removeAttribute("theme") : el.setAttribute("theme", v);
  }, value);
}

test("light and dark palettes, by attribute or by the system, keep every text at WCAG AA contrast", async () => {
  const page = await openHostile();
  await page.locator("#s input").focus();
  const seen = {};
  for (const [value, scheme, dark] of [
    ["light", "light", false],
    ["dark", "light", true],
    [null, "dark", true],
    [null, "light", false],
    ["auto", "dark", true],
    ["light", "dark", false],
  ]) {
    const label = `theme=${value ?? "(none)"}, system ${scheme}`;
    await theme(page, value, scheme);
    const { named, every } = await contrasts(page);
    for (const [name, { ratio, paper }] of Object.entries(named)) {
      assert.ok(ratio >= AA, `${label}: ${name} ${ratio}:1`);
      if (!name.includes(" on ")) assert.equal(paper < 0.1, dark, `${label}: ${name} sits on ${dark ? "dark" : "light"} paper`);
    }
    for (const { where, ratio } of every) assert.ok(ratio >= AA, `${label}: ${where} ${ratio}:1`);
    seen[label] = named;
    const min = Math.min(...every.map((e) => e.ratio), ...Object.values(named).map((n) => n.ratio));
    console.log(`${label}: minimum ${min}:1;`, Object.entries(named).map(([n, { ratio }]) => `${n} ${ratio}`).join(", "));
  }
  // The attribute and the system preference give the same palettes.
  assert.deepEqual(seen["theme=dark, system light"], seen["theme=(none), system dark"]);
  assert.deepEqual(seen["theme=light, system light"], seen["theme=light, system dark"]);

  // Light system: the markup's dark widget (#d) beside two light ones; then all dark.
  await theme(page, null, "light");
  await page.evaluate(() => document.getElementById("d").setAttribute("theme", "dark"));
  await screenshot(page, "widget-hostile-light");
  await theme(page, null, "dark");
  await screenshot(page, "widget-hostile-dark");
  // The align widget alone, at its own size, to judge the dark palette by eye.
  await page.locator("#a").screenshot({ path: join(screenshots, "widget-hostile-dark-align.png") });
  await finish(page);
});

test("a page's own --sapan-* colours win over both built-in palettes", async () => {
  const page = await openHostile();
  // Set through the CSSOM: the strict CSP allows that, not a style attribute.
  await page.evaluate(() => {
    const el = document.getElementById("s");
    el.style.setProperty("--sapan-paper", "#fffbe6");
    el.style.setProperty("--sapan-ink", "#222");
    el.style.setProperty("--sapan-mark-ink", "#400");
  });
  const colours = () =>
    page.evaluate(() => {
      const r = document.getElementById("s").shadowRoot;
      return [
        getComputedStyle(r.querySelector(".root")).backgroundColor,
        getComputedStyle(r.querySelector("[part=indicator]")).color,
        getComputedStyle(r.querySelector("[part=indicator] mark")).color,
      ];
    });
  const expected = ["rgb(255, 251, 230)", "rgb(34, 34, 34)", "rgb(68, 0, 0)"];
  for (const [value, scheme] of [["light", "light"], ["dark", "light"], [null, "dark"]]) {
    await theme(page, value, scheme);
    assert.deepEqual(await colours(), expected, `theme=${value}, system ${scheme}`);
  }
  await finish(page);
});

test("a browser without light-dark() gets the light palette: the fallback lists every colour with its light value", async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}/widget-hostile.html`);
  const { palette, fallback, condition } = await page.evaluate(async () => {
    await customElements.whenDefined("sapan-align");
    const sheet = document.querySelector("sapan-align").shadowRoot.adoptedStyleSheets[0];
    const rules = [...sheet.cssRules];
    const host = rules.find((r) => r.selectorText === ":host");
    const supports = rules.find((r) => r instanceof CSSSupportsRule);
    const props = (style) => Object.fromEntries([...style].filter((p) => p.startsWith("--_")).map((p) => [p, style.getPropertyValue(p).trim()]));
    return { palette: props(host.style), fallback: props(supports.cssRules[0].style), condition: supports.conditionText };
  });
  assert.match(condition, /not \(color: light-dark\(/);
  // Each light-dark(light, dark) of the palette, and the light value in the fallback, behind the same --sapan-* property.
  const expected = Object.fromEntries(
    Object.entries(palette)
      .filter(([, v]) => v.includes("light-dark("))
      .map(([k, v]) => [k, v.replace(/light-dark\(\s*([^,]+?)\s*,[^)]*\)/, "$1")]),
  );
  assert.ok(Object.keys(expected).length >= 10, JSON.stringify(palette));
  const tight = (v) => v?.replace(/\s+/g, "");
  for (const [k, v] of Object.entries(expected)) assert.equal(tight(fallback[k]), tight(v), k);
  assert.deepEqual(Object.keys(fallback).sort(), Object.keys(expected).sort());
  await page.close();
});
