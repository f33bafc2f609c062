// <sapan-align>: Sapan in any page, as one element. `mode="search"` ranks the
// indicators for a text as it is typed; `mode="align"` lists learning
// outcomes (from `src` or the `outcomes` property) with suggested indicators
// to confirm or reject. This module is the class only; widget.js registers
// it, so a page may register it under another name or subclass it first.
//
// Attributes (kebab-case primitives): lang, grade, area, mode, src, top-k.
// Properties (rich data): outcomes, decisions; read-only ready.
// Events (bubbling, composed CustomEvents): sapan-ready, sapan-change, sapan-error.
//
// The class keeps to attributes, properties, lifecycle and events; what it
// shows is built by sapan-align-view.js from its state. The only requests the
// widget makes are the engine's (sapan.js, sapan_bg.wasm, next to engine.js)
// and the `src` file the page names.
//
// Lifecycle. The engine is asked for once per element. Removing the element
// cancels what it had under way (the typing pause, the `src` request), but
// only once the removal has held to the end of the current task: a page that
// moves the element (removed and inserted again at once) changes nothing, as
// emoji-picker-element and Vue's custom elements treat a move. Inserted
// again later, it takes up what was cancelled. `sapan-ready` is sent once per
// element, the first time it is in the page with its engine loaded.
import { loadEngine } from "./engine.js";
import { decide } from "./project.js";
import { competenciesOf } from "./domain.js";
import { WIDGET_STRINGS } from "./widget-i18n.js";
import { SapanAlignView } from "./sapan-align-view.js";

const MODES = ["search", "align"];
const DEFAULT_TOP_K = 5;
// Light enough that ranking follows typing, long enough that a fast typist
// does not rank every keystroke (one rank takes a few milliseconds).
const TYPING_PAUSE_MS = 120;
// Properties a page may set before the element is defined (upgrade pattern).
const UPGRADED = ["outcomes", "decisions", "mode", "grade", "area", "src", "topK"];

export class SapanAlign extends HTMLElement {
  static observedAttributes = ["lang", "grade", "area", "mode", "src", "top-k"];

  #engine = null;
  #outcomes = [];
  #decisions = {};
  #alignment = null;
  #problems = [];
  #error = null;
  #query = "";
  #matches = [];
  /** The clauses of the text searched for, when it bundles several topics. */
  #clauses = [];
  #typing = 0;
  #loadToken = 0;
  #loading = false;
  // The `src` request in flight, so that removal or a newer file can abort it.
  #fetching = null;
  // Lifecycle, once per element: properties set before the upgrade taken in,
  // the engine asked for (and how that failed, if it did), sapan-ready or
  // engine_failed announced.
  #upgraded = false;
  #engineAsked = false;
  #engineError = null;
  #announced = false;
  // In the page with its engine, from the first connect after the engine
  // loaded until a removal that held.
  #live = false;
  // What a removal cancelled (or a change made while out of the page), to take up when back.
  #srcPending = false;
  #typingPending = false;
  #resolveReady;
  #rejectReady;
  #ready = new Promise((resolve, reject) => {
    this.#resolveReady = resolve;
    this.#rejectReady = reject;
  });
  #view;

  constructor() {
    super();
    // Nobody may be listening to `ready`; a failure is still reported by sapan-error.
    this.#ready.catch(() => {});
    this.#view = new SapanAlignView(this.attachShadow({ mode: "open" }), {
      onInput: () => this.#typed(),
      onDecide: (kind, id, match) => this.#toggle(kind, id, match),
    });
  }

  connectedCallback() {
    if (!this.#upgraded) {
      this.#upgraded = true;
      // A page may set properties before this class was defined: those landed
      // on the instance itself and hide the setters; move them through the setters.
      for (const name of UPGRADED) {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = this[name];
          delete this[name];
          this[name] = value;
        }
      }
    }
    this.#render();
    if (this.#engineAsked) {
      this.#wake();
      return;
    }
    this.#engineAsked = true;
    loadEngine().then(
      (engine) => {
        this.#engine = engine;
        this.#wake();
      },
      (e) => {
        this.#engineError = e ?? new Error("engine failed");
        this.#wake();
      },
    );
  }

  disconnectedCallback() {
    // A move is a disconnect and a connect in the same task: decide after it.
    queueMicrotask(() => {
      if (!this.isConnected) this.#sleep();
    });
  }

  /** In the page (again): the first time with the engine, start; after a removal, take up what it cancelled. */
  #wake() {
    if (!this.isConnected || this.#live) return;
    if (this.#engineError) {
      if (this.#announced) return;
      this.#announced = true;
      this.#fail({ code: "engine_failed", messageTh: WIDGET_STRINGS.th.engineFailed, messageEn: WIDGET_STRINGS.en.engineFailed, location: null });
      this.#rejectReady(this.#engineError);
      return;
    }
    if (!this.#engine) return;
    this.#live = true;
    const first = !this.#announced;
    const typed = this.#typingPending;
    const load = first || this.#srcPending;
    this.#srcPending = false;
    this.#typingPending = false;
    if (first || typed) {
      this.#recompute();
      this.#render();
    }
    if (load && this.src) this.#load(this.src);
    if (first) {
      this.#announced = true;
      this.#resolveReady(this);
      this.#dispatch("sapan-ready", { version: this.#engine.version });
    } else if (typed) {
      this.#searchChanged();
    }
  }

  /** Out of the page: nothing keeps running for an element nobody sees. */
  #sleep() {
    this.#live = false;
    if (this.#typing) {
      clearTimeout(this.#typing);
      this.#typing = 0;
      this.#typingPending = true;
    }
    if (this.#fetching) {
      this.#cancelLoad();
      this.#loading = false;
      this.#srcPending = true;
    }
  }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === "src") {
      // Out of the page, the file waits until the element is back in it.
      if (this.#engine && value) {
        if (this.#live) this.#load(value);
        else this.#srcPending = true;
      }
      return;
    }
    if (name === "lang") {
      this.#render();
      return;
    }
    // grade, area, top-k and mode change what is ranked.
    this.#recompute();
    this.#render();
    if (this.mode === "search" && this.#view.text.trim()) this.#searchChanged();
  }

  // ---- attributes reflected as properties ----

  get mode() {
    const mode = this.getAttribute("mode");
    return MODES.includes(mode) ? mode : "search";
  }
  set mode(value) {
    this.setAttribute("mode", value);
  }
  get grade() {
    return this.getAttribute("grade");
  }
  set grade(value) {
    this.#reflect("grade", value);
  }
  get area() {
    return this.getAttribute("area");
  }
  set area(value) {
    this.#reflect("area", value);
  }
  get src() {
    return this.getAttribute("src");
  }
  set src(value) {
    this.#reflect("src", value);
  }
  get topK() {
    const n = Number.parseInt(this.getAttribute("top-k"), 10);
    return Number.isInteger(n) && n > 0 ? Math.min(n, 50) : DEFAULT_TOP_K;
  }
  set topK(value) {
    this.#reflect("top-k", value);
  }

  #reflect(name, value) {
    if (value === null || value === undefined || value === "") this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  // ---- rich data ----

  /** The outcomes align mode shows, as the engine read them (`{id, text, grade, area, line}`, and `stage`, `frameworkArea` when given). */
  get outcomes() {
    return this.#alignment ? this.#alignment.outcomes.map((oa) => ({ ...oa.outcome })) : this.#outcomes.map(copyOutcome);
  }
  /** Strings or `{id?, text, grade?, area?, stage?, frameworkArea?}`; replaces the list (and any `src` file still loading). */
  set outcomes(list) {
    this.#cancelLoad();
    this.#srcPending = false;
    this.#loading = false;
    this.#outcomes = Array.isArray(list) ? list.map(copyOutcome) : [];
    this.#problems = [];
    this.#recompute();
    this.#render();
  }

  /** Decisions in the shape of project.js: `{ [outcomeId]: { [code]: {status, relation, score?} } }`. A copy. */
  get decisions() {
    return structuredClone(this.#decisions);
  }
  set decisions(value) {
    // Rebuilt through decide(), so a malformed decision throws a TypeError here, not later.
    let project = { decisions: {} };
    for (const [id, byCode] of Object.entries(value ?? {})) {
      for (const [code, d] of Object.entries(byCode ?? {})) project = decide(project, id, code, d);
    }
    this.#decisions = project.decisions;
    this.#render();
  }

  /** Resolves (to the element) once the engine is loaded and the first result shown. */
  get ready() {
    return this.#ready;
  }

  // ---- work ----

  get #lang() {
    return this.getAttribute("lang") === "en" ? "en" : "th";
  }

  get #options() {
    return { grade: this.grade || null, area: this.area || null, topK: this.topK };
  }

  /** Ranks or aligns again (after a change of text, outcomes or options). */
  #recompute() {
    if (!this.#engine) return;
    this.#error = null;
    try {
      if (this.mode === "search") {
        const text = this.#view.text;
        this.#query = text.trim() ? this.#engine.normalize(text) : "";
        this.#matches = text.trim() ? this.#engine.rank(text, this.#options) : [];
        this.#clauses = text.trim() ? this.#engine.clauses(text) : [];
      } else {
        this.#alignment = this.#outcomes.length ? this.#engine.align(this.#outcomes, this.#options) : null;
      }
    } catch (e) {
      this.#matches = [];
      this.#alignment = null;
      this.#fail(errorDetail(e));
    }
  }

  #typed() {
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => {
      this.#typing = 0;
      if (!this.#engine) return;
      this.#recompute();
      this.#render();
      this.#searchChanged();
    }, TYPING_PAUSE_MS);
  }

  /** Tells the page the ranking follows the text (after typing or a change of options). */
  #searchChanged() {
    if (!this.#engine || this.#error) return;
    this.#dispatch("sapan-change", { query: this.#view.text, matches: structuredClone(this.#matches) });
  }

  /** Stops the `src` file loading, if one is: its request is aborted and its result, if any, ignored. */
  #cancelLoad() {
    this.#loadToken += 1;
    this.#fetching?.abort();
    this.#fetching = null;
  }

  async #load(src) {
    // A newer file replaces the one still loading.
    this.#cancelLoad();
    const token = this.#loadToken;
    const fetching = new AbortController();
    this.#fetching = fetching;
    this.#loading = true;
    this.#render();
    let text;
    try {
      const response = await fetch(new URL(src, document.baseURI), { signal: fetching.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // Bytes, not response.text(): the engine decodes them as the app and the CLI do
      // (Windows-874 from Thai Excel read; a binary file a located problem, not mojibake).
      text = new Uint8Array(await response.arrayBuffer());
    } catch (e) {
      if (token !== this.#loadToken) return;
      this.#fetching = null;
      this.#loading = false;
      const why = e.message || String(e);
      this.#outcomes = [];
      this.#alignment = null;
      this.#render();
      this.#fail({
        code: "fetch_failed",
        messageTh: WIDGET_STRINGS.th.fetchFailed(src, why),
        messageEn: WIDGET_STRINGS.en.fetchFailed(src, why),
        location: { source: src, line: null, column: null, field: null },
      });
      return;
    }
    if (token !== this.#loadToken) return;
    this.#fetching = null;
    this.#loading = false;
    let parsed;
    try {
      parsed = this.#engine.parseOutcomes(text, { name: src });
    } catch (e) {
      this.#fail(errorDetail(e));
      return;
    }
    this.#outcomes = parsed.outcomes;
    this.#problems = [...parsed.problems].sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
    this.#recompute();
    this.#render();
    if (!parsed.outcomes.length) {
      const first = parsed.problems[0];
      this.#fail(
        first
          ? { code: first.code, messageTh: first.messageTh, messageEn: first.messageEn, location: first.location }
          : {
              code: "missing_field",
              messageTh: WIDGET_STRINGS.th.emptyFile(src),
              messageEn: WIDGET_STRINGS.en.emptyFile(src),
              location: { source: src, line: null, column: null, field: null },
            },
      );
    }
  }

  /** Shows an error and tells the page (sapan-error), with the engine's fields. */
  #fail(detail) {
    this.#error = detail;
    this.#view.showError(detail, this.#lang);
    this.#dispatch("sapan-error", detail);
  }

  #dispatch(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- what is shown ----

  /** The state the view shows. */
  get #state() {
    return {
      lang: this.#lang,
      mode: this.mode,
      grade: this.grade,
      area: this.area,
      src: this.src,
      engine: Boolean(this.#engine),
      // The competencies' names, which label a bundled outcome's competency clauses.
      competencies: competenciesOf(this.#engine),
      loading: this.#loading,
      query: this.#query,
      matches: this.#matches,
      clauses: this.#clauses,
      alignment: this.#alignment,
      decisions: this.#decisions,
      problems: this.#problems,
      error: this.#error,
    };
  }

  #render() {
    this.#view.render(this.#state);
  }

  /** Confirm or reject (again: take back) a suggestion, as the teacher app records it. */
  #toggle(kind, id, match) {
    const current = this.#decisions[id]?.[match.code]?.status;
    // A suggestion at "none" that a teacher confirms counts as partial: the engine saw little in common.
    const relation = match.relation === "aligned" ? "aligned" : "partial";
    const decision = current === kind ? null : { status: kind, relation, score: match.score };
    this.#decisions = decide({ decisions: this.#decisions }, id, match.code, decision).decisions;
    this.#view.showDecision(this.#state, kind, id, match.code, decision);
    this.#dispatch("sapan-change", {
      decisions: this.decisions,
      outcomeId: id,
      code: match.code,
      decision: decision ? { ...this.#decisions[id][match.code] } : null,
    });
  }
}

/** An outcome as given (string or object), copied with only the fields the engine reads. */
function copyOutcome(o) {
  if (typeof o === "string") return o;
  const out = { text: String(o?.text ?? "") };
  if (o?.id !== undefined && o.id !== null) out.id = String(o.id);
  if (o?.grade !== undefined && o.grade !== null) out.grade = o.grade;
  if (o?.area !== undefined && o.area !== null) out.area = o.area;
  // The draft framework's stage and area, as parseOutcomes gives them.
  if (o?.stage !== undefined && o.stage !== null) out.stage = o.stage;
  if (o?.frameworkArea !== undefined && o.frameworkArea !== null) out.frameworkArea = o.frameworkArea;
  if (typeof o?.line === "number") out.line = o.line;
  return out;
}

/** The page-facing fields of a SapanError (or of any other error). */
function errorDetail(e) {
  if (e?.name === "SapanError") return { code: e.code, messageTh: e.messageTh, messageEn: e.messageEn, location: e.location ?? null };
  const message = String(e?.message ?? e);
  return { code: "internal", messageTh: message, messageEn: message, location: null };
}
