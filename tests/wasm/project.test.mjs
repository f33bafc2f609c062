// The teacher's working set (www/project.js) under Node: decisions applied to
// a real alignment reach the engine's coverage and exports; project files
// round-trip, refuse what they cannot read with the field named, and merge
// without overwriting anything; two tabs' changes rebase onto each other
// without losing either; saved records of older schemas are migrated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, Engine } from "../../pkg/sapan.js";
import {
  decide,
  emptyProject,
  merge,
  mergePlan,
  projectFile,
  readProjectFile,
  reviewedAlignment,
  reviewCounts,
  rebase,
  withExportOptions,
  withNote,
  withOutcomes,
  withoutOutcome,
  withSettings,
} from "../../www/project.js";
import { migrateRecord, SCHEMA } from "../../www/app/storage.js";

initSync({ module: readFileSync(new URL("../../pkg/sapan_bg.wasm", import.meta.url)) });
const engine = new Engine();
const examples = readFileSync(new URL("../../data/samples/example_objectives.json", import.meta.url), "utf8");
const parsed = engine.parseOutcomes(examples, { name: "example_objectives.json" });

function project() {
  return withOutcomes(emptyProject(), parsed.outcomes.slice(0, 3), "replace");
}

test("decisions change the alignment that coverage and export see", () => {
  let p = project();
  const alignment = engine.align(p.outcomes, { topK: 5 });
  const [first] = alignment.outcomes;
  const [top, second] = first.matches;
  p = decide(p, first.outcome.id, top.code, { status: "confirmed", relation: "partial" });
  p = decide(p, first.outcome.id, second.code, { status: "rejected", relation: "aligned" });
  const added = engine.indicator("ค 1.1 ป.4/1");
  p = decide(p, first.outcome.id, added.code, { status: "added", relation: "aligned", text: added.text, score: 0 });

  const reviewed = reviewedAlignment(alignment, p);
  const codes = reviewed.outcomes[0].matches.map((m) => m.code);
  assert.ok(!codes.includes(second.code), "a rejected match is gone");
  assert.equal(reviewed.outcomes[0].matches[0].review, "confirmed");
  assert.equal(reviewed.outcomes[0].matches[0].relation, "partial");
  assert.equal(reviewed.outcomes[0].matches.at(-1).review, "added");

  const coverage = engine.coverage(reviewed);
  assert.ok(!coverage.uncovered.includes("ค 1.1 ป.4/1"), "an added indicator counts as covered");
  const csv = engine.export(reviewed, "csv").replace(/^\uFEFF/, "").split("\r\n");
  assert.ok(csv[0].endsWith(",review,review_th,clause"));
  const addedRow = csv.find((row) => row.includes("ค 1.1 ป.4/1"));
  assert.match(addedRow, /,added,ครูเพิ่ม,$/);
  assert.ok(!csv.some((row) => row.includes(`,${second.code},`)), "the rejected indicator is not exported");

  const onlyChecked = reviewedAlignment(alignment, p, { includeUnreviewed: false });
  assert.deepEqual(
    onlyChecked.outcomes.map((o) => o.matches.length),
    [2, 0, 0],
    "without unreviewed suggestions only the confirmed and the added remain",
  );
  assert.deepEqual(reviewCounts(p), { outcomes: 3, reviewed: 1, confirmed: 1, rejected: 1, added: 1 });
});

test("taking a decision back returns the match to unreviewed", () => {
  let p = project();
  const id = p.outcomes[0].id;
  p = decide(p, id, "ท 1.1 ป.4/4", { status: "rejected" });
  p = decide(p, id, "ท 1.1 ป.4/4", null);
  assert.deepEqual(p.decisions, {});
});

test("a project file round-trips and refuses what it cannot read, naming the field", () => {
  let p = project();
  p = decide(p, p.outcomes[1].id, "ท 2.1 ป.5/5", { status: "confirmed", relation: "aligned" });
  p = withNote(p, p.outcomes[1].id, "<img src=x onerror=alert(1)> ครูสมศรีตรวจแล้ว");
  assert.deepEqual(readProjectFile(projectFile(p)), p);
  assert.deepEqual(readProjectFile("\uFEFF" + projectFile(p)), p, "a byte-order mark is fine");

  const field = (text) => {
    try {
      readProjectFile(text);
    } catch (e) {
      assert.equal(e.name, "ProjectFileError");
      assert.ok(e.messageTh && e.messageEn);
      return e.field ?? e.code;
    }
    assert.fail("no error");
  };
  assert.equal(field("{"), "parse_json");
  assert.equal(field(JSON.stringify({ outcomes: [] })), "format");
  assert.equal(field(JSON.stringify({ format: "sapan-project", version: 99, outcomes: [] })), "version");
  const twice = { format: "sapan-project", version: 1, outcomes: [{ id: "a", text: "x" }, { id: "a", text: "y" }] };
  assert.equal(field(JSON.stringify(twice)), "outcomes[1].id");
  const badStatus = { format: "sapan-project", version: 1, outcomes: [], decisions: { a: { "ท 1.1 ป.4/1": { status: "maybe" } } } };
  assert.equal(field(JSON.stringify(badStatus)), 'decisions["a"]["ท 1.1 ป.4/1"].status');
});

test("merging keeps every outcome: same ones merge, a taken id with other text gets a new id", () => {
  let mine = project();
  const [a, b] = mine.outcomes;
  mine = decide(mine, a.id, "ท 1.1 ป.4/4", { status: "confirmed" });
  mine = withNote(mine, a.id, "ของฉัน");
  let theirs = withOutcomes(emptyProject(), [a, { ...b, text: "ข้อความอื่น" }, { id: "new", text: "ข้อใหม่" }], "replace");
  theirs = decide(theirs, a.id, "ท 1.1 ป.4/8", { status: "added", text: "…" });
  theirs = withNote(theirs, a.id, "ของเพื่อน");

  const plan = mergePlan(mine, theirs);
  assert.deepEqual([plan.added.length, plan.same.length, plan.renamed.length, plan.decisions, plan.notes], [1, 1, 1, 1, 1]);
  const merged = merge(mine, theirs);
  assert.equal(merged.outcomes.length, 5);
  assert.equal(merged.outcomes.find((o) => o.id === b.id).text, b.text, "my outcome is not overwritten");
  assert.equal(merged.outcomes.find((o) => o.id === `${b.id}-2`).text, "ข้อความอื่น");
  assert.deepEqual(Object.keys(merged.decisions[a.id]).sort(), ["ท 1.1 ป.4/4", "ท 1.1 ป.4/8"]);
  assert.equal(merged.notes[a.id], "ของฉัน\nของเพื่อน");
});

test("adding outcomes whose ids are taken gives them new ids instead of overwriting", () => {
  const p = project();
  const again = withOutcomes(p, parsed.outcomes.slice(0, 2), "add");
  const ids = again.outcomes.map((o) => o.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(ids.length, 5);
});

test("a version 1 project file (no export options) still opens, with the default options; version 2 carries them", () => {
  const p = project();
  const v1 = JSON.parse(projectFile(p));
  v1.version = 1;
  delete v1.exportOptions;
  const opened = readProjectFile(JSON.stringify(v1));
  assert.deepEqual(opened.exportOptions, { title: "", creator: "", includeUnreviewed: true });
  assert.deepEqual(opened.outcomes, p.outcomes);

  const withOptions = withExportOptions(p, { title: "หลักสูตรสถานศึกษา", creator: "โรงเรียนตัวอย่าง", includeUnreviewed: false });
  const file = JSON.parse(projectFile(withOptions));
  assert.equal(file.version, 2);
  assert.deepEqual(readProjectFile(projectFile(withOptions)).exportOptions, withOptions.exportOptions);
  assert.equal(withExportOptions(withOptions, { title: "หลักสูตรสถานศึกษา" }), withOptions, "the same options are not a change");
  const bad = JSON.stringify({ ...file, exportOptions: { includeUnreviewed: "yes" } });
  assert.throws(() => readProjectFile(bad), (e) => e.field === "exportOptions.includeUnreviewed");
});

// Two tabs: both start from `base`, A saves first, B's unsaved changes are put on A's project.
test("rebase: both tabs' decisions and notes are kept; on the same decision the later save wins", () => {
  const base = project();
  const [x, y] = base.outcomes;
  const a = decide(base, x.id, "ท 1.1 ป.4/1", { status: "confirmed", relation: "aligned" });
  let b = decide(base, y.id, "ท 1.1 ป.4/2", { status: "rejected" });
  b = withNote(b, y.id, "บันทึกของแท็บ B");
  const merged = rebase(base, b, a);
  assert.equal(merged.decisions[x.id]["ท 1.1 ป.4/1"].status, "confirmed", "A's decision is kept");
  assert.equal(merged.decisions[y.id]["ท 1.1 ป.4/2"].status, "rejected", "B's decision is kept");
  assert.equal(merged.notes[y.id], "บันทึกของแท็บ B");
  assert.equal(merged.outcomes, a.outcomes, "unchanged parts stay the same objects (no re-alignment)");

  // Same LO × indicator: A confirmed, B (saving later) rejected → rejected.
  const bSame = decide(base, x.id, "ท 1.1 ป.4/1", { status: "rejected" });
  assert.equal(rebase(base, bSame, a).decisions[x.id]["ท 1.1 ป.4/1"].status, "rejected");
  // B took its own decision back while A had not touched it: taken back.
  const decided = decide(base, x.id, "ท 1.1 ป.4/3", { status: "confirmed" });
  const undecided = decide(decided, x.id, "ท 1.1 ป.4/3", null);
  assert.equal(rebase(decided, undecided, withNote(decided, x.id, "A")).decisions[x.id], undefined);
  // B changed nothing: A's project as it is; A changed nothing: B's.
  assert.equal(rebase(base, base, a), a);
  assert.equal(rebase(base, b, base), b);
  // A replay of changes already in `theirs` changes nothing.
  assert.deepEqual(rebase(base, a, a), a);
});

test("rebase: an LO removed in one tab stays removed, with the decision the other tab took on it", () => {
  const base = project();
  const [x] = base.outcomes;
  const removed = withoutOutcome(base, x.id);
  const decidedOn = withNote(decide(base, x.id, "ท 1.1 ป.4/1", { status: "confirmed" }), x.id, "ยังตรวจอยู่");
  for (const merged of [rebase(base, decidedOn, removed), rebase(base, removed, decidedOn)]) {
    assert.ok(!merged.outcomes.some((o) => o.id === x.id));
    assert.equal(merged.decisions[x.id], undefined);
    assert.equal(merged.notes[x.id], undefined);
    assert.equal(merged.outcomes.length, base.outcomes.length - 1);
  }
});

test("rebase: outcomes both tabs added are kept in place; a taken id with another text gets a new id", () => {
  const base = project();
  const [x, y, z] = base.outcomes;
  // A removed y and put it back (undo): y returns after x, not at the end.
  const without = withoutOutcome(base, y.id);
  const theirs = withOutcomes(without, [{ id: "A-1", text: "LO ของแท็บ A" }], "add");
  const mine = decide(base, y.id, "ท 1.1 ป.4/1", { status: "confirmed" });
  assert.deepEqual(
    rebase(without, mine, theirs).outcomes.map((o) => o.id),
    [x.id, y.id, z.id, "A-1"],
  );
  // Both added "new": same text → one outcome; other text → mine becomes "new-2", its decision with it.
  const a = withOutcomes(base, [{ id: "new", text: "ข้อความของ A" }], "add");
  const same = rebase(base, withOutcomes(base, [{ id: "new", text: "ข้อความของ A" }], "add"), a);
  assert.equal(same.outcomes.filter((o) => o.id === "new").length, 1);
  let b = withOutcomes(base, [{ id: "new", text: "ข้อความของ B" }], "add");
  b = decide(b, "new", "ค 1.1 ป.4/1", { status: "added", text: "…" });
  const merged = rebase(base, b, a);
  assert.equal(merged.outcomes.find((o) => o.id === "new").text, "ข้อความของ A");
  assert.equal(merged.outcomes.find((o) => o.id === "new-2").text, "ข้อความของ B");
  assert.equal(merged.decisions["new-2"]["ค 1.1 ป.4/1"].status, "added");
  assert.equal(merged.decisions.new, undefined);
  // Settings and export options: each field the later save changed.
  const s = rebase(base, withSettings(base, { grade: 5 }), withExportOptions(withSettings(base, { area: "ค" }), { title: "ก" }));
  assert.deepEqual(s.settings, { grade: 5, area: "ค" });
  assert.equal(s.exportOptions.title, "ก");
  // Unknown base (a tab that never read the record): a union, mine winning.
  const union = rebase(null, b, a);
  assert.equal(union.outcomes.length, base.outcomes.length + 2);
});

test("a schema 1 record (issue 5's app) migrates to schema 2 with every decision and note; a newer one is refused", () => {
  let p = project();
  p = decide(p, p.outcomes[0].id, "ท 1.1 ป.4/1", { status: "confirmed", relation: "partial" });
  p = withNote(p, p.outcomes[2].id, "บันทึก");
  const v1 = JSON.parse(projectFile(p));
  v1.version = 1;
  delete v1.exportOptions;
  const record = migrateRecord({ schema: 1, savedAt: "2025-01-01T00:00:00.000Z", project: v1 });
  assert.equal(SCHEMA, 2);
  assert.equal(record.schema, 2);
  assert.equal(record.revision, 0);
  assert.deepEqual(record.project, p);
  assert.throws(() => migrateRecord({ schema: 99, revision: 5, project: {} }), (e) => e.code === "newer_schema" && /99/.test(e.messageTh) && /99/.test(e.messageEn));
  assert.throws(() => migrateRecord({ schema: "1" }), (e) => e.code === "invalid_record");
  assert.throws(() => migrateRecord({ schema: 1, project: { format: "sapan-project", version: 1, outcomes: "no" } }), (e) => e.field === "outcomes");
});

test("an outcome's draft-framework stage and area are kept in the project and its file; an older file reads them as null", () => {
  // The real science LO 1 (data/framework/lo_seen.jsonl) under its headers, as pasted.
  const lo = JSON.parse(readFileSync(new URL("../../data/framework/lo_seen.jsonl", import.meta.url), "utf8").split("\n")[0]).text;
  const read = engine.parseOutcomes(`ผลลัพธ์การเรียนรู้เมื่อจบช่วงชั้นที่ 2\nสาระการเรียนรู้วิทยาศาสตร์และระบบธรรมชาติ\n1. ${lo}`, { format: "text" });
  const p = withOutcomes(emptyProject(), read.outcomes, "replace");
  assert.equal(p.outcomes[0].stage, 2);
  assert.equal(p.outcomes[0].frameworkArea, "natural_science");
  const back = readProjectFile(projectFile(p));
  assert.equal(back.outcomes[0].stage, 2);
  assert.equal(back.outcomes[0].frameworkArea, "natural_science");
  // Aligned from the project, the outcome keeps its draft area: the engine sees it.
  const a = engine.align(p.outcomes, { topK: 3 });
  assert.equal(a.outcomes[0].outcome.frameworkArea, "natural_science");
  const old = JSON.parse(projectFile(p));
  delete old.outcomes[0].stage;
  delete old.outcomes[0].frameworkArea;
  const fromOld = readProjectFile(JSON.stringify(old));
  assert.equal(fromOld.outcomes[0].stage, null);
  assert.equal(fromOld.outcomes[0].frameworkArea, null);
  // The names behind the key, for the app to show.
  const names = engine.frameworkAreas();
  assert.equal(names.length, 9);
  assert.deepEqual(names.find((n) => n.key === "natural_science").nameTh, "วิทยาศาสตร์และระบบธรรมชาติ");
});
