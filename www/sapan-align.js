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
// Nothing is ever parsed as HTML: every text, the page's or a file's or the
// engine's, becomes a Text node through dom.js. The only requests the widget
// makes are the engine's (sapan.js, sapan_bg.wasm, next to engine.js) and the
// `src` file the page names.
import { loadEngine } from "./engine.js";
import { h, fill, srOnly } from "./dom.js";
import { marked, querySpans, indicatorSpans } from "./highlight.js";
import { AREAS, relationName, scoreText, gradeName, areaName } from "./domain.js";
import { decide } from "./project.js";
import { WIDGET_STRINGS, widgetStrings } from "./widget-i18n.js";
import { widgetSheet } from "./widget-styles.js";

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
  #typing = 0;
  #loadToken = 0;
  #loading = false;
  #search = null;
  #resolveReady;
  #rejectReady;
  #ready = new Promise((resolve, reject) => {
    this.#resolveReady = resolve;
    this.#rejectReady = reject;
  });
  // Parts built once and kept: the textarea keeps what was typed (and focus)
  // across language and mode changes.
  #root;
  #status;
  #errorBox;
  #problemList;
  #controls;
  #list;
  #input;

  constructor() {
    super();
    // Nobody may be listening to `ready`; a failure is still reported by sapan-error.
    this.#ready.catch(() => {});
    const shadow = this.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [widgetSheet];
    this.#status = h("p", { class: "status", part: "status", role: "status", "aria-live": "polite" });
    this.#errorBox = h("div", { class: "error", part: "error", role: "alert", hidden: true });
    this.#problemList = h("ul", { class: "problems", part: "problems", hidden: true });
    this.#controls = h("div", { class: "controls" });
    this.#list = h("div", { class: "list" });
    this.#input = h("textarea", { part: "input", rows: 3, spellcheck: "false", oninput: () => this.#typed() });
    // The status sits between the controls and the list it counts.
    this.#root = h("div", { class: "root", part: "container" }, this.#errorBox, this.#problemList, this.#controls, this.#status, this.#list);
    shadow.append(this.#root);
  }

  connectedCallback() {
    // A page may set properties before this class was defined: those landed
    // on the instance itself and hide the setters; move them through the setters.
    for (const name of UPGRADED) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#render();
    if (this.#engine) return;
    loadEngine().then(
      (engine) => {
        this.#engine = engine;
        this.#recompute();
        this.#render();
        if (this.src) this.#load(this.src);
        this.#resolveReady(this);
        this.#dispatch("sapan-ready", { version: engine.version });
      },
      (e) => {
        this.#fail({ code: "engine_failed", messageTh: WIDGET_STRINGS.th.engineFailed, messageEn: WIDGET_STRINGS.en.engineFailed, location: null });
        this.#rejectReady(e);
      },
    );
  }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === "src") {
      if (this.#engine && value) this.#load(value);
      return;
    }
    if (name === "lang") {
      this.#render();
      return;
    }
    // grade, area, top-k and mode change what is ranked.
    this.#recompute();
    this.#render();
    if (this.mode === "search" && this.#input.value.trim()) this.#searchChanged();
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

  /** The outcomes align mode shows, as the engine read them (`{id, text, grade, area, line}`). */
  get outcomes() {
    return this.#alignment ? this.#alignment.outcomes.map((oa) => ({ ...oa.outcome })) : this.#outcomes.map(copyOutcome);
  }
  /** Strings or `{id?, text, grade?, area?}`; replaces the list (and any `src` file still loading). */
  set outcomes(list) {
    this.#loadToken += 1;
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
        const text = this.#input.value;
        this.#query = text.trim() ? this.#engine.normalize(text) : "";
        this.#matches = text.trim() ? this.#engine.rank(text, this.#options) : [];
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
      if (!this.#engine) return;
      this.#recompute();
      this.#render();
      this.#searchChanged();
    }, TYPING_PAUSE_MS);
  }

  /** Tells the page the ranking follows the text (after typing or a change of options). */
  #searchChanged() {
    if (!this.#engine || this.#error) return;
    this.#dispatch("sapan-change", { query: this.#input.value, matches: structuredClone(this.#matches) });
  }

  async #load(src) {
    const token = ++this.#loadToken;
    this.#loading = true;
    this.#render();
    let text;
    try {
      const response = await fetch(new URL(src, document.baseURI));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // Bytes, not response.text(): the engine decodes them as the app and the CLI do
      // (Windows-874 from Thai Excel read; a binary file a located problem, not mojibake).
      text = new Uint8Array(await response.arrayBuffer());
    } catch (e) {
      if (token !== this.#loadToken) return;
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
    this.#showError();
    this.#dispatch("sapan-error", detail);
  }

  #dispatch(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- rendering ----

  #showError() {
    const t = widgetStrings(this.#lang);
    const e = this.#error;
    this.#errorBox.hidden = !e;
    if (e) fill(this.#errorBox, h("strong", {}, t.error), " ", this.#lang === "en" ? e.messageEn : e.messageTh);
    else this.#errorBox.replaceChildren();
  }

  #render() {
    const lang = this.#lang;
    const t = widgetStrings(lang);
    this.#root.lang = lang;
    // Focus is kept by a stable key: re-rendering replaces the buttons.
    const focusedKey = this.shadowRoot.activeElement?.dataset?.key;
    this.#showError();
    this.#problemList.hidden = !this.#problems.length;
    fill(
      this.#problemList,
      this.#problems.length ? h("li", { class: "sr-only" }, t.problems(this.#problems.length)) : null,
      this.#problems.map((p) => h("li", { part: "problem" }, lang === "en" ? p.messageEn : p.messageTh)),
    );
    if (this.mode === "search") this.#renderSearch(t, lang);
    else this.#renderAlign(t, lang);
    if (focusedKey) [...this.shadowRoot.querySelectorAll("[data-key]")].find((el) => el.dataset.key === focusedKey)?.focus();
  }

  #scopeText(t, lang) {
    const grade = this.grade;
    const area = this.area;
    const g = grade ? (/^[456]$/.test(grade) ? gradeName(Number(grade), lang) : grade) : t.allGrades;
    // The engine takes an area's letter or its name; the scope line names it in the widget's language.
    const known = AREAS.find((x) => [x.code, x.th, x.en.toLowerCase()].includes(area?.trim().toLowerCase()));
    const a = !area ? t.allAreas : known ? areaName(known.code, lang) : area;
    return `${t.scope}: ${g} · ${a}`;
  }

  #renderSearch(t, lang) {
    // Built once and then updated in place: moving the textarea would blur it mid-typing.
    this.#search ??= {
      label: h("span"),
      hint: h("span", { class: "hint" }),
      scope: h("p", { class: "scope", part: "scope" }),
      results: h("ol", { class: "results", part: "results" }),
    };
    const s = this.#search;
    if (!this.#list.contains(s.results)) {
      fill(this.#controls, h("label", { part: "label" }, s.label, h("br"), s.hint, this.#input), s.scope);
      fill(this.#list, s.results);
    }
    s.label.textContent = t.inputLabel;
    s.hint.textContent = t.inputHint;
    s.scope.textContent = this.#scopeText(t, lang);
    s.results.setAttribute("aria-label", t.results);
    fill(s.results, this.#matches.map((m) => this.#matchItem(m, t, lang, this.#query)));
    if (!this.#engine) this.#status.textContent = t.loading;
    else if (!this.#input.value.trim()) this.#status.textContent = t.typeToSearch;
    else this.#status.textContent = this.#matches.length ? t.count(this.#matches.length) : t.none;
  }

  #matchItem(m, t, lang, query) {
    return h(
      "li",
      { class: "match", part: "match", dataset: { code: m.code } },
      h(
        "div",
        { class: "head" },
        h("span", { class: "code", part: "code" }, srOnly(`${t.code} `), m.code),
        h("span", { class: `relation ${m.relation}`, part: "relation" }, relationName(m.relation, lang)),
        h("span", { class: "score", part: "score" }, `${t.score} ${scoreText(m.score)}`),
      ),
      h("p", { class: "indicator", part: "indicator" }, marked(m.text, indicatorSpans(m))),
      query ? h("p", { class: "query", part: "query" }, srOnly(`${t.sharedTerms}. `), `${t.yourText} `, marked(query, querySpans(m))) : null,
    );
  }

  #renderAlign(t, lang) {
    const alignment = this.#alignment;
    const reviewed = alignment ? alignment.outcomes.filter((oa) => this.#decisions[oa.outcome.id]).length : 0;
    fill(this.#controls, h("p", { class: "scope", part: "scope" }, this.#scopeText(t, lang)));
    fill(
      this.#list,
      alignment
        ? h(
            "ol",
            { class: "outcomes", part: "outcomes", "aria-label": t.outcomes },
            alignment.outcomes.map((oa) => this.#outcomeItem(oa, t, lang)),
          )
        : h("p", { class: "empty", part: "empty" }, t.noOutcomes),
    );
    if (!this.#engine) this.#status.textContent = t.loading;
    else if (this.#loading) this.#status.textContent = t.loadingFile(this.src);
    else if (alignment) this.#status.textContent = t.outcomeCount(alignment.outcomes.length, reviewed);
    else this.#status.textContent = t.noOutcomes;
  }

  #outcomeItem(oa, t, lang) {
    const id = oa.outcome.id;
    return h(
      "li",
      { class: "outcome", part: "outcome", dataset: { outcome: id } },
      h("p", { class: "outcome-head", part: "outcome-text" }, h("span", { class: "outcome-id" }, id), oa.outcome.text),
      oa.matches.length
        ? h(
            "ol",
            { class: "results", part: "results", "aria-label": t.suggestions(id) },
            oa.matches.map((m) => {
              const item = this.#matchItem(m, t, lang, null);
              const status = this.#decisions[id]?.[m.code]?.status;
              if (status === "rejected") item.classList.add("rejected");
              item.append(
                h(
                  "div",
                  { class: "decide" },
                  this.#decisionButton("confirmed", id, m, status, t),
                  this.#decisionButton("rejected", id, m, status, t),
                ),
              );
              return item;
            }),
          )
        : h("p", { class: "empty" }, t.noSuggestions),
    );
  }

  #decisionButton(kind, id, match, status, t) {
    const confirm = kind === "confirmed";
    return h(
      "button",
      {
        type: "button",
        class: confirm ? "confirm" : "reject",
        part: `button ${confirm ? "confirm" : "reject"}`,
        "aria-pressed": String(status === kind),
        dataset: { key: `${kind}\u0000${id}\u0000${match.code}` },
        onclick: () => this.#toggle(kind, id, match),
      },
      confirm ? t.confirm : t.reject,
      srOnly(t.buttonContext(match.code, id)),
    );
  }

  /** Confirm or reject (again: take back) a suggestion, as the teacher app records it. */
  #toggle(kind, id, match) {
    const current = this.#decisions[id]?.[match.code]?.status;
    // A suggestion at "none" that a teacher confirms counts as partial: the engine saw little in common.
    const relation = match.relation === "aligned" ? "aligned" : "partial";
    const decision = current === kind ? null : { status: kind, relation, score: match.score };
    this.#decisions = decide({ decisions: this.#decisions }, id, match.code, decision).decisions;
    // Updated in place rather than re-rendered, so focus and the reading position stay.
    const status = decision?.status;
    for (const button of this.shadowRoot.querySelectorAll("button[data-key]")) {
      const [kind2, id2, code2] = button.dataset.key.split("\u0000");
      if (id2 !== id || code2 !== match.code) continue;
      button.setAttribute("aria-pressed", String(status === kind2));
      button.closest(".match").classList.toggle("rejected", status === "rejected");
    }
    const t = widgetStrings(this.#lang);
    const reviewed = this.#alignment.outcomes.filter((oa) => this.#decisions[oa.outcome.id]).length;
    const said = decision ? (kind === "confirmed" ? t.confirmed : t.rejected)(match.code) : t.undone(match.code);
    this.#status.textContent = `${said} · ${t.outcomeCount(this.#alignment.outcomes.length, reviewed)}`;
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
  if (typeof o?.line === "number") out.line = o.line;
  return out;
}

/** The page-facing fields of a SapanError (or of any other error). */
function errorDetail(e) {
  if (e?.name === "SapanError") return { code: e.code, messageTh: e.messageTh, messageEn: e.messageEn, location: e.location ?? null };
  const message = String(e?.message ?? e);
  return { code: "internal", messageTh: message, messageEn: message, location: null };
}
