// The WASM build under Node must normalise and segment every indicator text
// exactly as the native CLI does (same input, same output).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const wasm = require("../../target/wasm-smoke/sapan.js");
const indicators = readFileSync(new URL("../../target/wasm-smoke/indicators.jsonl", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));

function native(args, input) {
  return execFileSync("./target/release/sapan", args, { input, encoding: "utf8" });
}

test("the version matches the crate", () => {
  const cargo = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
  assert.equal(wasm.version(), cargo.match(/^version = "(.+)"/m)[1]);
});

test("all 582 indicators are there", () => {
  assert.equal(indicators.length, 582);
});

test("segmentation in WASM equals the native segmentation for every indicator", () => {
  const native = readFileSync(new URL("../../target/wasm-smoke/native-segments.jsonl", import.meta.url), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  assert.equal(native.length, indicators.length);
  indicators.forEach((indicator, i) => {
    assert.deepEqual(Array.from(wasm.segment(indicator.text)), native[i], indicator.code);
  });
});

test("normalisation in WASM equals the native normalisation of broken text", () => {
  const broken = "ผเู้ รียนอา่ นออกเสียง ๑๒๓ หลกั สตู ร\u200Bการเรียนรู\u00A0";
  assert.equal(wasm.normalize(broken) + "\n", native(["normalize", "-"], broken));
});
