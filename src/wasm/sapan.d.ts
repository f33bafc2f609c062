
/* ---- Sapan: the types of every option and result (written by hand, checked by tsc) ---- */

/** ป.4, ป.5, ป.6 as 4, 5, 6. */
export type Grade = 4 | 5 | 6;

/** A learning area (กลุ่มสาระการเรียนรู้) by the letter indicator codes use:
 * ท Thai, ค mathematics, ว science and technology, ส social studies,
 * พ health and PE, ศ arts, ง careers, ต foreign languages. */
export type AreaCode = "ท" | "ค" | "ว" | "ส" | "พ" | "ศ" | "ง" | "ต";

/** One of the draft framework's nine learning areas (สาระการเรียนรู้), by its key:
 * ภาษาไทย, คณิตศาสตร์, วิทยาศาสตร์และระบบธรรมชาติ, เทคโนโลยีดิจิทัล, สังคมศึกษา,
 * สุขศึกษาและพลศึกษา, ศิลปะ, ภาษาอังกฤษ, การจัดการในครัวเรือนและการประกอบการ. */
export type FrameworkAreaKey =
  | "thai"
  | "mathematics"
  | "natural_science"
  | "digital_technology"
  | "social_studies"
  | "health_pe"
  | "arts"
  | "english"
  | "household_enterprise";

/** A key stage (ช่วงชั้น) of the draft framework. Only stage 2 (ป.4–6) is held:
 * another is a `stage_not_held` error. */
export type Stage = 2;

/** How strongly a text corresponds to an indicator, in the guideline's terms:
 * `"aligned"` สอดคล้อง, `"partial"` สอดคล้องบางส่วน, `"none"` ไม่สอดคล้อง. */
export type RelationLevel = "aligned" | "partial" | "none";

/** The stable code of every error and problem; scripts may match on it. */
export type ErrorCode =
  | "invalid_code"
  | "unknown_code"
  | "invalid_argument"
  | "invalid_encoding"
  | "binary_input"
  | "data"
  | "parse_csv"
  | "parse_json"
  | "parse_case"
  | "parse_text"
  | "missing_field"
  | "invalid_field"
  | "duplicate_id"
  | "stage_not_held";

/** Options of `rank` and `align`. Every key may be left out. */
export interface RankOptions {
  /** Only (or, with `gradeScope: "prior"`, preferably) indicators of this grade.
   * A number 4–6 or a grade as written (`"ป.4"`, `"ประถมศึกษาปีที่ 4"`). */
  grade?: Grade | string | null;
  /** Only (or preferably) indicators of this learning area: a letter, or the
   * area's Thai or English name (`"คณิตศาสตร์"`, `"math"`). A draft framework
   * area's name (`"วิทยาศาสตร์และระบบธรรมชาติ"`, `"สาระการเรียนรู้เทคโนโลยีดิจิทัล"`,
   * or its key) sets the draft area instead: a prior over the 2551 areas and
   * strands it draws on, never a filter. */
  area?: AreaCode | string | null;
  /** The draft framework's key stage: `2`, `"2"`, `"๒"`, `"ช่วงชั้นที่ 2"`.
   * Stage 2 is all of ป.4–6, so it narrows nothing (a `grade` must be one of
   * its grades); another stage is a `stage_not_held` error. */
  stage?: Stage | string | null;
  /** `"filter"` (default): other grades are left out. `"prior"`: all grades
   * are candidates; adjacent grades score ×0.85, others ×0.7. */
  gradeScope?: "filter" | "prior";
  /** `"filter"` (default) or `"prior"` (other areas score ×0.8). */
  areaScope?: "filter" | "prior";
  /** At most this many matches per text, best first (default 10; 0 = every
   * candidate that shares anything with the text: a score of 0 is never listed). */
  topK?: number;
  /** Leave out matches scoring below this, 0–1 (default 0). */
  minScore?: number;
  /** Whether matches carry their evidence (default true; bulk work may skip it). */
  evidence?: boolean;
}

/** A range of characters `start..end` (JavaScript string indices: Thai text
 * has no surrogate pairs, so they equal the engine's character counts). */
export interface Span {
  start: number;
  end: number;
}

/** Where on the indicator's side a term was found: the indicator's text, its
 * standard (มาตรฐาน), its strand (สาระ), or an item of the core learning
 * content (สาระการเรียนรู้แกนกลาง) of its standard and grade. */
export type EvidenceField = "indicator" | "standard" | "strand" | "core_content";

/** One reason for a match: a term of the query and the term it met, with
 * where each stands, so that both can be highlighted. */
export interface Evidence {
  /** The term as it stands in the (normalised) query text. */
  term: string;
  /** The term as it stands on the indicator's side. */
  matched: string;
  /** `"exact"`: the same word; `"fuzzy"`: a near miss (typo, PDF damage, variant spelling). */
  kind: "exact" | "fuzzy";
  field: EvidenceField;
  /** Where `term` stands in the normalised query (`OutcomeAlignment.normalized`,
   * or `engine.normalize(text)` for `rank`). */
  querySpan: Span;
  /** Where `matched` stands in the indicator's text, or in `context` when that is set. */
  targetSpan: Span;
  /** The text `targetSpan` points into when it is not the indicator's own
   * text: the standard's text, the strand's name or the core-content item. */
  context: string | null;
  /** This term's share of the match, 0–1; evidence is listed largest first. */
  weight: number;
}

/** One indicator matched to a text. */
export interface Match {
  /** The indicator code, e.g. `"ท 1.1 ป.4/1"`. */
  code: string;
  /** 0–1, comparable across texts (four decimals). An indicator's own text
   * scores about 0.45 against itself; 0.20 and up is `"aligned"`, 0.12 and up `"partial"`. */
  score: number;
  relation: RelationLevel;
  /** The indicator's text. */
  text: string;
  /** Why it matched (empty with `evidence: false`). */
  evidence: Evidence[];
  /** The clauses of the text this match answers, as indices into the text's clauses
   * (`OutcomeAlignment.clauses`, `engine.clauses(text)`); `[0]` for a one-clause text.
   * Empty for a match added by hand; may be left out of an alignment handed back (read as `[]`). */
  clauses: number[];
  /** A teacher's decision, set by the app (never by the engine) and carried
   * into every export: `"confirmed"` (a suggestion a teacher checked) or
   * `"added"` (an indicator a teacher found and added). Absent when unchecked. */
  review?: Review;
}

/** What a clause of an outcome is about: `"content"` a topic (เนื้อหา), matched against
 * the indicators; `"process"` how students work on it (กระบวนการ); `"competency"` a core
 * competency or attitude (สมรรถนะ). Process and competency clauses are not content
 * indicators of their own. */
export type ClauseKind = "content" | "process" | "competency";

/** One clause of a text: a piece of a long, bundled learning outcome. */
export interface Clause {
  /** Where it stands in the normalised text (`OutcomeAlignment.normalized`, `engine.normalize(text)`). */
  span: Span;
  text: string;
  kind: ClauseKind;
  /** The core competencies its cue phrases express, by `Competency.number` (1–6). */
  competencies: number[];
}

/** One of the draft framework's nine learning areas, from `engine.frameworkAreas()`. */
export interface FrameworkAreaName {
  /** What `Outcome.frameworkArea` holds, e.g. `"natural_science"`. */
  key: FrameworkAreaKey;
  /** e.g. `"วิทยาศาสตร์และระบบธรรมชาติ"`. */
  nameTh: string;
  nameEn: string;
}

/** One of the draft framework's six core competencies (สมรรถนะหลัก), from `engine.competencies()`. */
export interface Competency {
  /** 1–6, the framework's order; what `Clause.competencies` holds. */
  number: number;
  /** A stable English key, e.g. `"teamwork"`. */
  key: string;
  nameTh: string;
  nameEn: string;
}

/** What a teacher did with a match (a rejected match is removed instead). */
export type Review = "confirmed" | "added";

/** A learning outcome as a program hands it to `align`: only `text` is required. */
export interface OutcomeInput {
  /** Unique within the list; made from the position (`"1"`, `"2"`, …) when left out. */
  id?: string;
  /** Where it came from, kept in results and problems (as `parseOutcomes` gives it). */
  line?: number | null;
  text: string;
  /** Its grade: takes the place of `RankOptions.grade` for this outcome. */
  grade?: Grade | string | null;
  /** Its learning area: takes the place of `RankOptions.area` for this outcome.
   * A draft area's name sets `frameworkArea` instead. */
  area?: AreaCode | string | null;
  /** Its key stage (only 2 is held). */
  stage?: Stage | string | null;
  /** Its draft framework area, by key or name: a prior for this outcome. */
  frameworkArea?: FrameworkAreaKey | string | null;
}

/** A list of outcomes in an object, as `parseOutcomes` returns it. */
export interface Outcomes {
  outcomes: Array<OutcomeInput | string>;
}

/** A learning outcome (ผลลัพธ์การเรียนรู้), or any text to align, as read. */
export interface Outcome {
  id: string;
  text: string;
  grade: Grade | null;
  area: AreaCode | null;
  /** The draft framework's key stage, when the source says (a header
   * `ผลลัพธ์การเรียนรู้เมื่อจบช่วงชั้นที่ 2`, a `stage` column); absent otherwise. */
  stage?: Stage;
  /** The draft framework's area, when the source names one (a header
   * `สาระการเรียนรู้เทคโนโลยีดิจิทัล`, a draft name in the area column); absent otherwise. */
  frameworkArea?: FrameworkAreaKey;
  /** The line of the input it starts on, from 1; for outcomes given as data,
   * the `line` they carry (as `parseOutcomes` gave it), else `null`. */
  line: number | null;
}

/** Where a problem sits. Lines and columns count from 1. */
export interface Location {
  /** A file name, `"options"`, `"argument"`, or `null`. */
  source: string | null;
  line: number | null;
  column: number | null;
  /** The field, column, key or argument, e.g. `"text"`, `"[3].grade"`, `"topK"`. */
  field: string | null;
}

/** Something in the input that could not be used, said in Thai and English. */
export interface Problem {
  code: ErrorCode;
  messageEn: string;
  messageTh: string;
  location: Location | null;
}

/** What every method throws on bad arguments: a real `Error` with
 * `name === "SapanError"`, `message` = Thai / English (where), and the
 * fields of a `Problem`. In a `catch`, where the value is `unknown`, narrow it
 * with `isSapanError(e)`. */
export interface SapanError extends Error {
  name: "SapanError";
  code: ErrorCode;
  messageEn: string;
  messageTh: string;
  location: Location | null;
}

/** The ways outcomes come in. */
export type OutcomeFormat = "csv" | "tsv" | "json" | "case" | "text";

/** Options of `parseOutcomes`. */
export interface ParseOptions {
  /** `"auto"` (default) detects from `name` and the content. `"txt"` is read as `"text"`. */
  format?: "auto" | OutcomeFormat | "txt";
  /** The file's name: its extension helps detection, and problems name it. */
  name?: string;
  /** For bytes only: `"auto"` (default) detects, as `decodeBytes` does. */
  encoding?: "auto" | TextEncodingName;
}

/** An encoding `decodeBytes` reads (`"tis-620"` and `"cp874"` are taken for `"windows-874"`). */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-874" | "tis-620" | "cp874";

/** Options of `decodeBytes`. */
export interface DecodeOptions {
  /** The file's name, put into errors and the notice. */
  name?: string;
  /** `"auto"` (default) detects; otherwise the bytes are read in this encoding. */
  encoding?: "auto" | TextEncodingName;
}

/** Something to tell the reader about how a file was read: not a problem. */
export interface Notice {
  /** `"read_as_windows_874"` or `"read_as_utf_16"`. */
  code: "read_as_windows_874" | "read_as_utf_16";
  messageTh: string;
  messageEn: string;
}

/** Text decoded from bytes by `decodeBytes`. */
export interface DecodedText {
  /** The text, without a byte-order mark. */
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-874";
  /** Whether the bytes began with a byte-order mark. */
  bom: boolean;
  /** Set when the file was not UTF-8 (read as Windows-874 or UTF-16): show it. */
  notice: Notice | null;
}

/** What `parseOutcomes` found: the outcomes, and the problems met on the way.
 * Only outcomes with no text are dropped, and each drop is a problem. */
export interface ParsedOutcomes {
  /** The format the input was read as. */
  format: OutcomeFormat;
  /** How bytes were decoded; `null` when the input was a string (or could not be decoded). */
  encoding: DecodedText["encoding"] | null;
  /** How the bytes were read, when that should be shown (Windows-874, UTF-16). */
  notice: Notice | null;
  outcomes: Outcome[];
  problems: Problem[];
}

/** One outcome's matches. */
export interface OutcomeAlignment {
  outcome: Outcome;
  /** The outcome's text after normalisation: the text `Evidence.querySpan` indexes. */
  normalized: string;
  /** The outcome's clauses, spans into `normalized`: one for a one-topic text. */
  clauses: Clause[];
  matches: Match[];
}

/** One outcome that covers an indicator. */
export interface Cover {
  /** The outcome's id. */
  outcome: string;
  score: number;
  relation: RelationLevel;
}

/** One candidate indicator and the outcomes that cover it, best first. */
export interface IndicatorCoverage {
  code: string;
  coveredBy: Cover[];
}

/** The result of `align`: both directions. Edit `outcomes[i].matches` to
 * record decisions (remove a rejected match, add one, change `relation`);
 * `coverage` and `export` rebuild `indicators` from the matches as they stand. */
export interface Alignment {
  outcomes: OutcomeAlignment[];
  /** Every candidate indicator, in curriculum order, with the outcomes
   * covering it at `"partial"` or above. */
  indicators: IndicatorCoverage[];
}

/** How many candidate indicators are covered, at each level. */
export interface CoverageCounts {
  indicators: number;
  /** Indicators some outcome is aligned with (สอดคล้อง). */
  aligned: number;
  /** Indicators whose best outcome is only partially aligned (สอดคล้องบางส่วน). */
  partial: number;
  /** Indicators no outcome covers. */
  uncovered: number;
}

/** The counts of one learning area × grade. */
export interface CoverageRow extends CoverageCounts {
  area: AreaCode;
  grade: Grade;
}

/** The summary tables a school writes into its curriculum document. */
export interface Coverage {
  /** One row per area × grade with candidates, in curriculum order. */
  rows: CoverageRow[];
  /** All rows summed. */
  total: CoverageCounts;
  /** Codes of indicators no outcome covers, in curriculum order. */
  uncovered: string[];
  /** Ids of outcomes with no match at `"partial"` or above. */
  unmatchedOutcomes: string[];
}

/** An indicator (ตัวชี้วัด) of the B.E. 2551 core curriculum, with its provenance. */
export interface Indicator {
  /** e.g. `"ท 1.1 ป.4/1"`. */
  code: string;
  area: AreaCode;
  /** The strand (สาระ), e.g. `"สาระที่ 1 การอ่าน"`. */
  strand: string;
  /** The standard (มาตรฐาน) code, e.g. `"ท 1.1"`. */
  standard: string;
  grade: Grade;
  /** Its number within its standard and grade, from 1. */
  seq: number;
  text: string;
  /** Where the text was taken from. */
  source: string;
  /** `"2-sources"`: two sources give the same wording; `"1-source"`: see `note`. */
  verified: "2-sources" | "1-source";
  note: string | null;
}

/** Which indicators `indicators()` lists. */
export interface IndicatorFilter {
  grade?: Grade | string | null;
  area?: AreaCode | string | null;
  /** Only 2 is held, and it narrows nothing. */
  stage?: Stage | string | null;
}

/** The file formats of `export`. */
export type ExportFormat = "csv" | "json" | "case" | "md" | "markdown";

/** What an exported CASE package says about itself (other formats ignore these). */
export interface ExportOptions {
  /** The document's title (default "ผลลัพธ์การเรียนรู้ / Learning outcomes"). */
  title?: string;
  /** Who stands behind the outcomes, e.g. the school (default "Sapan"). */
  creator?: string;
  /** The records' `lastChangeDateTime`, RFC 3339 such as `"2026-05-16T09:30:00Z"`.
   * Default `"1970-01-01T00:00:00Z"`, a placeholder, so that output is reproducible. */
  dateTime?: string;
}

/* wasm-bindgen gives `Engine` a `[Symbol.dispose]()` method (so that `using engine = new Engine()`
 * frees it), but `Symbol.dispose` is declared only by TypeScript's `esnext.disposable` lib (or
 * `@types/node`): without this, a project whose `lib` is ES2022 or ES2023 cannot compile these
 * types unless it sets `skipLibCheck`. The declaration is the one those libs make, so it merges
 * with theirs. It says nothing of the runtime: where `Symbol.dispose` is missing (Node before
 * 18.18, older browsers) the method is not there either; call `engine.free()` instead. */
declare global {
  interface SymbolConstructor {
    /** The method `using` calls when its variable goes out of scope. */
    readonly dispose: unique symbol;
  }
}
