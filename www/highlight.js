// The shared terms of a match, marked in both texts: the outcome's words in
// the outcome, the indicator's words in the indicator. Spans come from the
// engine's evidence (JavaScript string indices), never from searching again,
// so a highlight is exactly what the score counted.
import { h } from "./dom.js";

/** `text` with `spans` wrapped in <mark> (overlaps skipped), as a <span>. */
export function marked(text, spans, markAttrs = {}) {
  const out = h("span");
  let at = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const { start, end } of sorted) {
    if (start < at || end <= start || end > text.length) continue;
    out.append(text.slice(at, start), h("mark", markAttrs, text.slice(start, end)));
    at = end;
  }
  out.append(text.slice(at));
  return out;
}

/** The spans of a match's evidence in the query (outcome) text. */
export function querySpans(match) {
  return (match.evidence ?? []).map((e) => e.querySpan);
}

/** The spans of a match's evidence inside the indicator's own text. */
export function indicatorSpans(match) {
  return (match.evidence ?? []).filter((e) => e.field === "indicator").map((e) => e.targetSpan);
}

/** Evidence found beside the indicator's text (core content, standard, strand), for a note. */
export function contextTerms(match) {
  return (match.evidence ?? []).filter((e) => e.field !== "indicator").map((e) => e.matched);
}
