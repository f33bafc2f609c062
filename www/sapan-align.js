// <sapan-align>: Sapan in any page, as one element. `mode="search"` ranks the
// indicators for a text as it is typed; `mode="align"` lists learning
// outcomes (from `src` or the `outcomes` property) with suggested indicators
// to confirm or reject. This module is the class only; widget.js registers
// it, so a page may register it under another name or subclass it first.
//
// Attributes (kebab-case primitives): lang, grade, area, mode, src, top-k,
// min-score, value, theme, loading.
// Properties: value (the search text), outcomes, decisions (rich data); read-only ready.
// Events (bubbling, composed CustomEvents): sapan-ready, sapan-change,
// sapan-select (a reader picked a suggestion in search mode), sapan-error.
//
// The class keeps to attributes, properties, lifecycle and events; what it
// shows is built by sapan-align-view.js from its state. The engine runs in one
// module Worker shared by every widget of the page (widget-engine.js), so the
// page's main thread never runs its long tasks; every call to it is
// asynchronous, and an answer that a newer request has overtaken is dropped.
// The only requests the widget makes are the engine's (widget-worker.js,
// sapan.js, sapan_bg.wasm, next to this module) and the `src` file the page names.
//
// `loading="lazy"` asks for the engine only when the widget is first focused or
// scrolled into view, so a page that shows the widget below the fold pays
// nothing for it until a reader gets there.
//
// Lifecycle. The engine is asked for once per element. Removing the element
// cancels what it had under way (the typing pause, the `src` request), but
// only once the removal has held to the end of the current task: a page that
// moves the element (removed and inserted again at once) changes nothing, as
// emoji-picker-element and Vue's custom elements treat a move. Inserted
// again later, it takes up what was cancelled. `sapan-ready` is sent once per
// element, the first time it is in the page with its engine loaded.
import { loadWidgetEngine } from "./widget-engine.js";
import { decide } from "./project.js";
import { competenciesOf } from "./domain.js";
import { WIDGET_STRINGS, widgetStrings as widgetStringsFor } from "./widget-i18n.js";
import { SapanAlignView } from "./sapan-align-view.js";

const MODES = ["search", "align"];
const DEFAULT_TOP_K = 5;
// Short enough that ranking follows typing, long enough that a fast typist
// does not rank every keystroke. The ranking runs in the worker, so the page
// never waits for it; an answer a newer keystroke has overtaken is dropped.
const TYPING_PAUSE_MS = 50;
// Properties a page may set before the element is defined (upgrade pattern).
const UPGRADED = ["outcomes", "decisions", "mode", "grade", "area", "src", "topK", "minScore", "value", "theme", "loading"];
/** The most suggestions a widget shows (`top-k` is clamped to 1…MAX_TOP_K). */
export const MAX_TOP_K = 50;

// Outside a browser (Node: server rendering, test runners) there is no HTMLElement: the
// module still loads, and widget.js registers nothing there.
export class SapanAlign extends (globalThis.HTMLElement ?? class {}) {
  static observedAttributes = ["lang", "grade", "area", "mode", "src", "top-k", "min-score", "value", "theme", "loading"];

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
  // Each request to the engine takes a number; an answer to an older one is dropped.
  #computeToken = 0;
  #loadToken = 0;
  // loading="lazy": what waits for the first focus or view before asking for the engine.
  #lazyWatch = null;
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
  #shadowView = null;
  // The first render waits for a task of its own (see connectedCallback); until then nothing is drawn.
  #firstRender = 0;
  #shown = false;

  constructor() {
    super();
    // Nobody may be listening to `ready`; a failure is still reported by sapan-error.
    this.#ready.catch(() => {});
    this.attachShadow({ mode: "open" });
  }

  /**
   * The view, built on first use: an element upgraded while the page is parsed
   * costs only its shadow root then, and its parts are built when it is first shown.
   */
  get #view() {
    this.#shadowView ??= new SapanAlignView(this.shadowRoot, {
      onInput: () => this.#typed(),
      onDecide: (kind, id, match) => this.#toggle(kind, id, match),
      onPick: (match) => this.#picked(match),
    });
    return this.#shadowView;
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
    // The first render in a task of its own: a page with several widgets does
    // not build them all in the task that parses it (one long task), and the
    // page's first layout does not wait for them.
    if (this.#shown) this.#render();
    else
      this.#firstRender ||= setTimeout(() => {
        this.#shown = true;
        this.#render();
      }, 0);
    if (this.#engineAsked) {
      this.#wake();
      return;
    }
    if (this.loading === "lazy") this.#watchForUse();
    else this.#askEngine();
  }

  /** Asks for the page's shared engine, once per element. */
  #askEngine() {
    if (this.#engineAsked) return;
    this.#engineAsked = true;
    this.#lazyWatch?.();
    this.#lazyWatch = null;
    this.#render();
    loadWidgetEngine().then(
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

  /** loading="lazy": the engine is asked for on the first focus inside the widget or once it is in view. */
  #watchForUse() {
    if (this.#lazyWatch) return;
    const start = () => this.#askEngine();
    this.addEventListener("focusin", start, { once: true });
    let observer = null;
    if (typeof IntersectionObserver === "function") {
      observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start());
      observer.observe(this);
    }
    this.#lazyWatch = () => {
      this.removeEventListener("focusin", start);
      observer?.disconnect();
    };
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
      const e = this.#engineError;
      // The cause and what to change, when widget-engine.js could tell (a policy directive, a missing file).
      this.#fail({
        code: "engine_failed",
        cause: e.loadCause ?? "unknown",
        messageTh: e.messageTh ?? WIDGET_STRINGS.th.engineFailed,
        messageEn: e.messageEn ?? WIDGET_STRINGS.en.engineFailed,
        location: null,
      });
      this.#render();
      this.#rejectReady(e);
      return;
    }
    if (!this.#engine) return;
    this.#live = true;
    const first = !this.#announced;
    const typed = this.#typingPending;
    const load = first || this.#srcPending;
    this.#srcPending = false;
    this.#typingPending = false;
    if (load && this.src) this.#load(this.src);
    if (!first && !typed) return;
    this.#refresh().then((shown) => {
      // Removed before the answer came: the text is ranked again when back in the page.
      if (!shown && !this.#live) this.#typingPending ||= typed;
      else if (shown && typed && !first) this.#searchChanged();
    });
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
    if (name === "lang" || name === "theme") {
      this.#render();
      return;
    }
    if (name === "loading") {
      if (this.isConnected && !this.#engineAsked && value !== "lazy") this.#askEngine();
      return;
    }
    if (name === "value") {
      // Like an input's: the attribute sets the text; the property reads what is typed now.
      this.#setText(value ?? "");
      return;
    }
    // grade, area, top-k, min-score and mode change what is ranked.
    this.#rerank();
  }

  /** After a change of options or text set by the page: rank again at once, and say so in search mode. */
  #rerank() {
    if (!this.#engine || !this.#live) {
      this.#render();
      return;
    }
    this.#refresh().then((shown) => {
      if (shown && this.mode === "search") this.#searchChanged();
    });
  }

  #setText(text) {
    this.#view.text = String(text);
    clearTimeout(this.#typing);
    this.#typing = 0;
    this.#rerank();
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
  /** `top-k`: how many suggestions, clamped to 1…50; 5 when absent or not a number. */
  get topK() {
    const n = Number.parseInt(this.getAttribute("top-k"), 10);
    return Number.isInteger(n) ? Math.min(Math.max(n, 1), MAX_TOP_K) : DEFAULT_TOP_K;
  }
  set topK(value) {
    this.#reflect("top-k", value);
  }
  /** `min-score`: suggestions below this score (0…1) are left out; null (none) when absent or not a number. */
  get minScore() {
    const n = Number.parseFloat(this.getAttribute("min-score"));
    return Number.isFinite(n) ? Math.min(Math.max(n, 0), 1) : null;
  }
  set minScore(value) {
    this.#reflect("min-score", value);
  }
  /** `theme`: "light", "dark", or "auto" (the reader's system setting, the default). */
  get theme() {
    const theme = this.getAttribute("theme");
    return theme === "light" || theme === "dark" ? theme : "auto";
  }
  set theme(value) {
    this.#reflect("theme", value);
  }
  /** `loading`: "eager" (the default: the engine is asked for at once) or "lazy" (on first focus or view). */
  get loading() {
    return this.getAttribute("loading") === "lazy" ? "lazy" : "eager";
  }
  set loading(value) {
    this.#reflect("loading", value);
  }
  /** The text in search mode, as typed; setting it ranks at once (no typing pause). */
  get value() {
    return this.#view.text;
  }
  set value(text) {
    this.#setText(text ?? "");
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
    this.#alignment = null;
    this.#rerank();
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
    const options = { grade: this.grade || null, area: this.area || null, topK: this.topK };
    if (this.minScore !== null) options.minScore = this.minScore;
    return options;
  }

  /**
   * Ranks or aligns again (after a change of text, outcomes or options) and shows it.
   * Resolves to true when this answer was shown, false when a newer request
   * overtook it or the element left the page meanwhile.
   */
  async #refresh() {
    if (!this.#engine) return false;
    const token = ++this.#computeToken;
    const current = () => token === this.#computeToken && this.#live;
    try {
      if (this.mode === "search") {
        const text = this.#view.text;
        const found = text.trim() ? await this.#engine.search(text, this.#options) : { query: "", matches: [], clauses: [] };
        if (!current()) return false;
        this.#query = found.query;
        this.#matches = found.matches;
        this.#clauses = found.clauses;
      } else {
        const alignment = this.#outcomes.length ? await this.#engine.align(this.#outcomes, this.#options) : null;
        if (!current()) return false;
        this.#alignment = alignment;
      }
      // An error of an earlier ranking is over (as before, the error box shows the latest answer).
      this.#error = null;
    } catch (e) {
      if (!current()) return false;
      this.#matches = [];
      this.#alignment = null;
      this.#error = errorDetail(e);
    }
    this.#render();
    if (this.#error) this.#dispatch("sapan-error", this.#error);
    // The first answer shown (whether from the first ranking or from the src file) makes it ready.
    if (!this.#announced) {
      this.#announced = true;
      this.#resolveReady(this);
      this.#dispatch("sapan-ready", { version: this.#engine.version });
    }
    return true;
  }

  #typed() {
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => {
      this.#typing = 0;
      if (!this.#engine) return;
      this.#refresh().then((shown) => shown && this.#searchChanged());
    }, TYPING_PAUSE_MS);
  }

  /** A reader picked a suggestion (Enter on the active option, or a click): the page hears it. */
  #picked(match) {
    this.#view.announce(widgetStringsFor(this.#lang).picked(match.code));
    this.#dispatch("sapan-select", { indicator: structuredClone(match), query: this.#view.text });
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
      parsed = await this.#engine.parse(text, { name: src });
    } catch (e) {
      if (token !== this.#loadToken) return;
      this.#fail(errorDetail(e));
      return;
    }
    if (token !== this.#loadToken) return;
    this.#outcomes = parsed.outcomes;
    this.#problems = [...parsed.problems].sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
    this.#alignment = null;
    const shown = await this.#refresh();
    if (!shown || token !== this.#loadToken) return;
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
      engineFailed: Boolean(this.#engineError),
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
    if (this.#shown) this.#view.render(this.#state);
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
