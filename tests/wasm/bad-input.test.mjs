// The bad-input suite in the npm package under Node: every case of
// tests/data/bad-input/cases.json (the table the CLI and the app are tested
// against too) given to parseOutcomes as a file's bytes; decodeBytes against
// Node's own TextDecoder; codes that do not exist, and codes in Thai digits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, Engine, decodeBytes } from "../../pkg/sapan.js";

initSync({ module: readFileSync(new URL("../../pkg/sapan_bg.wasm", import.meta.url)) });
const engine = new Engine();
const dir = new URL("../data/bad-input/", import.meta.url);
const table = JSON.parse(readFileSync(new URL("cases.json", dir), "utf8"));

/** A generated case, made as tests/bad_input.rs makes it. */
export function generate({ bytes, head, fill, tail }) {
  const out = new Uint8Array(bytes).fill(0x20);
  const enc = new TextEncoder();
  const [h, f, t] = [enc.encode(head), enc.encode(fill), enc.encode(tail)];
  out.set(h, 0);
  let at = h.length;
  while (at + f.length + t.length <= bytes) {
    out.set(f, at);
    at += f.length;
  }
  out.set(t, bytes - t.length);
  return out;
}

function bytesOf(c) {
  return c.generate ? generate(table.generate[c.generate]) : new Uint8Array(readFileSync(new URL(c.file, dir)));
}

function sapanError(fn) {
  try {
    fn();
  } catch (e) {
    assert.equal(e.name, "SapanError");
    assert.ok(e.messageTh && e.messageEn, "both messages");
    return e;
  }
  assert.fail("expected a SapanError");
}

for (const c of table.cases) {
  test(`parseOutcomes on a file's bytes: ${c.name}`, () => {
    const name = c.file ?? table.generate[c.generate].name;
    const parsed = engine.parseOutcomes(bytesOf(c), { name });
    assert.equal(parsed.outcomes.length, c.outcomes, "outcomes read");
    assert.deepEqual(
      parsed.problems.map((p) => p.code),
      c.problems.map((p) => p.code),
      "problem codes",
    );
    c.problems.forEach((want, i) => {
      const got = parsed.problems[i];
      for (const key of ["line", "column", "field"]) if (key in want) assert.equal(got.location[key], want[key], `problem ${i} ${key}`);
      assert.match(got.messageTh, /[\u0e00-\u0e7f]/, "a Thai message");
      assert.match(got.messageEn, /[a-z]/, "an English message");
      assert.equal(got.location.source, name, "names the file");
    });
    if (c.outcomes > 0 || c.problems.length === 0) assert.equal(parsed.encoding, c.encoding ?? "utf-8", "encoding");
    else assert.equal(parsed.encoding, parsed.problems[0].code.endsWith("encoding") || parsed.problems[0].code === "binary_input" ? null : "utf-8");
    assert.equal(parsed.notice?.code ?? null, c.notice ?? null, "notice");
    if (c.notice) {
      assert.match(parsed.notice.messageTh, new RegExp(name.replace(".", "\\.")));
      assert.match(parsed.notice.messageEn, new RegExp(name.replace(".", "\\.")));
    }
    if (c.ids) assert.deepEqual(parsed.outcomes.map((o) => o.id), c.ids, "ids");
    if (c.grades) assert.deepEqual(parsed.outcomes.map((o) => o.grade), c.grades, "grades");
    // What was read aligns: nothing in it breaks the engine.
    if (parsed.outcomes.length) {
      const alignment = engine.align(parsed.outcomes, { topK: 1 });
      assert.equal(alignment.outcomes.length, c.outcomes);
    }
  });
}

test("the decoded Windows-874 file reads as the UTF-8 one, and a string is still read as text", () => {
  const fromBytes = engine.parseOutcomes(new Uint8Array(readFileSync(new URL("windows-874.csv", dir))), { name: "a.csv" });
  const utf8 = engine.parseOutcomes(readFileSync(new URL("bom.csv", dir), "utf8"), { name: "a.csv" });
  assert.deepEqual(fromBytes.outcomes, utf8.outcomes);
  assert.equal(utf8.encoding, null, "a string was not decoded");
  assert.equal(utf8.notice, null);
  // An ArrayBuffer is bytes too.
  const buffer = readFileSync(new URL("utf-16le.csv", dir));
  const ab = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length);
  assert.equal(engine.parseOutcomes(ab, { name: "a.csv" }).outcomes.length, 6);
});

test("decodeBytes reads every byte Windows-874 assigns as Node's TextDecoder does", () => {
  const node = new TextDecoder("windows-874");
  const unassigned = [];
  // Ten letters first, so that one control character is text (a tenth of it would be binary).
  const prefix = new TextEncoder().encode("ABCDEFGHIJ");
  for (let b = 0; b < 256; b++) {
    const bytes = Uint8Array.of(...prefix, b);
    let ours;
    try {
      ours = decodeBytes(bytes, { encoding: "windows-874" }).text;
    } catch (e) {
      if (b === 0) {
        assert.equal(e.code, "binary_input", "a NUL byte is binary in any encoding");
        continue;
      }
      assert.equal(e.code, "invalid_encoding");
      unassigned.push(b);
      continue;
    }
    assert.equal(ours, node.decode(bytes), `byte 0x${b.toString(16)}`);
  }
  // The WHATWG index leaves these eight unassigned; Node's ICU maps them to private-use
  // characters (U+F8C1…), which are no Thai text either: Sapan refuses them.
  assert.deepEqual(unassigned, [0xdb, 0xdc, 0xdd, 0xde, 0xfc, 0xfd, 0xfe, 0xff]);
  for (const b of unassigned) assert.ok(node.decode(Uint8Array.of(b)).codePointAt(0) >= 0xe000);
});

test("decodeBytes detects, strips the BOM, notes it, and throws located errors", () => {
  const bom = decodeBytes(new Uint8Array(readFileSync(new URL("bom.csv", dir))), { name: "bom.csv" });
  assert.equal(bom.encoding, "utf-8");
  assert.equal(bom.bom, true);
  assert.ok(bom.text.startsWith("id,text"));
  assert.equal(bom.notice, null);
  const thai = decodeBytes(new Uint8Array(readFileSync(new URL("windows-874.csv", dir))), { name: "w.csv" });
  assert.equal(thai.encoding, "windows-874");
  assert.equal(thai.text, new TextDecoder("windows-874").decode(readFileSync(new URL("windows-874.csv", dir))));
  assert.equal(thai.notice.code, "read_as_windows_874");
  const binary = sapanError(() => decodeBytes(new Uint8Array(readFileSync(new URL("binary.png", dir))), { name: "x.png" }));
  assert.equal(binary.code, "binary_input");
  assert.deepEqual(binary.location, { source: "x.png", line: 3, column: 1, field: null });
  const broken = sapanError(() => decodeBytes(new Uint8Array(readFileSync(new URL("utf8-one-bad-byte.csv", dir)))));
  assert.equal(broken.code, "invalid_encoding");
  assert.equal(broken.location.line, 3);
  assert.match(broken.messageEn, /at byte 291/);
  assert.equal(sapanError(() => decodeBytes("text")).code, "invalid_argument");
  assert.equal(sapanError(() => decodeBytes(new Uint8Array(0), { encoding: "latin1" })).location.field, "encoding");
  assert.equal(sapanError(() => engine.parseOutcomes(42)).code, "invalid_argument");
});

test("a code that does not exist: indicator gives null; coverage and export refuse it, naming it and where", () => {
  const [missing, thai] = table.codes;
  assert.equal(engine.indicator(missing.code), null);
  assert.equal(engine.indicator(thai.code).code, thai.expect);
  const alignment = engine.align(["อ่านเรื่องสั้นแล้วสรุปใจความสำคัญ"], { grade: 4, topK: 2 });
  alignment.outcomes[0].matches[1].code = missing.code;
  for (const call of [() => engine.coverage(alignment), () => engine.export(alignment, "csv")]) {
    const e = sapanError(call);
    assert.equal(e.code, "unknown_code");
    assert.match(e.messageEn, new RegExp(missing.code.replace(/[./]/g, "\\$&")));
    assert.match(e.messageTh, /ไม่ใช่ตัวชี้วัด/);
    assert.equal(e.location.field, "alignment.outcomes[0].matches[1].code");
  }
  // The same code written in Thai digits is the code.
  alignment.outcomes[0].matches[1].code = thai.code;
  const coverage = engine.coverage(alignment);
  assert.ok(coverage);
  assert.match(engine.export(alignment, "csv"), /ท 1\.1 ป\.4\/1/);
});

test("Thai digits in grades and codes read as Arabic ones", () => {
  assert.deepEqual(engine.rank("อ่านออกเสียง", { grade: "ป.๕", topK: 3 }), engine.rank("อ่านออกเสียง", { grade: 5, topK: 3 }));
  assert.deepEqual(engine.indicators({ grade: "๖", area: "ค" }), engine.indicators({ grade: 6, area: "ค" }));
});
