/* ---- <sapan-align>: the types of the widget (sapan/widget), written by hand ---- */
import type { AreaCode, Grade, Match, Outcome, OutcomeInput, Location } from "./sapan.js";

/**
 * A teacher's decision on one indicator of one outcome, as the Sapan app records it:
 * - `"confirmed"`: a suggestion of the engine the teacher checked and kept;
 * - `"rejected"`: a suggestion the teacher turned down (it is left out of exports);
 * - `"added"`: an indicator the engine did not suggest, which the teacher looked up and
 *   added to the outcome by hand; its `text` and `score` are kept so that it can be shown
 *   and exported (as a match with `review: "added"`) without ranking again.
 */
export type DecisionStatus = "confirmed" | "rejected" | "added";

/** A teacher's decision on one suggested (or added) indicator. */
export interface Decision {
  status: DecisionStatus;
  relation: "aligned" | "partial";
  /** The engine's score when the decision was taken. */
  score?: number;
  /** The indicator's text (kept for `"added"`). */
  text?: string;
}

/** `{ [outcomeId]: { [indicatorCode]: Decision } }`. */
export type Decisions = Record<string, Record<string, Decision>>;

/** `sapan-change` after a Confirm or Reject (align mode). */
export interface DecisionChange {
  decisions: Decisions;
  outcomeId: string;
  code: string;
  /** null when the decision was taken back (the button pressed again). */
  decision: Decision | null;
}

/** `sapan-change` after the ranking of the typed text changed (search mode). */
export interface SearchChange {
  query: string;
  matches: Match[];
}

/** `sapan-select`: a reader picked a suggestion (search mode). */
export interface SearchSelect {
  /** The suggestion picked. */
  indicator: Match;
  /** The text it was suggested for. */
  query: string;
}

/** `sapan-error`: an engine error's fields; `code` is also `"fetch_failed"` (src) or `"engine_failed"`. */
export interface WidgetError {
  code: string;
  /**
   * With `engine_failed`: why the engine did not load, when the browser said
   * (the messages say what to change): the policy blocked fetching the wasm
   * (`csp-connect`) or compiling it (`csp-wasm`), the file is not there
   * (`missing`) or not served as WebAssembly (`mime`), or the network failed.
   */
  cause?: "csp-connect" | "csp-wasm" | "missing" | "mime" | "network" | "unknown";
  messageTh: string;
  messageEn: string;
  location: Location | null;
}

/** `sapan-ready`. */
export interface WidgetReady {
  /** The engine's version. */
  version: string;
}

/**
 * The widget's own events: `CustomEvent`s that bubble and are composed (they cross the
 * shadow root), so a listener on the element, on any ancestor, on `document` or on
 * `window` hears them; the global event maps below are extended with them.
 */
export interface SapanAlignEvents {
  /** Once per element: the first time it is in the page with its engine loaded. */
  "sapan-ready": CustomEvent<WidgetReady>;
  /** Search mode: the ranking followed the text. Align mode: a decision was taken. */
  "sapan-change": CustomEvent<SearchChange | DecisionChange>;
  /** Search mode: a reader picked a suggestion. */
  "sapan-select": CustomEvent<SearchSelect>;
  "sapan-error": CustomEvent<WidgetError>;
}

/** The element's events: an `HTMLElement`'s and the widget's own. */
export interface SapanAlignEventMap extends HTMLElementEventMap, SapanAlignEvents {}

/**
 * An outcome as `outcomes` reads back: as the engine read it (an `Outcome`, with its
 * `id` and `line`) once the engine has read the list; until then, what was set (a
 * string, or the fields given of an `OutcomeInput`).
 */
export type OutcomeView = Outcome | OutcomeInput | string;

/** The `<sapan-align>` element (registered by importing `sapan/widget`). */
export class SapanAlign extends HTMLElement {
  static observedAttributes: string[];
  /** The text searched for (search mode); reflects the `value` attribute, its initial text. */
  value: string;
  /** `"search"` (default) or `"align"`; reflects the `mode` attribute. */
  mode: "search" | "align";
  /** The `grade` attribute: 4, 5, 6 or as written (`"ป.4"`); `null` when absent (all of
   * ป.4–6). A number may be set; it reads back as the attribute's text (`"4"`). */
  get grade(): string | null;
  set grade(value: Grade | number | string | null);
  /** A learning area's letter or name; reflects `area`. */
  area: AreaCode | string | null;
  /** The URL of a file of outcomes (CSV, TSV, JSON, CASE or text); reflects `src`. */
  src: string | null;
  /** Suggestions per text: an integer clamped to 1–50 (default 5); reflects `top-k`. */
  topK: number;
  /** Leave out suggestions scoring below this, 0–1; `null` (absent) leaves none out; reflects `min-score`. */
  minScore: number | null;
  /** `"auto"` (default) follows the reader's colour scheme; reflects `theme`. */
  theme: "light" | "dark" | "auto";
  /** `"eager"` (default) loads the engine when the element is in the page, `"lazy"` when
   * it is first scrolled into view; reflects `loading`. */
  loading: "eager" | "lazy";
  /** The outcomes align mode shows; set strings or `OutcomeInput`s, read back as the engine read them. */
  get outcomes(): OutcomeView[];
  set outcomes(list: Array<string | OutcomeInput>);
  /** A copy of the decisions; setting replaces them (a malformed decision throws a TypeError). */
  decisions: Decisions;
  /** Resolves to the element once the engine is loaded and the first result shown. */
  readonly ready: Promise<SapanAlign>;
  /**
   * The custom element lifecycle, declared for subclasses that override it and
   * call `super`. Connecting asks for the engine (once per element); a removal
   * that still holds at the end of the task cancels the typing pause and aborts
   * the `src` request (a move, removed and inserted at once, cancels nothing),
   * and inserting the element again takes up what was cancelled.
   */
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, old: string | null, value: string | null): void;
  addEventListener<K extends keyof SapanAlignEventMap>(
    type: K,
    listener: (this: SapanAlign, ev: SapanAlignEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof SapanAlignEventMap>(
    type: K,
    listener: (this: SapanAlign, ev: SapanAlignEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

// The events bubble and are composed, so any element above a widget, the document and the
// window hear them: `document.addEventListener("sapan-change", (e) => e.detail)` is typed.
declare global {
  interface HTMLElementTagNameMap {
    "sapan-align": SapanAlign;
  }
  interface HTMLElementEventMap extends SapanAlignEvents {}
  interface DocumentEventMap extends SapanAlignEvents {}
  interface WindowEventMap extends SapanAlignEvents {}
}

export type { AreaCode, Grade };
