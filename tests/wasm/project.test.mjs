// The teacher's working set (www/project.js) under Node: decisions applied to
// a real alignment reach the engine's coverage and exports; project files
// round-trip, refuse what they cannot read with the field named, and merge
// without overwriting anything.
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
  withNote,
  withOutcomes,
} from "../../www/project.js";

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
  assert.ok(csv[0].endsWith(",review,review_th"));
  const addedRow = csv.find((row) => row.includes("ค 1.1 ป.4/1"));
  assert.match(addedRow, /,added,ครูเพิ่ม$/);
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
