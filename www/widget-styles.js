// The shadow styles of <sapan-align>, as one constructable stylesheet that
// every instance adopts (shadowRoot.adoptedStyleSheets). Not an inline
// <style>: a page with the strict `style-src 'self'` would block that, and
// one shared sheet is parsed once however many widgets a page has.
//
// Importing this module touches no DOM global: the sheet is made on the
// first call of styleSheet(), so that `import "sapan/widget"` works under
// Node (server rendering, test runners) where CSSStyleSheet does not exist.
//
// Styles neither leak in nor out. Selectors stay inside the shadow root, but
// inheritance crosses it: a page rule on `*` matches the host element itself
// and, being the outer context, beats `:host` (for normal declarations the
// page wins over the shadow tree), so `all: initial` on the host is not
// enough. Every inherited text property is therefore set again on the
// shadow root's own top-level elements (`:host > *`), which no page selector
// can match; sizes are px or em from that px base, never rem, so a page's
// `html { font-size: 62.5% }` changes nothing. Only the custom properties
// below and the `::part()`s are ways in, as intended.
//
// Themes: a light and a dark palette, chosen by `color-scheme` on those
// top-level elements: `light dark` follows the reader's system
// (prefers-color-scheme), `theme="light"` or `theme="dark"` on the element
// fixes one. Each colour is `light-dark(light, dark)` behind its custom
// property, so a page's own --sapan-* value wins over both palettes. Every
// text/background pair meets WCAG AA (4.5:1) in both; the widget-styles test
// measures them on rendered elements.

const CSS = `
:host {
  all: initial;
  display: block;
  /* --sapan-font: the font stack; Thai fonts first, so Thai never falls back to a Latin-only face. */
  --_font: var(--sapan-font, "Sarabun", "TH Sarabun New", "Noto Sans Thai", "Garuda", "Loma", "Tahoma", system-ui, sans-serif);
  /* --sapan-font-size: the base text size (default 16px, not 1rem: the page's root size must not matter); everything else is em of it. */
  --_size: var(--sapan-font-size, 16px);
  /* --sapan-ink: the text colour (light #1b1b1b, dark #e8e6e3). */
  --_ink: var(--sapan-ink, light-dark(#1b1b1b, #e8e6e3));
  /* --sapan-muted: secondary text (hints, scores, the echoed query); keep AA contrast on --sapan-paper (light #4a4a4a, dark #b4b1ac). */
  --_muted: var(--sapan-muted, light-dark(#4a4a4a, #b4b1ac));
  /* --sapan-paper: the background (light #fff, dark #1c1e22). */
  --_paper: var(--sapan-paper, light-dark(#fff, #1c1e22));
  /* --sapan-line: borders and separators (light #c9c9c9, dark #5b6068). */
  --_line: var(--sapan-line, light-dark(#c9c9c9, #5b6068));
  /* --sapan-accent: the focus ring, pressed Confirm buttons and the text box's border on focus and the active suggestion's outline (light #0b57d0, dark #8ab4f8). */
  --_accent: var(--sapan-accent, light-dark(#0b57d0, #8ab4f8));
  /* --sapan-accent-ink: text on an --sapan-accent or --sapan-danger background: pressed buttons (light #fff, dark #0f1a2e). */
  --_accent-ink: var(--sapan-accent-ink, light-dark(#fff, #0f1a2e));
  /* --sapan-mark: the background of the words a text and an indicator share (light #ffe27a, dark #e9c46a). */
  --_mark: var(--sapan-mark, light-dark(#ffe27a, #e9c46a));
  /* --sapan-mark-ink: the text on --sapan-mark; its own colour, so muted or light ink never sits on the mark (#1b1b1b in both). */
  --_mark-ink: var(--sapan-mark-ink, #1b1b1b);
  /* --sapan-aligned: the colour of "aligned" (สอดคล้อง) (light #0a6b2d, dark #7fd19b). */
  --_aligned: var(--sapan-aligned, light-dark(#0a6b2d, #7fd19b));
  /* --sapan-partial: the colour of "partially aligned" (สอดคล้องบางส่วน) (light #7a4b00, dark #f2b766). */
  --_partial: var(--sapan-partial, light-dark(#7a4b00, #f2b766));
  /* --sapan-danger: errors, problems and pressed Reject buttons (light #a1261b, dark #f28b82). */
  --_danger: var(--sapan-danger, light-dark(#a1261b, #f28b82));
  /* --sapan-radius: the corner radius of the box, the text box, cards and buttons. */
  --_radius: var(--sapan-radius, .4em);
}
:host([hidden]) { display: none; }
/* The widget's own top-level elements take nothing from the page: each inherited
   property is set here (visibility, pointer-events and direction are left to the
   page on purpose: hiding, disabling or mirroring the element is the page's call).
   First in the sheet, so that rules for particular top-level elements win. */
:host > * {
  color-scheme: light dark;
  font: normal normal normal var(--_size) / 1.6 var(--_font);
  font-kerning: auto; font-feature-settings: normal; font-variation-settings: normal;
  font-size-adjust: none; font-optical-sizing: auto; font-synthesis: weight style small-caps;
  color: var(--_ink); -webkit-text-fill-color: currentcolor; -webkit-text-stroke: 0;
  letter-spacing: normal; word-spacing: normal; text-transform: none; text-indent: 0;
  text-align: start; text-align-last: auto; text-shadow: none; text-emphasis: none;
  text-underline-offset: auto; text-underline-position: auto; text-decoration-skip-ink: auto;
  /* Thai has no spaces between words: the browser's dictionary finds the breaks only with these at normal. */
  white-space: normal; word-break: normal; overflow-wrap: normal; line-break: auto; hyphens: manual; tab-size: 8;
  writing-mode: horizontal-tb; text-orientation: mixed; text-rendering: auto;
  cursor: auto; quotes: auto; list-style: none; caret-color: auto; accent-color: auto; paint-order: normal;
  border-collapse: separate; border-spacing: 0; caption-side: top; empty-cells: show;
}
/* A browser without light-dark() (before Chrome 123, Firefox 120, Safari 17.5) gets the light palette, not no colours. */
@supports not (color: light-dark(#000, #fff)) {
  :host {
    --_ink: var(--sapan-ink, #1b1b1b);
    --_muted: var(--sapan-muted, #4a4a4a);
    --_paper: var(--sapan-paper, #fff);
    --_line: var(--sapan-line, #c9c9c9);
    --_accent: var(--sapan-accent, #0b57d0);
    --_accent-ink: var(--sapan-accent-ink, #fff);
    --_mark: var(--sapan-mark, #ffe27a);
    --_aligned: var(--sapan-aligned, #0a6b2d);
    --_partial: var(--sapan-partial, #7a4b00);
    --_danger: var(--sapan-danger, #a1261b);
  }
}
:host([theme="light" i]) > * { color-scheme: light; }
:host([theme="dark" i]) > * { color-scheme: dark; }
* { box-sizing: border-box; }
.root { padding: .75em; border: 1px solid var(--_line); border-radius: var(--_radius); background: var(--_paper); }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
p { margin: 0 0 .5em; }
.status { color: var(--_muted); min-height: 1.6em; margin-bottom: .5em; }
.error { color: var(--_danger); border: 2px solid var(--_danger); border-radius: var(--_radius); padding: .5em .75em; margin-bottom: .75em; }
.error[hidden], .problems[hidden] { display: none; }
.problems { color: var(--_danger); margin: 0 0 .75em; padding-inline-start: 1.25em; }
label { display: block; font-weight: bold; }
.hint, .scope { color: var(--_muted); font-size: .875em; font-weight: normal; }
input {
  display: block; width: 100%; margin: .25em 0 .5em; padding: .5em;
  font: inherit; font-weight: normal; color: var(--_ink); background: var(--_paper);
  border: 2px solid var(--_line); border-radius: var(--_radius);
}
input:focus-visible { border-color: var(--_accent); outline-offset: 0; }
.hint { margin: 0; }
/* The combobox's list: options are picked by click as well as by Enter; the active one (arrow keys) is outlined. */
[role="listbox"] .match { cursor: pointer; padding-inline: .35em; border-radius: var(--_radius); }
[role="listbox"] .match.active { outline: 3px solid var(--_accent); outline-offset: -3px; }
[role="listbox"][hidden] { display: none; }
ol, ul { margin: 0; padding: 0; list-style: none; }
.match { border-top: 1px solid var(--_line); padding: .5em 0; }
.match:first-child { border-top: none; }
.head { display: flex; flex-wrap: wrap; gap: .25em .75em; align-items: baseline; }
.code { font-weight: bold; white-space: nowrap; }
.relation { font-weight: bold; }
.relation.aligned { color: var(--_aligned); }
.relation.partial { color: var(--_partial); }
.relation.none { color: var(--_muted); font-weight: normal; }
.score { color: var(--_muted); font-size: .875em; font-variant-numeric: tabular-nums; }
.indicator { margin: .15em 0 0; }
.query { margin: .15em 0 0; color: var(--_muted); font-size: .875em; }
mark { background: var(--_mark); color: var(--_mark-ink); padding: 0 .05em; border-radius: .15em; }
.outcome { border: 1px solid var(--_line); border-radius: var(--_radius); padding: .5em .75em; margin-bottom: .75em; }
.outcome-head { font-size: 1.05em; font-weight: bold; margin: 0 0 .25em; }
.outcome-id { color: var(--_muted); font-weight: normal; font-size: .875em; margin-inline-end: .5em; }
.decide { display: flex; flex-wrap: wrap; gap: .5em; margin-top: .35em; }
button {
  font: inherit; min-height: 2.5em; min-width: 5.5em; padding: .25em .9em; cursor: pointer;
  color: var(--_ink); background: var(--_paper); border: 2px solid var(--_ink); border-radius: var(--_radius);
}
button[aria-pressed="true"].confirm { background: var(--_accent); border-color: var(--_accent); color: var(--_accent-ink); }
button[aria-pressed="true"].reject { background: var(--_danger); border-color: var(--_danger); color: var(--_accent-ink); }
/* The tick is for the eyes: its alternative text is empty, so a button's name stays "Confirm" (its pressed state says the rest). */
button[aria-pressed="true"]::before { content: "✓ " / ""; }
.match.rejected .indicator, .match.rejected .head { text-decoration: line-through; }
.empty { color: var(--_muted); }
/* A bundled outcome (clauses.js): its clauses boxed and numbered in its text, kinds told
   apart by the line's style as well as its colour; its suggestions under clause headings. */
.outcome-head .clause { border-bottom: 2px solid var(--_accent); font-weight: normal; padding: 0 .1em; margin-inline-end: .15em; line-height: 1.9; }
.outcome-head .clause.is-process { border-bottom: 2px dashed var(--_partial); }
.outcome-head .clause.is-competency { border-bottom: 2px dotted var(--_aligned); }
.clause-number { display: inline-block; min-width: 1.2em; margin-inline-end: .2em; border: 1px solid currentColor; border-radius: .6em; font-size: .75em; line-height: 1.47em; text-align: center; vertical-align: .15em; color: var(--_muted); }
.clause-group { border-inline-start: 3px solid var(--_accent); padding-inline-start: .6em; margin: .5em 0; }
.clause-group.is-process { border-inline-start-style: dashed; border-inline-start-color: var(--_partial); }
.clause-group.is-competency { border-inline-start-style: dotted; border-inline-start-color: var(--_aligned); }
.clause-heading { font-size: .95em; margin: .25em 0 0; }
.clause-text { color: var(--_muted); font-size: .9em; margin: 0 0 .25em; }
.clause-empty { color: var(--_danger); font-weight: bold; }
.answers { font-size: .85em; color: var(--_muted); border: 1px solid currentColor; border-radius: .75em; padding: 0 .5em; }
@media (forced-colors: active) {
  mark { forced-color-adjust: none; background: Mark; color: MarkText; }
  button[aria-pressed="true"] { outline: 2px solid ButtonText; }
}
`;

let sheet = null;

/** The sheet every <sapan-align> adopts, made on the first call (one per page). */
export function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

/** The custom properties the widget reads, as documented above (for documentation and tests). */
export const CUSTOM_PROPERTIES = [...new Set([...CSS.matchAll(/\/\* (--sapan-[a-z-]+):/g)].map((m) => m[1]))];
