// A long learning outcome as the engine split it (the draft framework's LOs bundle
// several topics, a process clause and a competency clause in one sentence): its
// clauses marked in its text, each numbered and named by kind, and its suggestions
// grouped under the clause each answers. Shared by the teacher app and the widget.
// An outcome of one clause (a lesson objective) is shown as it always was: every
// function here is only called for an outcome with more than one clause.
import { h, srOnly } from "./dom.js";
import { marked } from "./highlight.js";

/** The engine's clause kinds in Thai and English. */
export const CLAUSE_KINDS = {
  content: { th: "เนื้อหา", en: "content" },
  process: { th: "กระบวนการ", en: "process" },
  competency: { th: "สมรรถนะ", en: "competency" },
};

/** The words of the clause view, screen-reader ones included. */
export const CLAUSE_STRINGS = {
  th: {
    clause: (n) => `ส่วนที่ ${n}`,
    clauses: "ส่วนของผลลัพธ์",
    noIndicator: "ไม่พบตัวชี้วัด",
    notContent: "ส่วนนี้ไม่ใช่เนื้อหา จึงไม่จับคู่กับตัวชี้วัดโดยตรง",
    alsoAnswers: (codes, n) => `${codes} (อยู่ใต้ส่วนที่ ${n}) ตอบส่วนนี้ด้วย`,
    answers: (list, n) => `ตอบส่วนที่ ${list}`,
    whole: "ทั้งข้อ (ครูเพิ่มเอง)",
  },
  en: {
    clause: (n) => `Clause ${n}`,
    clauses: "Clauses of the outcome",
    noIndicator: "No indicator found",
    notContent: "Not a content clause, so not matched to an indicator of its own",
    alsoAnswers: (codes, n) => `${codes} (listed under clause ${n}) answers this clause too`,
    answers: (list, n) => `answers clause${n === 1 ? "" : "s"} ${list}`,
    whole: "The whole outcome (added by the teacher)",
  },
};

const strings = (lang) => CLAUSE_STRINGS[lang === "en" ? "en" : "th"];

/** Whether an outcome's clauses are worth showing: it has more than one. */
export function isBundled(oa) {
  return Array.isArray(oa?.clauses) && oa.clauses.length > 1;
}

/**
 * A clause's kind in words, with the competencies it expresses when it is process or
 * competency language: "สมรรถนะ: การรวมพลังทำงานเป็นทีม". `competencies` is
 * `engine.competencies()` (`[{ number, nameTh, nameEn }]`).
 */
export function clauseKindLabel(clause, lang, competencies = []) {
  const en = lang === "en";
  const kind = (CLAUSE_KINDS[clause.kind] ?? CLAUSE_KINDS.content)[en ? "en" : "th"];
  if (clause.kind === "content") return kind;
  const names = (clause.competencies ?? [])
    .map((n) => competencies.find((c) => c.number === n))
    .filter(Boolean)
    .map((c) => (en ? c.nameEn : c.nameTh));
  return names.length ? `${kind}: ${names.join(", ")}` : kind;
}

/** "ส่วนที่ 2 · เนื้อหา". */
export function clauseHeading(clause, index, lang, competencies) {
  return `${strings(lang).clause(index + 1)} · ${clauseKindLabel(clause, lang, competencies)}`;
}

/** The indices of `clauses` a match answers: valid ones, in order, each once. */
export function answeredClauses(match, clauses) {
  const valid = (match?.clauses ?? []).filter((i) => Number.isInteger(i) && i >= 0 && i < clauses.length);
  return [...new Set(valid)].sort((a, b) => a - b);
}

/**
 * `items` grouped by clause: each item once, under the first clause its match answers
 * (so its buttons and their focus stay unique); `also` lists the items listed under an
 * earlier clause that answer this one too. `rest`: items that name no clause (added by a
 * teacher, or from a project saved before clauses). `matchOf(item)` gives an item's match.
 */
export function groupByClause(clauses, items, matchOf = (item) => item) {
  const groups = clauses.map((clause, index) => ({ clause, index, items: [], also: [] }));
  const rest = [];
  for (const item of items) {
    const [first, ...others] = answeredClauses(matchOf(item), clauses);
    if (first === undefined) {
      rest.push(item);
      continue;
    }
    groups[first].items.push(item);
    for (const i of others) groups[i].also.push({ item, under: first });
  }
  return { groups, rest };
}

/** What a clause group says when it lists no suggestion of its own, or null. */
export function emptyClauseText(group, lang, matchOf = (item) => item) {
  const t = strings(lang);
  if (group.items.length) return null;
  if (group.also.length) {
    const under = group.also[0].under;
    const codes = group.also.filter((a) => a.under === under).map((a) => matchOf(a.item).code);
    return t.alsoAnswers(codes.join(", "), under + 1);
  }
  return group.clause.kind === "content" ? t.noIndicator : t.notContent;
}

/**
 * "ตอบส่วนที่ 1, 3" for a match answering more than one clause, else null; with
 * `{ one: true }` also "ตอบส่วนที่ 2" for a match answering one (a list not grouped by clause).
 */
export function answersText(match, clauses, lang, { one = false } = {}) {
  const list = answeredClauses(match, clauses);
  if (list.length < (one ? 1 : 2)) return null;
  return strings(lang).answers(list.map((i) => i + 1).join(", "), list.length);
}

/**
 * `text` (the normalised outcome) with each clause in a span (class `clause is-KIND`,
 * `data-clause` its index) led by its number, and `spans` (evidence) marked inside.
 * The number is shown and the kind is read out, so the clauses are told apart by
 * more than colour; the headings below name each kind in words.
 */
export function clausedText(text, clauses, spans, lang, competencies, markAttrs = {}) {
  const out = h("span", { class: "clauses-text" });
  let at = 0;
  clauses.forEach((clause, i) => {
    const { start, end } = clause.span;
    if (start < at || end <= start || end > text.length) return;
    out.append(text.slice(at, start));
    const inside = spans.filter((s) => s.start >= start && s.end <= end).map((s) => ({ start: s.start - start, end: s.end - start }));
    out.append(
      h(
        "span",
        { class: `clause is-${clause.kind}`, dataset: { clause: String(i) } },
        h("span", { class: "clause-number", "aria-hidden": "true" }, String(i + 1)),
        srOnly(`${clauseHeading(clause, i, lang, competencies)}: `),
        marked(text.slice(start, end), inside, markAttrs),
      ),
    );
    at = end;
  });
  out.append(text.slice(at));
  return out;
}

/** The screen-reader name of the clause list, and the heading of the teacher's own additions. */
export function clauseWords(lang) {
  const t = strings(lang);
  return { clauses: t.clauses, whole: t.whole };
}
