// Arguments the npm package cannot read as plain data because they never end:
// an object or array that contains itself, or nesting past the boundary's
// limit (128 levels). Each is refused with a SapanError (invalid_argument,
// naming the argument, in Thai and English), and the module keeps working:
// before the limit, one such call overflowed the WebAssembly stack and every
// later call, `new Engine()` included, failed with "memory access out of bounds".
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, Engine, decodeBytes } from "../../pkg/sapan.js";

initSync({ module: readFileSync(new URL("../../pkg/sapan_bg.wasm", import.meta.url)) });
const engine = new Engine();

const LIMIT = 128;
const OUTCOMES = [
  { id: "o1", text: "อ่านออกเสียงบทร้อยกรองได้ถูกต้อง", grade: 4 },
  { id: "o2", text: "บอกความหมายของเศษส่วน", grade: 5, area: "ค" },
];
const QUERY = "นักเรียนอ่านออกเสียงบทกลอนได้ถูกต้อง";
// What the engine gives before any bad call, compared after each one.
const baseline = {
  rank: engine.rank(QUERY, { topK: 5 }),
  alignment: engine.align(OUTCOMES, { topK: 3 }),
};
baseline.coverage = engine.coverage(baseline.alignment);
baseline.csv = engine.export(baseline.alignment, "csv");

/** An object that contains itself. */
function selfObject(fields = {}) {
  const o = { ...fields };
  o.self = o;
  return o;
}

/** `leaf` inside `levels` objects (`{a: {a: … leaf}}`). */
function nested(levels, leaf = "ท") {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** The SapanError `fn` throws: invalid_argument at `name`, in both languages. */
function refused(fn, name) {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof Error, "a real Error is thrown");
  assert.equal(error.name, "SapanError", error.message);
  assert.equal(error.code, "invalid_argument");
  assert.deepEqual(error.location, { source: "argument", line: null, column: null, field: name });
  assert.ok(error.messageEn.startsWith(`${name} `), error.messageEn);
  assert.ok(error.messageTh.startsWith(`${name} `), error.messageTh);
  assert.match(error.messageEn, /nested more than 128 levels deep or contains itself \(a cycle\)/);
  assert.match(error.messageTh, /ซ้อนกันลึกเกิน 128 ชั้น.*วนรอบ/);
  assert.equal(error.message, `${error.messageTh} / ${error.messageEn} (argument, field ${name})`);
  return error;
}

/** The module still works: a new engine, and the same results as before the bad call. */
function stillWorks() {
  const fresh = new Engine();
  assert.deepEqual(fresh.rank(QUERY, { topK: 5 }), baseline.rank);
  assert.deepEqual(engine.rank(QUERY, { topK: 5 }), baseline.rank);
  const alignment = engine.align(OUTCOMES, { topK: 3 });
  assert.deepEqual(alignment, baseline.alignment);
  assert.deepEqual(fresh.coverage(alignment), baseline.coverage);
  assert.equal(fresh.export(alignment, "csv"), baseline.csv);
}

// Every argument that is read as an object, with a cycle where it takes one.
const bytes = new TextEncoder().encode("id,text\n1,อ่านออกเสียง\n");
const cases = [
  ["align: an outcome that contains itself", "outcomes", () => engine.align([selfObject({ text: "อ่านออกเสียง" })])],
  [
    "align: an outcomes array that contains itself",
    "outcomes",
    () => {
      const list = ["อ่านออกเสียง"];
      list.push(list);
      return engine.align(list);
    },
  ],
  ["align: options that contain themselves", "options", () => engine.align(OUTCOMES, selfObject({ topK: 3 }))],
  ["rank: options that contain themselves", "options", () => engine.rank(QUERY, selfObject({ topK: 3 }))],
  [
    "rank: an option whose value contains itself",
    "options",
    () => {
      const grade = [4];
      grade.push(grade);
      return engine.rank(QUERY, { grade });
    },
  ],
  [
    "coverage: an alignment with a match that contains itself",
    "alignment",
    () => {
      const alignment = structuredClone(baseline.alignment);
      alignment.outcomes[0].matches[0].self = alignment.outcomes[0].matches[0];
      return engine.coverage(alignment);
    },
  ],
  ["coverage: an alignment that contains itself", "alignment", () => engine.coverage(selfObject(structuredClone(baseline.alignment)))],
  ["export: an alignment that contains itself", "alignment", () => engine.export(selfObject(structuredClone(baseline.alignment)), "csv")],
  ["export: options that contain themselves", "options", () => engine.export(baseline.alignment, "case", selfObject({ title: "หลักสูตร" }))],
  ["parseOutcomes: options that contain themselves", "options", () => engine.parseOutcomes("id,text\n1,อ่าน\n", selfObject({ name: "a.csv" }))],
  ["parseOutcomes of bytes: options that contain themselves", "options", () => engine.parseOutcomes(bytes, selfObject({ name: "a.csv" }))],
  ["indicators: a filter that contains itself", "filter", () => engine.indicators(selfObject({ grade: 4 }))],
  ["decodeBytes: options that contain themselves", "options", () => decodeBytes(bytes, selfObject({ name: "a.csv" }))],
];

for (const [name, argument, call] of cases) {
  test(`${name} is refused as invalid_argument naming ${argument}, and the module keeps working`, () => {
    refused(call, argument);
    stillWorks();
    // Refused again the same way: the first refusal left nothing broken behind.
    refused(call, argument);
    stillWorks();
  });
}

test("a cycle far inside a large outcome list is refused, and the list without it aligns", () => {
  const many = Array.from({ length: 2000 }, (_, i) => ({ id: `o${i}`, text: `${OUTCOMES[i % 2].text} ${i}` }));
  many[1999].note = selfObject();
  refused(() => engine.align(many, { topK: 1 }), "outcomes");
  delete many[1999].note;
  assert.equal(engine.align(many, { topK: 1 }).outcomes.length, 2000);
  stillWorks();
});

test(`nesting of exactly ${LIMIT} levels is read; one more is refused`, () => {
  // The outcomes array and the outcome object are two levels; an unknown field is ignored.
  const at = (levels) => [{ id: "o1", text: OUTCOMES[0].text, extra: nested(levels - 2) }];
  const read = engine.align(at(LIMIT), { topK: 3 });
  assert.deepEqual(read.outcomes[0].matches, engine.align([{ id: "o1", text: OUTCOMES[0].text }], { topK: 3 }).outcomes[0].matches);
  refused(() => engine.align(at(LIMIT + 1), { topK: 3 }), "outcomes");
  stillWorks();
});

test("values nested far past the limit (100,000 arrays, 10,000 objects) are refused without breaking the module", () => {
  let arrays = [];
  for (let i = 0; i < 100_000; i++) arrays = [arrays];
  refused(() => engine.rank(QUERY, { grade: arrays }), "options");
  refused(() => engine.align(arrays), "outcomes");
  refused(() => engine.indicators({ area: nested(10_000) }), "filter");
  stillWorks();
});

test("an object reached twice without a cycle is read like any other", () => {
  // Shared, not cyclic: the same object in two places is plain data, not a cycle.
  const note = { source: "หลักสูตรโรงเรียน", tags: ["ภาษาไทย"] };
  const alignment = engine.align(
    [
      { id: "a", text: OUTCOMES[0].text, note },
      { id: "b", text: OUTCOMES[0].text, note },
    ],
    { topK: 3 },
  );
  assert.equal(alignment.outcomes.length, 2);
  assert.deepEqual(alignment.outcomes[0].matches, alignment.outcomes[1].matches);
});
