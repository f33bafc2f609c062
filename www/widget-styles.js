// The shadow styles of <sapan-align>, as one constructable stylesheet that
// every instance adopts (shadowRoot.adoptedStyleSheets). Not an inline
// <style>: a page with the strict `style-src 'self'` would block that, and
// one shared sheet is parsed once however many widgets a page has.
//
// Styles neither leak in nor out: selectors stay inside the shadow root, and
// `all: initial` on the host stops the page's inherited text styles (colour,
// line height, letter spacing, …) so that only the custom properties below
// and the `::part()`s shape the widget. Colours meet WCAG AA on the default
// paper: ink 16.8:1, accent 6.6:1, aligned 6.9:1, partial 7.4:1.

const CSS = `
:host {
  all: initial;
  display: block;
  /* --sapan-font: the font stack; Thai fonts first, so Thai never falls back to a Latin-only face. */
  --_font: var(--sapan-font, "Sarabun", "TH Sarabun New", "Noto Sans Thai", "Garuda", "Loma", "Tahoma", system-ui, sans-serif);
  /* --sapan-font-size: the base text size; everything else is relative to it. */
  --_size: var(--sapan-font-size, 1rem);
  /* --sapan-ink: the text colour. */
  --_ink: var(--sapan-ink, #1b1b1b);
  /* --sapan-muted: secondary text (hints, scores, the echoed query); keep AA contrast on --sapan-paper. */
  --_muted: var(--sapan-muted, #4a4a4a);
  /* --sapan-paper: the background. */
  --_paper: var(--sapan-paper, #fff);
  /* --sapan-line: borders and separators. */
  --_line: var(--sapan-line, #c9c9c9);
  /* --sapan-accent: the focus ring, pressed Confirm buttons and the textarea's border on focus. */
  --_accent: var(--sapan-accent, #0b57d0);
  /* --sapan-accent-ink: text on an --sapan-accent background (pressed buttons). */
  --_accent-ink: var(--sapan-accent-ink, #fff);
  /* --sapan-mark: the background of the words a text and an indicator share. */
  --_mark: var(--sapan-mark, #ffe27a);
  /* --sapan-aligned: the colour of "aligned" (สอดคล้อง). */
  --_aligned: var(--sapan-aligned, #0a6b2d);
  /* --sapan-partial: the colour of "partially aligned" (สอดคล้องบางส่วน). */
  --_partial: var(--sapan-partial, #7a4b00);
  /* --sapan-danger: errors, problems and pressed Reject buttons. */
  --_danger: var(--sapan-danger, #a1261b);
  /* --sapan-radius: the corner radius of the box, the textarea, cards and buttons. */
  --_radius: var(--sapan-radius, .4rem);
  font-family: var(--_font);
  font-size: var(--_size);
  line-height: 1.6;
  color: var(--_ink);
  background: var(--_paper);
  text-align: start;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.root { padding: .75rem; border: 1px solid var(--_line); border-radius: var(--_radius); }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
p { margin: 0 0 .5rem; }
.status { color: var(--_muted); min-height: 1.6em; margin-bottom: .5rem; }
.error { color: var(--_danger); border: 2px solid var(--_danger); border-radius: var(--_radius); padding: .5rem .75rem; margin-bottom: .75rem; }
.error[hidden], .problems[hidden] { display: none; }
.problems { color: var(--_danger); margin: 0 0 .75rem; padding-inline-start: 1.25rem; }
label { display: block; font-weight: bold; }
.hint, .scope { color: var(--_muted); font-size: .875em; font-weight: normal; }
textarea {
  display: block; width: 100%; min-height: 5.5rem; margin: .25rem 0 .5rem; padding: .5rem;
  font: inherit; font-weight: normal; color: var(--_ink); background: var(--_paper);
  border: 2px solid var(--_line); border-radius: var(--_radius); resize: vertical;
}
textarea:focus-visible { border-color: var(--_accent); outline-offset: 0; }
ol, ul { margin: 0; padding: 0; list-style: none; }
.match { border-top: 1px solid var(--_line); padding: .5rem 0; }
.match:first-child { border-top: none; }
.head { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; }
.code { font-weight: bold; white-space: nowrap; }
.relation { font-weight: bold; }
.relation.aligned { color: var(--_aligned); }
.relation.partial { color: var(--_partial); }
.relation.none { color: var(--_muted); font-weight: normal; }
.score { color: var(--_muted); font-size: .875em; font-variant-numeric: tabular-nums; }
.indicator { margin: .15rem 0 0; }
.query { margin: .15rem 0 0; color: var(--_muted); font-size: .875em; }
mark { background: var(--_mark); color: inherit; padding: 0 .05em; border-radius: .15em; }
.outcome { border: 1px solid var(--_line); border-radius: var(--_radius); padding: .5rem .75rem; margin-bottom: .75rem; }
.outcome-head { font-size: 1.05em; font-weight: bold; margin: 0 0 .25rem; }
.outcome-id { color: var(--_muted); font-weight: normal; font-size: .875em; margin-inline-end: .5rem; }
.decide { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .35rem; }
button {
  font: inherit; min-height: 2.5rem; min-width: 5.5rem; padding: .25rem .9rem; cursor: pointer;
  color: var(--_ink); background: var(--_paper); border: 2px solid var(--_ink); border-radius: var(--_radius);
}
button[aria-pressed="true"].confirm { background: var(--_accent); border-color: var(--_accent); color: var(--_accent-ink); }
button[aria-pressed="true"].reject { background: var(--_danger); border-color: var(--_danger); color: var(--_accent-ink); }
button[aria-pressed="true"]::before { content: "✓ "; }
.match.rejected .indicator, .match.rejected .head { text-decoration: line-through; }
.empty { color: var(--_muted); }
/* A bundled outcome (clauses.js): its clauses boxed and numbered in its text, kinds told
   apart by the line's style as well as its colour; its suggestions under clause headings. */
.outcome-head .clause { border-bottom: 2px solid var(--_accent); font-weight: normal; padding: 0 .1em; margin-inline-end: .15em; line-height: 1.9; }
.outcome-head .clause.is-process { border-bottom: 2px dashed var(--_partial); }
.outcome-head .clause.is-competency { border-bottom: 2px dotted var(--_aligned); }
.clause-number { display: inline-block; min-width: 1.2em; margin-inline-end: .2em; border: 1px solid currentColor; border-radius: .6em; font-size: .75em; line-height: 1.1rem; text-align: center; vertical-align: .15em; color: var(--_muted); }
.clause-group { border-inline-start: 3px solid var(--_accent); padding-inline-start: .6rem; margin: .5rem 0; }
.clause-group.is-process { border-inline-start-style: dashed; border-inline-start-color: var(--_partial); }
.clause-group.is-competency { border-inline-start-style: dotted; border-inline-start-color: var(--_aligned); }
.clause-heading { font-size: .95em; margin: .25rem 0 0; }
.clause-text { color: var(--_muted); font-size: .9em; margin: 0 0 .25rem; }
.clause-empty { color: var(--_danger); font-weight: bold; }
.answers { font-size: .85em; color: var(--_muted); border: 1px solid currentColor; border-radius: .75em; padding: 0 .5em; }
@media (forced-colors: active) {
  mark { forced-color-adjust: none; background: Mark; color: MarkText; }
  button[aria-pressed="true"] { outline: 2px solid ButtonText; }
}
`;

/** The sheet every <sapan-align> adopts. */
export const widgetSheet = new CSSStyleSheet();
widgetSheet.replaceSync(CSS);

/** The custom properties the widget reads (for documentation and tests). */
export const CUSTOM_PROPERTIES = [...CSS.matchAll(/--(sapan-[a-z-]+):/g)].map((m) => `--${m[1]}`);
