// The npm package under Node ranks and aligns exactly as the native CLI: for
// every text of the dev gold set, the same codes in the same order (scores
// within 1e-6), and the same exported alignment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { initSync, Engine } from "../../pkg/sapan.js";
import {
  alignTop,
  assertSameJson,
  assertSameRanking,
  devTexts,
  nativeAlignment,
  nativeRankings,
  outcomesFile,
  outcomesText,
  rankOptions,
  wasmBytes,
} from "./reference.mjs";

initSync({ module: wasmBytes() });
const engine = new Engine();
const texts = devTexts();
const expected = nativeRankings(texts);

test("the dev gold set has its 115 texts, each with a grade and an area", () => {
  assert.equal(texts.length, 115);
  for (const t of texts) assert.ok(t.text && t.grade && t.area, t.id);
});

test("every dev text ranked against all 582 indicators equals the native ranking", () => {
  texts.forEach((t, i) => {
    const ranked = engine.rank(t.text, rankOptions.all(t));
    // Candidates scoring 0 are left out, so a text may have fewer than 582.
    assert.ok(ranked.length > 10, `${t.id}: topK 0 ranks every candidate`);
    assertSameRanking(ranked, expected.all[i], t.id);
  });
});

test("every dev text ranked within its grade and area, top 10, equals the native ranking", () => {
  texts.forEach((t, i) => {
    const ranked = engine.rank(t.text, rankOptions.filtered(t));
    assert.ok(ranked.length > 0 && ranked.length <= 10, t.id);
    assertSameRanking(ranked, expected.filtered[i], t.id);
  });
});

/** The sample outcomes aligned by the package as the CLI aligns them. */
function alignSamples() {
  const parsed = engine.parseOutcomes(outcomesText(), { name: outcomesFile });
  assert.deepEqual(parsed.problems, []);
  return engine.align(parsed, { topK: alignTop });
}

// `line` is left out of the comparison: outcomes handed to `align` as data
// have no line (sapan.d.ts: `null` for outcomes given as data), while the CLI
// reads the file itself and keeps each outcome's line.
const withoutLines = (report) => ({
  ...report,
  outcomes: report.outcomes.map((o) => ({ ...o, outcome: { ...o.outcome, line: null } })),
});

test("the sample outcomes aligned and exported as JSON equal `sapan align --format json`, evidence included", () => {
  const actual = JSON.parse(engine.export(alignSamples(), "json"));
  const want = JSON.parse(nativeAlignment("json"));
  assert.ok(want.outcomes.some((o) => o.matches.some((m) => m.evidence.length > 0)), "the CLI gave evidence");
  assertSameJson(withoutLines(actual), withoutLines(want));
});

test("the sample outcomes exported as CSV equal `sapan align --format csv` byte for byte", () => {
  assert.equal(engine.export(alignSamples(), "csv"), nativeAlignment("csv"));
});
