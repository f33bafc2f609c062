// The npm package's API as a JavaScript user meets it (pkg/, built by
// scripts/build): plain JSON-compatible results, SapanError with stable codes,
// options checked, outcomes read with their problems, alignments handed back
// after edits, exports in every format.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, Engine, version, isSapanError } from "../../pkg/sapan.js";

initSync({ module: readFileSync(new URL("../../pkg/sapan_bg.wasm", import.meta.url)) });
const engine = new Engine();
const sample = readFileSync(new URL("../../data/samples/outcomes_example.csv", import.meta.url), "utf8");

/** Every value is JSON data: no undefined, no Map, no class instances. */
function assertPlain(value, path = "result") {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return;
  assert.notEqual(value, undefined, `${path} is undefined`);
  assert.ok(Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype, `${path} is not a plain object`);
  for (const [k, v] of Object.entries(value)) assertPlain(v, `${path}.${k}`);
}

function sapanError(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Error, "a real Error");
    assert.equal(e.name, "SapanError");
    assert.match(e.message, / \/ /, "Thai / English");
    assert.ok(e.messageTh && e.messageEn, "both messages");
    return e;
  }
  assert.fail("expected a SapanError");
}

test("version is the crate's, as a function and on the engine", () => {
  const cargo = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
  const want = cargo.match(/^version = "(.+)"/m)[1];
  assert.equal(version(), want);
  assert.equal(engine.version, want);
});

test("rank returns plain matches with the indicator text, best first, within the options", () => {
  const matches = engine.rank("นักเรียนอ่านออกเสียงบทร้อยกรองได้ถูกต้อง", { grade: 4, area: "ท", topK: 5 });
  assertPlain(matches);
  assert.equal(matches.length, 5);
  for (const m of matches) {
    assert.match(m.code, /^ท \d\.\d ป\.4\/\d+$/);
    assert.ok(m.score > 0 && m.score <= 1);
    assert.ok(["aligned", "partial", "none"].includes(m.relation));
    const indicator = engine.indicator(m.code);
    assert.equal(m.text, indicator.text);
  }
  assert.deepEqual([...matches].sort((a, b) => b.score - a.score), matches);
  // Scores are short decimals, not widened float noise.
  for (const m of matches) assert.equal(m.score, Number(m.score.toFixed(4)));
  // Evidence spans point at their terms in the normalised query and the indicator.
  const query = engine.normalize("นักเรียนอ่านออกเสียงบทร้อยกรองได้ถูกต้อง");
  for (const ev of matches[0].evidence) {
    assert.equal(query.slice(ev.querySpan.start, ev.querySpan.end), ev.term);
    const target = ev.context ?? matches[0].text;
    assert.equal(target.slice(ev.targetSpan.start, ev.targetSpan.end), ev.matched);
  }
  assert.deepEqual(engine.rank("อ่านออกเสียง", { evidence: false, topK: 2 }).map((m) => m.evidence), [[], []]);
});

/** A learning outcome of the draft framework as published (data/framework/lo_seen.jsonl). */
const bundledOutcome = JSON.parse(readFileSync(new URL("../../data/framework/lo_seen.jsonl", import.meta.url), "utf8").split("\n")[0]).text;

test("align splits a bundled outcome into clauses and every match names valid clauses", () => {
  const alignment = engine.align([{ id: "S1", text: bundledOutcome, grade: 6 }, { id: "L1", text: "อ่านออกเสียงบทร้อยกรองได้ถูกต้อง" }], { topK: 10 });
  assertPlain(alignment);
  const [bundled, lesson] = alignment.outcomes;
  assert.ok(bundled.clauses.length > 1, `several clauses: ${JSON.stringify(bundled.clauses)}`);
  for (const c of bundled.clauses) {
    assert.ok(["content", "process", "competency"].includes(c.kind));
    assert.equal(bundled.normalized.slice(c.span.start, c.span.end), c.text, "a span points at its clause's text");
    assert.ok(c.competencies.every((n) => Number.isInteger(n) && n >= 1 && n <= 6));
  }
  assert.ok(bundled.clauses.some((c) => c.kind === "content"));
  assert.ok(bundled.clauses.some((c) => c.kind !== "content" && c.competencies.length), "teamwork is labelled a competency");
  assert.ok(bundled.matches.length > 0);
  for (const oa of alignment.outcomes) {
    for (const m of oa.matches) {
      assert.ok(m.clauses.length > 0, `${m.code} answers a clause`);
      assert.ok(m.clauses.every((i) => Number.isInteger(i) && i >= 0 && i < oa.clauses.length), `${m.code}: ${m.clauses}`);
    }
  }
  assert.equal(lesson.clauses.length, 1, "a lesson objective is one clause");
  assert.ok(lesson.matches.every((m) => m.clauses.length === 1 && m.clauses[0] === 0));
  // engine.clauses gives the same clauses for the text on its own.
  assert.deepEqual(engine.clauses(bundledOutcome), bundled.clauses);
});

test("competencies name the six core competencies that clauses refer to", () => {
  const list = engine.competencies();
  assertPlain(list);
  assert.deepEqual(list.map((c) => c.number), [1, 2, 3, 4, 5, 6]);
  for (const c of list) assert.ok(c.key && c.nameTh && c.nameEn);
  assert.equal(list[3].nameEn, "Teamwork and collaboration");
  const e = sapanError(() => engine.clauses(5));
  assert.equal(e.code, "invalid_argument");
  assert.equal(e.location.field, "text");
});

test("grade and area may be written as teachers write them", () => {
  const a = engine.rank("บอกความหมายของเศษส่วน", { grade: "ป.5", area: "คณิตศาสตร์", topK: 3 });
  const b = engine.rank("บอกความหมายของเศษส่วน", { grade: 5, area: "ค", topK: 3 });
  assert.deepEqual(a, b);
  assert.ok(a.every((m) => m.code.startsWith("ค ") && m.code.includes("ป.5/")));
  // With a prior instead of a filter, other grades may appear.
  const prior = engine.rank("บอกความหมายของเศษส่วน", { grade: 5, gradeScope: "prior", topK: 0 });
  assert.ok(prior.some((m) => !m.code.includes("ป.5/")));
});

test("the draft framework's stage and areas are read from options and pasted text", () => {
  // Science LO 2 of data/framework/lo_seen.jsonl (real; cut where its source excerpt ended).
  const lo = "สังเกต ทดลอง และอธิบายการเกิดเสียง การเคลื่อนที่ของเสียง เสียงสูง เสียงต่ำ เสียงดัง เสียงค่อย";
  const ranked = engine.rank(lo, { stage: "ช่วงชั้นที่ 2", area: "วิทยาศาสตร์และระบบธรรมชาติ", topK: 3 });
  assert.equal(ranked.length, 3);
  assert.ok(ranked[0].code.startsWith("ว "), ranked[0].code);
  const e = sapanError(() => engine.rank(lo, { stage: 1 }));
  assert.equal(e.code, "stage_not_held");
  assert.equal(e.location.field, "stage");

  const parsed = engine.parseOutcomes(`ผลลัพธ์การเรียนรู้เมื่อจบช่วงชั้นที่ ๒\nเทคโนโลยีดิจิทัล\n1. ${lo}\n`, { format: "text" });
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.outcomes[0].stage, 2);
  assert.equal(parsed.outcomes[0].frameworkArea, "digital_technology");
  assertPlain(parsed);
  // Handed back to align, the outcome keeps them.
  const aligned = engine.align(parsed, { topK: 1 });
  assert.equal(aligned.outcomes[0].outcome.frameworkArea, "digital_technology");
});

test("bad options and arguments throw SapanError with a code and the field", () => {
  let e = sapanError(() => engine.rank("อ่าน", { topk: 3 }));
  assert.equal(e.code, "invalid_argument");
  assert.equal(e.location.field, "topk");
  e = sapanError(() => engine.rank("อ่าน", { grade: 7 }));
  assert.equal(e.location.field, "grade");
  e = sapanError(() => engine.rank(42));
  assert.equal(e.code, "invalid_argument");
  e = sapanError(() => engine.indicator("ท 1.1 ป.4/"));
  assert.equal(e.code, "invalid_code");
  e = sapanError(() => engine.export({ outcomes: [], indicators: [] }, "pdf"));
  assert.equal(e.location.field, "format");
  e = sapanError(() => engine.export({ outcomes: [] }, "case", { dateTime: "yesterday" }));
  assert.equal(e.location.field, "dateTime");
  e = sapanError(() => engine.coverage({ outcomes: "nope" }));
  assert.equal(e.code, "invalid_argument");
  e = sapanError(() => engine.parseOutcomes("x", { format: "xlsx" }));
  assert.equal(e.location.field, "format");
});

test("parseOutcomes never throws on bad content: problems carry code, line and field", () => {
  const parsed = engine.parseOutcomes(sample, { name: "outcomes_example.csv" });
  assertPlain(parsed);
  assert.equal(parsed.format, "csv");
  assert.equal(parsed.problems.length, 0);
  assert.ok(parsed.outcomes.length >= 5);
  assert.equal(parsed.outcomes[0].line, 2);

  const broken = engine.parseOutcomes('id,text,grade\n1,"อ่านออกเสียง,4\n', { format: "csv", name: "x.csv" });
  assert.equal(broken.problems[0].code, "parse_csv");
  assert.equal(broken.problems[0].location.source, "x.csv");
  assert.ok(broken.problems[0].location.line >= 2);

  const grade = engine.parseOutcomes("id,text,grade\nLO1,อ่านออกเสียงบทร้อยกรอง,9\n");
  assert.equal(grade.outcomes.length, 1, "the row is kept");
  assert.equal(grade.outcomes[0].grade, null);
  assert.deepEqual([grade.problems[0].code, grade.problems[0].location.line, grade.problems[0].location.field], ["invalid_field", 2, "grade"]);

  const pasted = engine.parseOutcomes("ป.4\n1. อ่านออกเสียงบทร้อยกรองได้ถูกต้อง\n2. เขียนเรียงความได้\n");
  assert.equal(pasted.format, "text");
  assert.deepEqual(pasted.outcomes.map((o) => o.grade), [4, 4]);
  assert.equal(engine.parseOutcomes("", { format: "text" }).outcomes.length, 0);
});

test("align reads objects, strings and parseOutcomes results alike", () => {
  const parsed = engine.parseOutcomes(sample, { name: "outcomes_example.csv" });
  const alignment = engine.align(parsed, { topK: 5 });
  assertPlain(alignment);
  assert.equal(alignment.outcomes.length, parsed.outcomes.length);
  assert.deepEqual(alignment.outcomes.map((o) => o.outcome.id), parsed.outcomes.map((o) => o.id));
  assert.deepEqual(alignment.outcomes.map((o) => o.outcome.line), parsed.outcomes.map((o) => o.line), "lines kept");
  const fromArray = engine.align(parsed.outcomes, { topK: 5 });
  assert.deepEqual(fromArray.outcomes.map((o) => o.matches), alignment.outcomes.map((o) => o.matches));
  const strings = engine.align(["อ่านออกเสียงบทร้อยกรอง", "บอกความหมายของเศษส่วน"]);
  assert.deepEqual(strings.outcomes.map((o) => o.outcome.id), ["1", "2"]);
  // Every covering outcome in the reverse direction is one of its matches.
  for (const ind of alignment.indicators) {
    for (const c of ind.coveredBy) {
      const o = alignment.outcomes.find((x) => x.outcome.id === c.outcome);
      assert.ok(o.matches.some((m) => m.code === ind.code && m.relation === c.relation));
    }
  }
});

test("align rejects what a program got wrong, naming the element", () => {
  let e = sapanError(() => engine.align([{ id: "a", text: "อ่าน" }, { id: "a", text: "เขียน" }]));
  assert.equal(e.code, "duplicate_id");
  assert.equal(e.location.field, "[1].id");
  e = sapanError(() => engine.align([{ id: "a" }]));
  assert.equal(e.code, "missing_field");
  e = sapanError(() => engine.align([{ text: "อ่าน", grade: 9 }]));
  assert.equal(e.location.field, "[0].grade");
  e = sapanError(() => engine.align(7));
  assert.equal(e.code, "parse_json");
});

test("align's refusal says nothing was aligned, not that an outcome was renamed, skipped or kept", () => {
  // The readers' problems end with what parseOutcomes did about them; align() throws instead.
  const refusals = [
    [[{ id: "a", text: "อ่าน" }, { id: "a", text: "เขียน" }], "duplicate_id", "[1].id"],
    [[{ id: "a" }], "missing_field", "[0].text"],
    [["  "], "missing_field", "[0].text"],
    [[{ text: "อ่าน", grade: 9 }], "invalid_field", "[0].grade"],
    [[{ text: "อ่าน", area: "zz" }], "invalid_field", "[0].area"],
    [[{ text: "อ่าน", stage: 3 }], "stage_not_held", "[0].stage"],
    [[{ text: "อ่าน", frameworkArea: "zz" }], "invalid_field", "[0].frameworkArea"],
    [[5], "parse_json", "[0]"],
  ];
  for (const [outcomes, code, field] of refusals) {
    const e = sapanError(() => engine.align(outcomes));
    assert.equal(e.code, code);
    assert.equal(e.location.field, field);
    assert.doesNotMatch(e.messageEn, /renamed|skipped|kept without/, e.messageEn);
    assert.doesNotMatch(e.messageTh, /เปลี่ยนรหัส|ข้ามรายการ|เก็บผลลัพธ์ไว้/, e.messageTh);
    assert.match(e.messageEn, /align\(\) refused the outcomes and aligned none of them$/);
    assert.match(e.messageTh, /align\(\) จึงไม่รับผลลัพธ์การเรียนรู้ชุดนี้และไม่ได้จัดเทียบรายการใดเลย$/);
  }
  // parseOutcomes, which does keep going, still says what it did.
  const parsed = engine.parseOutcomes('[{"id":"a","text":"อ่าน"},{"id":"a","text":"เขียน"}]');
  assert.match(parsed.problems[0].messageEn, /renamed "a-2"/);
});

test("isSapanError tells the engine's errors from every other value", () => {
  let caught;
  try {
    engine.rank("อ่าน", { topk: 3 });
  } catch (e) {
    caught = e;
  }
  assert.equal(isSapanError(caught), true);
  const named = new Error("not the engine's");
  named.name = "SapanError";
  const lookalike = { name: "SapanError", code: "invalid_argument", message: "" };
  for (const other of [new Error("x"), new TypeError("x"), named, lookalike, "SapanError", null, undefined, 0]) {
    assert.equal(isSapanError(other), false, String(other));
  }
  named.code = "invalid_argument";
  assert.equal(isSapanError(named), true, "an Error named SapanError with a string code is one");
});

test("coverage and export count decisions edited into the matches", () => {
  const alignment = engine.align(engine.parseOutcomes(sample, { name: "s.csv" }), { topK: 5 });
  const before = engine.coverage(alignment);
  assertPlain(before);
  assert.equal(before.total.indicators, 582);
  assert.equal(before.total.aligned + before.total.partial + before.total.uncovered, 582);
  assert.equal(before.uncovered.length, before.total.uncovered);

  // The teacher rejects every suggestion of the first outcome and adds one indicator by code.
  const stored = JSON.parse(JSON.stringify(alignment)); // as an app would keep it
  const first = stored.outcomes[0];
  const rejected = first.matches.filter((m) => m.relation !== "none").map((m) => m.code);
  first.matches = [{ code: "ศ 1.1 ป.6/1", relation: "aligned", score: 1 }];
  const after = engine.coverage(stored);
  const gone = rejected.filter((code) => !stored.outcomes.slice(1).some((o) => o.matches.some((m) => m.code === code && m.relation !== "none")));
  assert.ok(gone.every((code) => after.uncovered.includes(code)));
  assert.ok(!after.uncovered.includes("ศ 1.1 ป.6/1"));
  assert.ok(!after.unmatchedOutcomes.includes(first.outcome.id));

  const csv = engine.export(stored, "csv");
  assert.ok(csv.startsWith("\uFEFF"), "BOM for Excel");
  assert.ok(csv.includes("ศ 1.1 ป.6/1"));
  for (const code of rejected) assert.ok(!csv.split("\r\n").some((l) => l.startsWith(`${first.outcome.id},`) && l.includes(code)));
  const json = JSON.parse(engine.export(stored, "json"));
  assert.equal(json.coverage.total.aligned, after.total.aligned);
  const kase = JSON.parse(engine.export(stored, "case", { title: "โรงเรียนทดสอบ", dateTime: "2026-05-16T09:30:00Z" }));
  assert.equal(kase.CFDocument.title, "โรงเรียนทดสอบ");
  assert.ok(kase.CFAssociations.some((a) => a.associationType === "exactMatchOf"));
  assert.match(engine.export(stored, "md"), /ศ 1\.1 ป\.6\/1/);
});

test("indicators lists the curriculum with its provenance, filtered", () => {
  const all = engine.indicators();
  assertPlain(all);
  assert.equal(all.length, 582);
  const some = engine.indicators({ grade: 6, area: "ว" });
  assert.ok(some.length > 0 && some.every((i) => i.grade === 6 && i.area === "ว"));
  assert.ok(all.every((i) => i.source && ["2-sources", "1-source"].includes(i.verified)));
  assert.equal(engine.indicator("ค๑.๑ ป๔/๑").code, "ค 1.1 ป.4/1");
  assert.equal(engine.indicator("ท 9.9 ป.4/99"), null);
});

test("normalize repairs PDF damage and segment splits words", () => {
  assert.equal(engine.normalize("หลกั สตู ร"), "หลักสูตร");
  assert.deepEqual(engine.segment("อ่านออกเสียงบทร้อยแก้ว"), ["อ่าน", "ออกเสียง", "บท", "ร้อยแก้ว"]);
});

test("the same input gives the same output, call after call and engine after engine", () => {
  const text = "ใช้เศษส่วนและทศนิยมแก้โจทย์ปัญหาในชีวิตประจำวัน";
  const other = new Engine();
  assert.deepEqual(other.rank(text, { topK: 0 }), engine.rank(text, { topK: 0 }));
  other.free();
  assert.deepEqual(engine.rank(text), engine.rank(text));
});
