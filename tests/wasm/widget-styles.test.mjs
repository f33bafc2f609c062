// The widget's styles: on a hostile page (a universal rule, `html {
// font-size: 62.5% }`, rules for button, mark, textarea, li and p) it renders
// exactly as on a plain one.
// The page is served with the strictest Content-Security-Policy a partner
// could set (nothing but same-origin scripts, styles, requests and wasm).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { openSite, root } from "./site.mjs";

const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; worker-src 'self'; img-src 'self'";
const pages = join(root, "tests/wasm/pages");
const READING = "นักเรียนอ่านออกเสียงบทกลอนได้ถูกต้อง";

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
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}`);
    });
  });
  await page.goto(`${site.url}/widget-hostile.html`);
  await page.evaluate(async () => {
    await customElements.whenDefined("sapan-align");
    await Promise.all([...document.querySelectorAll("sapan-align")].map((el) => el.ready));
  });
  for (const host of ["#s", "#d"]) {
    await page.locator(`${host} textarea`).fill(READING);
    await page.locator(`${host} [part=indicator] mark`).first().waitFor();
  }
  await page.locator("#a [part=problem]").first().waitFor();
  await page.locator("#a button.confirm").first().click();
  await page.locator("#a li.match").nth(1).locator("button.reject").click();
  return page;
}

async function finish(page) {
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], "no CSP violation");
  assert.deepEqual(page.problems, [], "no console error or page error");
  site.browser.assertNoOffsite();
  await page.close();
}

// The inherited text properties a page can set on the host element.
const TEXT = [
  "fontFamily", "fontSize", "fontStyle", "fontWeight", "lineHeight", "letterSpacing", "wordSpacing",
  "textTransform", "textIndent", "textShadow", "wordBreak", "color", "webkitTextFillColor", "cursor",
];
// A text box, result paragraphs, a button (pressed and not), a label, a problem: in each widget.
const PIECES = [
  "#s textarea", "#s [part=label]", "#s [part=status]", "#s [part=indicator]", "#s [part=query]", "#s [part=relation]",
  "#d textarea", "#d [part=indicator]",
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
  assert.equal(plain["#s textarea"].fontSize, "16px");
  assert.equal(plain["#s [part=indicator]"].fontSize, "16px");
  assert.equal(plain["#s [part=indicator]"].lineHeight, "25.6px");
  assert.equal(plain["#s [part=indicator]"].fontStyle, "normal");
  assert.equal(plain["#s [part=indicator]"].letterSpacing, "normal");
  assert.equal(plain["#s [part=indicator]"].textTransform, "none");
  await finish(page);
});
