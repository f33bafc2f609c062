/* ---- <sapan-align>: the types of the widget (sapan/widget), written by hand ---- */
import type { AreaCode, Grade, Match, Outcome, OutcomeInput, Location } from "./sapan.js";

/** A teacher's decision on one suggested indicator, as the Sapan app records it. */
export interface Decision {
  status: "confirmed" | "rejected" | "added";
  relation: "aligned" | "partial";
  /** The engine's score when the decision was taken. */
  score?: number;
  /** The indicator's text (kept for `"added"`). */
  text?: string;
}

/** `{ [outcomeId]: { [indicatorCode]: Decision } }`. */
export type Decisions = Record<string, Record<string, Decision>>;

/** `sapan-change` after a confirm/reject (align mode). */
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

/** `sapan-error`: an engine error's fields; `code` is also `"fetch_failed"` (src) or `"engine_failed"`. */
export interface WidgetError {
  code: string;
  messageTh: string;
  messageEn: string;
  location: Location | null;
}

export interface SapanAlignEventMap extends HTMLElementEventMap {
  /** Once per element: the first time it is in the page with its engine loaded. */
  "sapan-ready": CustomEvent<{ version: string }>;
  "sapan-change": CustomEvent<DecisionChange | SearchChange>;
  "sapan-error": CustomEvent<WidgetError>;
}

/** The `<sapan-align>` element (registered by importing `sapan/widget`). */
export class SapanAlign extends HTMLElement {
  static observedAttributes: string[];
  /** `"search"` (default) or `"align"`; reflects the `mode` attribute. */
  mode: "search" | "align";
  /** 4, 5, 6 or as written (`"ป.4"`); reflects `grade`. */
  grade: string | null;
  /** A learning area's letter or name; reflects `area`. */
  area: string | null;
  /** The URL of a file of outcomes (CSV, TSV, JSON, CASE or text); reflects `src`. */
  src: string | null;
  /** Suggestions per text (default 5); reflects `top-k`. */
  topK: number;
  /** The outcomes align mode shows; set strings or `OutcomeInput`s, read back as the engine read them. */
  get outcomes(): Outcome[];
  set outcomes(list: Array<OutcomeInput | string>);
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
}

declare global {
  interface HTMLElementTagNameMap {
    "sapan-align": SapanAlign;
  }
}

export type { AreaCode, Grade };
