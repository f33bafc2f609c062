// Every call form of the package, as a TypeScript user writes it. `tsc
// --noEmit` over this file guards sapan.d.ts: a renamed field, a lost option or
// an `any` that slipped in breaks the build. `@ts-expect-error` lines prove
// the types reject misuse (tsc fails if such a line compiles cleanly).
import init, {
  initSync,
  version,
  decodeBytes,
  isSapanError,
  Engine,
  type DecodedText,
  type Notice,
  type Alignment,
  type Clause,
  type ClauseKind,
  type Competency,
  type AreaCode,
  type Coverage,
  type Evidence,
  type ExportOptions,
  type Grade,
  type Indicator,
  type Match,
  type Outcome,
  type OutcomeInput,
  type ParsedOutcomes,
  type Problem,
  type RankOptions,
  type RelationLevel,
  type SapanError,
} from "../../../pkg/sapan.js";
import type {
  SapanAlign,
  Decision,
  DecisionStatus,
  Decisions,
  DecisionChange,
  SearchChange,
  SearchSelect,
  WidgetError,
  OutcomeView,
} from "../../../pkg/widget.js";

export async function everyCall(bytes: BufferSource): Promise<string> {
  await init();
  await init({ module_or_path: "/sapan_bg.wasm" });
  initSync({ module: bytes });
  const v: string = version();

  const engine = new Engine();
  const ev: string = engine.version;

  const options: RankOptions = { grade: 4, area: "ท", topK: 5, minScore: 0.1, evidence: true, gradeScope: "prior", areaScope: "filter" };
  const matches: Match[] = engine.rank("อ่านออกเสียง", options);
  engine.rank("อ่านออกเสียง");
  engine.rank("อ่านออกเสียง", { grade: "ป.5", area: "คณิตศาสตร์" });
  engine.rank("สังเกต ทดลอง", { stage: 2, area: "วิทยาศาสตร์และระบบธรรมชาติ" });
  engine.rank("สังเกต ทดลอง", { stage: "ช่วงชั้นที่ 2", area: "natural_science" });
  const m: Match = matches[0];
  const code: string = m.code;
  const score: number = m.score;
  const relation: RelationLevel = m.relation;
  const text: string = m.text;
  const evidence: Evidence = m.evidence[0];
  const context: string | null = evidence.context;
  const spans: number = evidence.querySpan.start + evidence.targetSpan.end + evidence.weight;
  const kind: "exact" | "fuzzy" = evidence.kind;
  const answers: number[] = m.clauses;

  // A long outcome's clauses, and the competency names that label them.
  const clauses: Clause[] = engine.clauses("อธิบายการทำงานของอวัยวะ และทำงานร่วมกัน");
  const clauseKind: ClauseKind = clauses[0].kind;
  const clauseSpan: number = clauses[0].span.end - clauses[0].span.start;
  const competencies: Competency[] = engine.competencies();
  const named: string | undefined = competencies.find((c) => clauses[0].competencies.includes(c.number))?.nameTh;
  // @ts-expect-error a clause kind is one of three words
  const wrongKind: ClauseKind = "topic";
  void [answers, clauseKind, clauseSpan, named, wrongKind];

  const parsed: ParsedOutcomes = engine.parseOutcomes("id,text\n1,อ่าน", { format: "auto", name: "lo.csv" });
  engine.parseOutcomes("1. อ่าน");
  engine.parseOutcomes("1. อ่าน", { format: "txt" });
  // A file's bytes, decoded as decodeBytes does; the encoding and any notice come back.
  const fromBytes: ParsedOutcomes = engine.parseOutcomes(new Uint8Array([0x31, 0x2e, 0x20, 0xa1]), { name: "lo.txt", encoding: "auto" });
  const readAs: string | null = fromBytes.encoding;
  const told: string | null = fromBytes.notice?.messageTh ?? null;
  const decoded: DecodedText = decodeBytes(new Uint8Array([0xa1]), { name: "a.csv", encoding: "windows-874" });
  decodeBytes(new ArrayBuffer(0));
  const decodedText: string = decoded.text;
  const bom: boolean = decoded.bom;
  const notice: Notice | null = decoded.notice;
  // @ts-expect-error an encoding Sapan does not read
  decodeBytes(new Uint8Array(0), { encoding: "latin1" });
  const outcome: Outcome = parsed.outcomes[0];
  const grade: Grade | null = outcome.grade;
  const stage: 2 | undefined = outcome.stage;
  const draftArea: string | undefined = outcome.frameworkArea;
  const area: AreaCode | null = outcome.area;
  const line: number | null = outcome.line;
  const problem: Problem = parsed.problems[0];
  const field: string | null = problem.location?.field ?? null;

  const inputs: OutcomeInput[] = [{ text: "อ่าน" }, { id: "LO2", text: "เขียน", grade: 5, area: "ท" }];
  const alignment: Alignment = engine.align(inputs, options);
  engine.align(parsed);
  engine.align({ outcomes: ["อ่าน", { text: "เขียน" }] });
  // Plain strings, alone or among objects, as the README says.
  engine.align(["นักเรียนอ่านออกเสียงบทร้อยกรอง", "บอกความหมายของเศษส่วน"]);
  engine.align(["อ่าน", { id: "LO2", text: "เขียน" }], { topK: 3 });
  engine.align(parsed.outcomes);
  const normalized: string = alignment.outcomes[0].normalized;
  const coveredBy: string = alignment.indicators[0].coveredBy[0].outcome;

  const coverage: Coverage = engine.coverage(alignment);
  const rowSum: number = coverage.rows[0].aligned + coverage.total.uncovered;
  const unmatched: string[] = coverage.unmatchedOutcomes;

  const exportOptions: ExportOptions = { title: "โรงเรียน", creator: "ครู", dateTime: "2026-05-16T09:30:00Z" };
  const files: string[] = [
    engine.export(alignment, "csv"),
    engine.export(alignment, "json"),
    engine.export(alignment, "case", exportOptions),
    engine.export(alignment, "md"),
  ];

  const indicators: Indicator[] = engine.indicators({ grade: 6, area: "ว" });
  engine.indicators();
  const one: Indicator | null = engine.indicator("ท 1.1 ป.4/1");
  const verified: "2-sources" | "1-source" = indicators[0].verified;
  const words: string[] = engine.segment(engine.normalize("หลกั สตู ร"));

  try {
    engine.rank("x", { topK: -1 });
  } catch (e) {
    const err = e as SapanError;
    if (err.name === "SapanError") {
      const c: "invalid_argument" | string = err.code;
      void c;
    }
  }
  // A catch binds `unknown`; isSapanError narrows it.
  try {
    engine.rank("x", { topK: -1 });
  } catch (e) {
    // @ts-expect-error e is unknown until narrowed
    void e.code;
    if (isSapanError(e)) {
      const c: string = e.code;
      const th: string = e.messageTh;
      const at: string | null = e.location?.field ?? null;
      void [c, th, at];
    }
  }
  const guarded: boolean = isSapanError(null);
  void guarded;

  // @ts-expect-error text must be a string
  engine.rank(5);
  // @ts-expect-error a misspelt option is caught at compile time too
  engine.rank("x", { topk: 3 });
  // @ts-expect-error only stage 2 is held
  engine.rank("x", { stage: 1 });
  // @ts-expect-error grades are 4–6 as numbers
  const badGrade: Grade = 7;
  // @ts-expect-error not an export format
  engine.export(alignment, "pdf");
  // @ts-expect-error an outcome needs its text
  engine.align([{ id: "x" }]);

  // Symbol.dispose is typed under lib ES2022 too (the runtime may lack it: then free()).
  const dispose: (() => void) | undefined = engine[Symbol.dispose];
  void dispose;
  engine.free();
  void [v, ev, code, score, relation, text, context, spans, kind, grade, area, line, field, normalized, coveredBy, rowSum, unmatched, files, one, verified, words, badGrade, readAs, told, decodedText, bom, notice, stage, draftArea];
  return v;
}

// The widget as a page script uses it: properties, attributes' types, and the events on the
// element, on document and on window (they bubble and are composed).
export function everyWidgetUse(): void {
  const el: SapanAlign = document.createElement("sapan-align");
  const found: SapanAlign | null = document.querySelector("sapan-align");
  el.grade = 4;
  el.grade = "ป.4";
  el.grade = null;
  const grade: string | null = el.grade;
  el.area = "ค";
  el.area = null;
  el.mode = "align";
  // @ts-expect-error a mode the widget does not have
  el.mode = "list";
  el.src = "outcomes.csv";
  el.topK = 10;
  el.minScore = 0.12;
  el.minScore = null;
  el.theme = "dark";
  el.loading = "lazy";
  // @ts-expect-error loading is eager or lazy
  el.loading = "never";
  el.value = "อ่านออกเสียง";
  const text: string = el.value;
  el.outcomes = ["อ่านออกเสียง", { id: "LO2", text: "เขียน", grade: 5 }];
  // @ts-expect-error an outcome needs its text
  el.outcomes = [{ id: "x" }];
  const views: OutcomeView[] = el.outcomes;
  const status: DecisionStatus = "added";
  const decision: Decision = { status, relation: "aligned", score: 0.3, text: "อ่านออกเสียง…" };
  const decisions: Decisions = { LO2: { "ท 1.1 ป.4/1": decision } };
  el.decisions = decisions;
  // @ts-expect-error not a decision status
  const wrong: DecisionStatus = "pending";
  void el.ready.then((ready: SapanAlign) => ready.decisions);

  el.addEventListener("sapan-ready", (e) => {
    const v: string = e.detail.version;
    void v;
  });
  el.addEventListener("sapan-change", (e) => {
    const detail: SearchChange | DecisionChange = e.detail;
    if ("query" in detail) void detail.matches[0].code;
    else void [detail.outcomeId, detail.code, detail.decision?.status];
  });
  el.addEventListener("sapan-select", (e) => {
    const picked: SearchSelect = e.detail;
    void [picked.indicator.code, picked.query];
  });
  document.addEventListener("sapan-error", (e) => {
    const error: WidgetError = e.detail;
    void [error.code, error.messageTh, error.messageEn, error.location?.line];
  });
  document.addEventListener("sapan-change", (e) => void e.detail);
  window.addEventListener("sapan-select", (e) => void e.detail.indicator);
  document.body.addEventListener("sapan-ready", (e) => void e.detail.version);
  // @ts-expect-error the ready detail has no code
  el.addEventListener("sapan-ready", (e) => void e.detail.code);
  void [found, grade, text, views, wrong];
}
