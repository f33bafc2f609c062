// A teacher's working set: the outcomes (LOs), the decisions taken on the
// engine's suggestions, and notes. Pure data and pure functions (no DOM, no
// storage), shared by the app, its persistence and the widget, and tested
// under Node. A project is never changed in place: every function returns a
// new one, so a view can compare before and after and a failed save loses
// nothing.
//
// Shape (also the project file, `format: "sapan-project"`):
//   { format, version, outcomes: Outcome[], decisions, notes, settings, exportOptions }
//   outcome:   { id, text, grade: 4|5|6|null, area: "ท"…|null, stage: 2|null,
//                frameworkArea: "natural_science"…|null, line: number|null, source: string|null }
//              (stage and frameworkArea: the draft framework's key stage and area, as
//              the reader found them; a file without them reads as null)
//   decisions: { [outcomeId]: { [indicatorCode]: Decision } }
//   Decision:  { status: "confirmed"|"rejected"|"added", relation: "aligned"|"partial",
//                score?: number, text?: string }   (score/text remembered for "added")
//   notes:     { [outcomeId]: string }
//   settings:  { grade: 4|5|6|null, area: string|null }
//   exportOptions: { title: string, creator: string, includeUnreviewed: boolean }
//              (version 2: the exported document's title and school and whether
//              suggestions not yet reviewed count; a version 1 file gets the defaults)

export const PROJECT_FORMAT = "sapan-project";
export const PROJECT_VERSION = 2;
const STATUSES = ["confirmed", "rejected", "added"];
const LEVELS = ["aligned", "partial"];

export function emptyProject() {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    outcomes: [],
    decisions: {},
    notes: {},
    settings: { grade: null, area: null },
    exportOptions: defaultExportOptions(),
  };
}

function defaultExportOptions() {
  return { title: "", creator: "", includeUnreviewed: true };
}

/** The outcome fields a project keeps, from a `parseOutcomes` outcome or an `OutcomeInput`. */
export function projectOutcome(o) {
  return {
    id: String(o.id),
    text: String(o.text),
    grade: o.grade ?? null,
    area: o.area ?? null,
    stage: Number.isInteger(o.stage) ? o.stage : null,
    frameworkArea: typeof o.frameworkArea === "string" && o.frameworkArea ? o.frameworkArea : null,
    line: o.line ?? null,
    source: typeof o.source === "string" ? o.source : null,
  };
}

/** An id not in `taken` (a Set), made from `id`: `id`, `id-2`, `id-3`, … */
function uniqueId(id, taken) {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n += 1;
  return `${id}-${n}`;
}

/**
 * The project with `outcomes` brought in. `"replace"`: they become the list,
 * and decisions and notes of outcomes no longer there are dropped (the caller
 * shows a preview first). `"add"`: appended; an id already taken gets a
 * suffix, so nothing is overwritten.
 */
export function withOutcomes(project, outcomes, mode = "add") {
  const incoming = outcomes.map(projectOutcome);
  if (mode === "replace") {
    const ids = new Set();
    const list = incoming.map((o) => ({ ...o, id: addId(ids, uniqueId(o.id, ids)) }));
    return {
      ...project,
      outcomes: list,
      decisions: keep(project.decisions, ids),
      notes: keep(project.notes, ids),
    };
  }
  const ids = new Set(project.outcomes.map((o) => o.id));
  const added = incoming.map((o) => ({ ...o, id: addId(ids, uniqueId(o.id, ids)) }));
  return { ...project, outcomes: [...project.outcomes, ...added] };
}

function addId(ids, id) {
  ids.add(id);
  return id;
}

function keep(byOutcome, ids) {
  return Object.fromEntries(Object.entries(byOutcome).filter(([id]) => ids.has(id)));
}

/** The project without the outcome `id` (and its decisions and note). */
export function withoutOutcome(project, id) {
  const { [id]: _d, ...decisions } = project.decisions;
  const { [id]: _n, ...notes } = project.notes;
  return { ...project, outcomes: project.outcomes.filter((o) => o.id !== id), decisions, notes };
}

/** The decision on `code` for outcome `outcomeId`, or null. */
export function decisionOf(project, outcomeId, code) {
  return project.decisions[outcomeId]?.[code] ?? null;
}

/**
 * Records a decision: `decision` is `{ status, relation, score?, text? }`, or
 * null to take a decision back (the match returns to "not yet reviewed").
 */
export function decide(project, outcomeId, code, decision) {
  const forOutcome = { ...(project.decisions[outcomeId] ?? {}) };
  if (decision === null) delete forOutcome[code];
  else forOutcome[code] = checkDecision(decision);
  const decisions = { ...project.decisions };
  if (Object.keys(forOutcome).length) decisions[outcomeId] = forOutcome;
  else delete decisions[outcomeId];
  return { ...project, decisions };
}

function checkDecision(d) {
  if (!STATUSES.includes(d.status)) throw new TypeError(`decision status must be one of ${STATUSES.join(", ")}`);
  const out = { status: d.status, relation: LEVELS.includes(d.relation) ? d.relation : "aligned" };
  if (typeof d.score === "number" && Number.isFinite(d.score)) out.score = d.score;
  if (typeof d.text === "string") out.text = d.text;
  return out;
}

/** The project with the note of `outcomeId` set (an empty note is removed). */
export function withNote(project, outcomeId, note) {
  const notes = { ...project.notes };
  if (note && note.trim()) notes[outcomeId] = note;
  else delete notes[outcomeId];
  return { ...project, notes };
}

export function withSettings(project, settings) {
  return { ...project, settings: { ...project.settings, ...settings } };
}

/**
 * The project with some of its export options changed (`{ title?, creator?,
 * includeUnreviewed? }`); the same project when nothing changes, so that
 * echoing the options back is not a change to save.
 */
export function withExportOptions(project, changes) {
  const current = project.exportOptions ?? defaultExportOptions();
  const next = { ...current };
  if (typeof changes.title === "string") next.title = changes.title;
  if (typeof changes.creator === "string") next.creator = changes.creator;
  if (typeof changes.includeUnreviewed === "boolean") next.includeUnreviewed = changes.includeUnreviewed;
  if (project.exportOptions && Object.keys(next).every((k) => next[k] === current[k])) return project;
  return { ...project, exportOptions: next };
}

/** How far the review is: `{ outcomes, reviewed, confirmed, rejected, added }`. */
export function reviewCounts(project) {
  const counts = { outcomes: project.outcomes.length, reviewed: 0, confirmed: 0, rejected: 0, added: 0 };
  for (const o of project.outcomes) {
    const ds = Object.values(project.decisions[o.id] ?? {});
    if (ds.length) counts.reviewed += 1;
    for (const d of ds) counts[d.status] += 1;
  }
  return counts;
}

/**
 * The engine's alignment with the teacher's decisions applied, ready for
 * `engine.coverage` and `engine.export`: rejected matches removed, confirmed
 * ones marked `review: "confirmed"` (with the teacher's relation level),
 * added ones appended with `review: "added"`. Suggestions not yet reviewed
 * stay when `includeUnreviewed` (those at "none" never do). The engine
 * rebuilds who-covers-what from these matches.
 */
export function reviewedAlignment(alignment, project, { includeUnreviewed = true } = {}) {
  const outcomes = alignment.outcomes.map((oa) => {
    const decisions = project.decisions[oa.outcome.id] ?? {};
    const matches = [];
    const seen = new Set();
    for (const m of oa.matches) {
      seen.add(m.code);
      const d = decisions[m.code];
      if (d?.status === "rejected") continue;
      if (d) matches.push({ ...m, relation: d.relation, review: "confirmed" });
      else if (includeUnreviewed && m.relation !== "none") matches.push(m);
    }
    for (const [code, d] of Object.entries(decisions)) {
      if (d.status !== "added" || seen.has(code)) continue;
      matches.push({ code, score: d.score ?? 0, relation: d.relation, text: d.text ?? "", evidence: [], review: "added" });
    }
    return { ...oa, matches };
  });
  return { ...alignment, outcomes };
}

/** The project as a file a teacher can keep, send or import again. */
export function projectFile(project) {
  return JSON.stringify({ ...project, format: PROJECT_FORMAT, version: PROJECT_VERSION }, null, 2) + "\n";
}

/** A problem with a project file, said in Thai and English, with where. */
export class ProjectFileError extends Error {
  constructor(code, messageTh, messageEn, field = null) {
    super(`${messageTh} / ${messageEn}`);
    this.name = "ProjectFileError";
    this.code = code;
    this.messageTh = messageTh;
    this.messageEn = messageEn;
    this.field = field;
  }
}

/**
 * Reads a project file (the text of a `.sapan.json`). Throws a
 * `ProjectFileError` naming the field for anything that is not a project of
 * a version this app knows; unknown extra keys are ignored. `indicatorCode(code)`,
 * when given, reads a decision's code as the engine does (Thai digits, spacing)
 * and gives the canonical code, or `null` for one no indicator has: such a
 * decision is refused (`unknown_code`, naming the code), since it would be
 * counted nowhere and exported as if it were real.
 */
export function readProjectFile(text, { indicatorCode = (code) => code } = {}) {
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new ProjectFileError("parse_json", `ไฟล์ไม่ใช่ JSON ที่ถูกต้อง (${e.message})`, `the file is not valid JSON (${e.message})`);
  }
  const bad = (field, th, en) => new ProjectFileError("invalid_field", `${field}: ${th}`, `${field}: ${en}`, field);
  if (!data || typeof data !== "object" || data.format !== PROJECT_FORMAT) {
    throw bad("format", `ไม่ใช่ไฟล์โครงการของสะพาน (ต้องมี "format": "${PROJECT_FORMAT}")`, `not a Sapan project file (expected "format": "${PROJECT_FORMAT}")`);
  }
  if (!Number.isInteger(data.version) || data.version < 1 || data.version > PROJECT_VERSION) {
    throw bad("version", `ไม่รู้จักรุ่น ${data.version} (รู้จักถึงรุ่น ${PROJECT_VERSION})`, `unknown version ${data.version} (this app reads up to ${PROJECT_VERSION})`);
  }
  if (!Array.isArray(data.outcomes)) throw bad("outcomes", "ต้องเป็นรายการ", "must be a list");
  const project = emptyProject();
  const ids = new Set();
  data.outcomes.forEach((o, i) => {
    if (!o || typeof o.text !== "string" || !o.text.trim()) throw bad(`outcomes[${i}].text`, "ต้องเป็นข้อความที่ไม่ว่าง", "must be a non-empty text");
    if (typeof o.id !== "string" || !o.id) throw bad(`outcomes[${i}].id`, "ต้องเป็นข้อความที่ไม่ว่าง", "must be a non-empty text");
    if (ids.has(o.id)) throw bad(`outcomes[${i}].id`, `รหัส "${o.id}" ซ้ำ`, `id "${o.id}" appears twice`);
    ids.add(o.id);
    project.outcomes.push(projectOutcome(o));
  });
  for (const [id, byCode] of Object.entries(data.decisions ?? {})) {
    for (const [code, d] of Object.entries(byCode ?? {})) {
      if (!d || !STATUSES.includes(d.status)) throw bad(`decisions["${id}"]["${code}"].status`, `ต้องเป็น ${STATUSES.join(", ")}`, `must be one of ${STATUSES.join(", ")}`);
      const known = indicatorCode(code);
      if (!known) {
        throw new ProjectFileError(
          "unknown_code",
          `decisions["${id}"]: ${code} ไม่ใช่ตัวชี้วัดของหลักสูตรแกนกลาง พ.ศ. 2551 ชั้น ป.4–6`,
          `decisions["${id}"]: ${code} is not an indicator of the B.E. 2551 curriculum for ป.4–6`,
          `decisions["${id}"]["${code}"]`,
        );
      }
      (project.decisions[id] ??= {})[known] = checkDecision(d);
    }
  }
  for (const [id, note] of Object.entries(data.notes ?? {})) {
    if (typeof note !== "string") throw bad(`notes["${id}"]`, "ต้องเป็นข้อความ", "must be a text");
    if (note.trim()) project.notes[id] = note;
  }
  const s = data.settings ?? {};
  project.settings = { grade: [4, 5, 6].includes(s.grade) ? s.grade : null, area: typeof s.area === "string" ? s.area : null };
  // Version 1 files have no export options: the defaults stand.
  const x = data.exportOptions ?? {};
  if (data.exportOptions !== undefined && (typeof x !== "object" || x === null)) throw bad("exportOptions", "ต้องเป็นออบเจกต์", "must be an object");
  for (const key of ["title", "creator"]) {
    if (x[key] !== undefined && typeof x[key] !== "string") throw bad(`exportOptions.${key}`, "ต้องเป็นข้อความ", "must be a text");
  }
  if (x.includeUnreviewed !== undefined && typeof x.includeUnreviewed !== "boolean") {
    throw bad("exportOptions.includeUnreviewed", "ต้องเป็น true หรือ false", "must be true or false");
  }
  project.exportOptions = withExportOptions(project, x).exportOptions;
  return project;
}

/**
 * What merging `incoming` into `current` would do, for the preview:
 * `{ added, same, renamed, decisions, notes }` — outcomes new to the list,
 * outcomes already there (same id and text: their decisions and notes are
 * merged, the file's winning where both decided), outcomes whose id is taken
 * by a different text (kept under a new id, nothing overwritten), and how many
 * decisions and notes the file brings.
 */
export function mergePlan(current, incoming) {
  const byId = new Map(current.outcomes.map((o) => [o.id, o]));
  const plan = { added: [], same: [], renamed: [], decisions: 0, notes: 0 };
  for (const o of incoming.outcomes) {
    const had = byId.get(o.id);
    if (!had) plan.added.push(o);
    else if (had.text === o.text) plan.same.push(o);
    else plan.renamed.push(o);
    plan.decisions += Object.keys(incoming.decisions[o.id] ?? {}).length;
    if (incoming.notes[o.id]) plan.notes += 1;
  }
  return plan;
}

/** `current` with `incoming` merged in, as `mergePlan` describes. */
export function merge(current, incoming) {
  const ids = new Set(current.outcomes.map((o) => o.id));
  const byId = new Map(current.outcomes.map((o) => [o.id, o]));
  let project = { ...current, outcomes: [...current.outcomes], decisions: { ...current.decisions }, notes: { ...current.notes } };
  for (const o of incoming.outcomes) {
    const had = byId.get(o.id);
    let id = o.id;
    if (!had) {
      ids.add(id);
      project.outcomes.push(o);
    } else if (had.text !== o.text) {
      id = addId(ids, uniqueId(o.id, ids));
      project.outcomes.push({ ...o, id });
    }
    const decisions = incoming.decisions[o.id];
    if (decisions) project.decisions[id] = { ...(project.decisions[id] ?? {}), ...decisions };
    const note = incoming.notes[o.id];
    if (note) {
      const mine = project.notes[id];
      project.notes[id] = mine && mine !== note ? `${mine}\n${note}` : note;
    }
  }
  return project;
}

/**
 * `theirs` with the changes from `base` to `mine` made on it: how one tab's
 * unsaved work is put on top of what another tab saved meanwhile (three-way,
 * so neither side's changes are lost). Per piece, the side that changed it
 * wins, and where both changed the same piece, `mine` (the change saved
 * later) wins:
 * - an outcome `mine` removed is removed (with its decisions and note), even
 *   if `theirs` decided on it meanwhile: removal wins, in either order;
 * - an outcome `mine` added is put after the outcome it follows in `mine`;
 *   if `theirs` added a different outcome under the same id, `mine`'s gets a
 *   new id (`id-2`), its decisions and note with it;
 * - each decision (outcome × indicator code), each note, each setting and
 *   each export option: `mine`'s value where `mine` changed it (setting,
 *   changing or taking it back), else `theirs`'.
 * `base` null means unknown: everything in `mine` counts as changed (a union).
 * Returns `theirs` itself when `mine` changed nothing, `mine` when `theirs` did.
 */
export function rebase(base, mine, theirs) {
  if (mine === base) return theirs;
  if (theirs === base) return mine;
  base ??= emptyProject();
  const baseById = new Map(base.outcomes.map((o) => [o.id, o]));
  const mineIds = new Set(mine.outcomes.map((o) => o.id));
  const removed = new Set(base.outcomes.filter((o) => !mineIds.has(o.id)).map((o) => o.id));

  // Outcomes: theirs, less what mine removed, with mine's edits, plus mine's new ones.
  const mineById = new Map(mine.outcomes.map((o) => [o.id, o]));
  const outcomes = theirs.outcomes
    .filter((o) => !removed.has(o.id))
    .map((o) => {
      const was = baseById.get(o.id);
      const now = mineById.get(o.id);
      return was && now && !sameValue(was, now) ? now : o;
    });
  const ids = new Set(outcomes.map((o) => o.id));
  const renamed = new Map();
  let previous = null;
  for (const o of mine.outcomes) {
    if (!baseById.has(o.id)) {
      const taken = outcomes.find((x) => x.id === o.id);
      if (!taken || !sameValue(taken, o)) {
        const id = taken ? addId(ids, uniqueId(o.id, ids)) : addId(ids, o.id);
        if (id !== o.id) renamed.set(o.id, id);
        const at = previous === null ? 0 : outcomes.findIndex((x) => x.id === previous) + 1;
        outcomes.splice(at, 0, id === o.id ? o : { ...o, id });
      }
    }
    const id = renamed.get(o.id) ?? o.id;
    if (ids.has(id)) previous = id;
  }

  // Decisions and notes: theirs, with every piece mine changed set as mine has it.
  const decisions = {};
  for (const [id, byCode] of Object.entries(theirs.decisions)) if (ids.has(id)) decisions[id] = byCode;
  for (const id of new Set([...Object.keys(base.decisions), ...Object.keys(mine.decisions)])) {
    const target = renamed.get(id) ?? id;
    if (!ids.has(target)) continue;
    const was = base.decisions[id] ?? {};
    const now = mine.decisions[id] ?? {};
    for (const code of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (sameValue(was[code], now[code])) continue;
      const cell = { ...(decisions[target] ?? {}) };
      if (now[code] === undefined) delete cell[code];
      else cell[code] = now[code];
      if (Object.keys(cell).length) decisions[target] = cell;
      else delete decisions[target];
    }
  }
  const notes = {};
  for (const [id, note] of Object.entries(theirs.notes)) if (ids.has(id)) notes[id] = note;
  for (const id of new Set([...Object.keys(base.notes), ...Object.keys(mine.notes)])) {
    const target = renamed.get(id) ?? id;
    if (!ids.has(target) || base.notes[id] === mine.notes[id]) continue;
    if (mine.notes[id] === undefined) delete notes[target];
    else notes[target] = mine.notes[id];
  }

  return {
    ...theirs,
    outcomes: sameValue(outcomes, theirs.outcomes) ? theirs.outcomes : outcomes,
    decisions: sameValue(decisions, theirs.decisions) ? theirs.decisions : decisions,
    notes: sameValue(notes, theirs.notes) ? theirs.notes : notes,
    settings: rebaseFields(base.settings, mine.settings, theirs.settings),
    exportOptions: rebaseFields(base.exportOptions, mine.exportOptions, theirs.exportOptions),
  };
}

/** `theirs` with each field `mine` changed from `base` set as in `mine` (the same object when none). */
function rebaseFields(base = {}, mine = {}, theirs = {}) {
  const changed = Object.keys(mine).filter((k) => !sameValue(base[k], mine[k]) && !sameValue(theirs[k], mine[k]));
  if (!changed.length) return theirs;
  return { ...theirs, ...Object.fromEntries(changed.map((k) => [k, mine[k]])) };
}

/**
 * `next` with the pieces equal to `prev`'s taken from `prev` (the same
 * objects), so that a view comparing before and after sees, and the store
 * re-aligns on, only what really changed.
 */
export function keepUnchanged(prev, next) {
  if (prev === next) return next;
  const out = { ...next };
  for (const key of ["outcomes", "decisions", "notes", "settings", "exportOptions"]) {
    if (sameValue(prev[key], next[key])) out[key] = prev[key];
  }
  return Object.keys(out).every((k) => out[k] === prev[k]) && Object.keys(prev).every((k) => k in out) ? prev : out;
}

/** Deep equality of plain JSON data (objects compared key by key, in any order). */
export function sameValue(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
}
