// The npm package (pkg/) under Node must normalise and segment every indicator
// text exactly as the native CLI does (same input, same output).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, Engine, version } from "../../pkg/sapan.js";
import { native, wasmBytes } from "./reference.mjs";

initSync({ module: wasmBytes() });
const engine = new Engine();
const indicators = native(["indicators", "--format", "jsonl"])
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));

test("the version matches the crate", () => {
  const cargo = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
  const crate = cargo.match(/^version = "(.+)"/m)[1];
  assert.equal(version(), crate);
  assert.equal(engine.version, crate);
  assert.equal(JSON.parse(readFileSync(new URL("../../pkg/package.json", import.meta.url), "utf8")).version, crate);
});

test("all 582 indicators are there, natively and in WASM", () => {
  assert.equal(indicators.length, 582);
  assert.deepEqual(
    engine.indicators().map((i) => i.code),
    indicators.map((i) => i.code),
  );
});

test("segmentation in WASM equals the native segmentation for every indicator", () => {
  const texts = indicators.map((i) => i.text).join("\n") + "\n";
  const segments = native(["segment", "-", "--format", "jsonl"], texts)
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  assert.equal(segments.length, indicators.length);
  indicators.forEach((indicator, i) => {
    assert.deepEqual(engine.segment(indicator.text), segments[i], indicator.code);
  });
});

test("normalisation in WASM equals the native normalisation of broken text", () => {
  const broken = "ผเู้ รียนอา่ นออกเสียง ๑๒๓ หลกั สตู ร\u200Bการเรียนรู\u00A0";
  assert.equal(engine.normalize(broken) + "\n", native(["normalize", "-"], broken));
});
