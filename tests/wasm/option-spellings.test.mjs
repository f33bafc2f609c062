// One reader per value, held to the npm package: every grade and area spelling of
// tests/data/option-spellings.json is read by engine.rank and engine.indicators as the
// native CLI reads it (`sapan rank` lines; `sapan indicators --grade/--area`), and refused
// where the CLI refuses it, with a SapanError naming the option. tests/option_spellings.rs
// holds the CLI and the core's options to the same table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, Engine } from "../../pkg/sapan.js";
import { execFileSync } from "node:child_process";
import { root, sapanBin, wasmBytes } from "./reference.mjs";

// The CLI with its standard error kept (refusals print the usage there).
const native = (args, input) =>
  execFileSync(sapanBin, args, { cwd: root, input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });

initSync({ module: wasmBytes() });
const engine = new Engine();
const table = JSON.parse(readFileSync(new URL("../data/option-spellings.json", import.meta.url), "utf8"));
const text = "การบวก การลบ การคูณ การหาร จำนวนนับ ทศนิยม เศษส่วน";

/** `sapan rank` on one line per value under `key`: each line's codes, or null when refused. */
function nativeLines(key, rows) {
  const input = rows.map((r, i) => JSON.stringify({ id: i, text, [key]: r.value })).join("\n") + "\n";
  let out;
  try {
    out = native(["rank", "--input", "-", "--top", "0"], input);
  } catch (e) {
    out = e.stdout; // a refused line makes the exit status 1; its output line is still there
  }
  return out.trim().split("\n").map((l) => {
    const line = JSON.parse(l);
    return line.error ? null : line.ranked.map((m) => m.code);
  });
}

/** `sapan indicators` with one flag as codes, or null when it is refused. */
function nativeListed(flag, value) {
  try {
    return native(["indicators", flag, String(value), "--format", "jsonl"]).trim().split("\n").map((l) => JSON.parse(l).code);
  } catch {
    return null;
  }
}

function npmOrNull(fn, option) {
  try {
    return fn();
  } catch (e) {
    assert.equal(e.name, "SapanError");
    assert.equal(e.code, "invalid_argument");
    assert.equal(e.location?.field, option);
    return null;
  }
}

for (const [key, rows, want] of [
  ["grade", table.grades, (r) => r.grade],
  ["area", table.areas, (r) => r.area],
]) {
  test(`every ${key} spelling ranks and lists as the CLI reads it`, () => {
    const lines = nativeLines(key, rows);
    assert.equal(lines.length, rows.length);
    rows.forEach((row, i) => {
      const label = `${key} ${JSON.stringify(row.value)}`;
      const ranked = npmOrNull(() => engine.rank(text, { [key]: row.value, topK: 0 }), key);
      const codes = ranked && ranked.map((m) => m.code);
      assert.deepEqual(codes, lines[i], `${label}: npm and sapan rank`);
      assert.equal(codes !== null, want(row) !== null, `${label}: read as the table says`);
      const listed = npmOrNull(() => engine.indicators({ [key]: row.value }), key);
      const listedCodes = listed && listed.map((ind) => ind.code);
      if (typeof row.value === "string") {
        assert.deepEqual(listedCodes, nativeListed(`--${key}`, row.value), `${label}: npm and sapan indicators`);
      }
      if (want(row) !== null) {
        const tag = key === "grade" ? `ป.${want(row)}/` : `${want(row)} `;
        assert.ok(listedCodes.length > 0 && listedCodes.every((c) => (key === "grade" ? c.includes(tag) : c.startsWith(tag))), label);
      }
    });
  });
}
