// What the WASM package must reproduce, made by the native CLI at test time
// (never stored): the dev gold texts ranked by `sapan rank`, and the sample
// outcomes aligned by `sapan align`. Shared by the Node and Chromium parity tests.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import assert from "node:assert/strict";

export const root = new URL("../../", import.meta.url);
const path = (p) => new URL(p, root).pathname;
export const sapanBin = path("target/release/sapan");
export const outcomesFile = "data/samples/outcomes_example.csv";

/** The CLI's output for `args` (run from the repository root). */
export function native(args, input) {
  return execFileSync(sapanBin, args, { cwd: path("."), input, encoding: "utf8", maxBuffer: 256 << 20 });
}

/** The 115 texts of data/gold/dev.jsonl: `{ id, text, grade, area }`. */
export function devTexts() {
  return readFileSync(path("data/gold/dev.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line))
    .map(({ id, text, grade, area_code }) => ({ id, text, grade, area: area_code }));
}

/** The pkg/ build's bytes, for initSync under Node. */
export const wasmBytes = () => readFileSync(path("pkg/sapan_bg.wasm"));

/**
 * The two rankings the parity tests compare, as the CLI makes them:
 * `all`: every text against all 582 indicators (no grade or area, every candidate);
 * `filtered`: every text with its own grade and area, top 10.
 * Each is a list, in input order, of `[{ code, score, relation }]`.
 */
export function nativeRankings(texts) {
  return {
    all: nativeRank(texts.map(({ id, text }) => ({ id, text })), 0),
    filtered: nativeRank(texts, 10),
  };
}

/** `sapan rank --top top` of `lines` (`{ id, text, grade?, area? }`): each line's ranking. */
export function nativeRank(lines, top) {
  return native(["rank", "--input", "-", "--top", String(top)], lines.map((l) => JSON.stringify(l)).join("\n") + "\n")
    .trim()
    .split("\n")
    .map((line, i) => {
      const out = JSON.parse(line);
      assert.equal(out.id, lines[i].id, "sapan rank keeps the input order");
      assert.equal(out.error, undefined, `sapan rank could not rank ${out.id}`);
      return out.ranked;
    });
}

/** The options that make `engine.rank` do what each native ranking did. */
export const rankOptions = {
  all: () => ({ topK: 0, evidence: false }),
  filtered: ({ grade, area }) => ({ grade, area, topK: 10, evidence: false }),
};

/** Top-K of the CLI's `align` and of `engine.align` (the CLI's default is 5, the package's 10). */
export const alignTop = 5;

/** `sapan align` on the sample outcomes in `format` (json or csv), evidence included. */
export function nativeAlignment(format) {
  return native(["align", "--outcomes", outcomesFile, "--top", String(alignTop), "--format", format]);
}

/** The sample outcomes file, as the JS side reads it. */
export const outcomesText = () => readFileSync(path(outcomesFile), "utf8");

/**
 * Asserts that a WASM ranking equals the native one: the same codes in the
 * same order, the same relations, scores within 1e-6 (the engine rounds to four
 * decimals in f32; JavaScript sees that f32 widened to a double).
 */
export function assertSameRanking(actual, expected, label) {
  assert.equal(actual.length, expected.length, `${label}: number of matches`);
  assert.deepEqual(
    actual.map((m) => m.code),
    expected.map((m) => m.code),
    `${label}: codes and order`,
  );
  expected.forEach((want, i) => {
    const got = actual[i];
    assert.equal(got.relation, want.relation, `${label}: relation of ${want.code}`);
    assert.ok(Math.abs(got.score - want.score) <= 1e-6, `${label}: score of ${want.code}: ${got.score} vs ${want.score}`);
  });
}

/**
 * Asserts that two parsed JSON values are equal, numbers within 1e-6, and
 * names the first place where they differ.
 */
export function assertSameJson(actual, expected, at = "$") {
  if (typeof expected === "number" && typeof actual === "number") {
    assert.ok(Math.abs(actual - expected) <= 1e-6, `${at}: ${actual} vs ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${at}: expected an array`);
    assert.equal(actual.length, expected.length, `${at}: length`);
    expected.forEach((v, i) => assertSameJson(actual[i], v, `${at}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    assert.ok(actual !== null && typeof actual === "object" && !Array.isArray(actual), `${at}: expected an object`);
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${at}: keys`);
    for (const key of Object.keys(expected)) assertSameJson(actual[key], expected[key], `${at}.${key}`);
  } else {
    assert.equal(actual, expected, at);
  }
}
