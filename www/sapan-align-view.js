// What <sapan-align> shows: the shadow DOM it builds once and updates from the
// element's state. The element (sapan-align.js) owns the state, the engine, the
// lifecycle and the events; this module only turns a state into nodes, and
// tells the element what the reader did (typed, pressed Confirm or Reject).
//
// Nothing is ever parsed as HTML: every text, the page's or a file's or the
// engine's, becomes a Text node through dom.js.
import { h, fill, srOnly } from "./dom.js";
import { marked, querySpans, indicatorSpans } from "./highlight.js";
import { AREAS, relationName, scoreText, gradeName, areaName } from "./domain.js";
import { widgetStrings } from "./widget-i18n.js";
import { widgetSheet } from "./widget-styles.js";
import { answersText, clauseHeading, clausedText, emptyClauseText, groupByClause, isBundled } from "./clauses.js";

/**
 * The state a render shows, as the element hands it over:
 * `{ lang, mode, grade, area, src, engine (loaded?), loading, query, matches,
 *    clauses (of the searched text), alignment, decisions, problems, error, competencies }`.
 * @typedef {object} ViewState
 */

export class SapanAlignView {
  #shadow;
  #onDecide;
  // Parts built once and kept: the textarea keeps what was typed (and focus)
  // across language and mode changes.
  #root;
  #status;
  #errorBox;
  #problemList;
  #controls;
  #list;
  #input;
  #search = null;

  /**
   * Builds the parts into `shadow`. `onInput()` is called as the reader types;
   * `onDecide(kind, outcomeId, match)` when a Confirm or Reject is pressed.
   */
  constructor(shadow, { onInput, onDecide }) {
    this.#shadow = shadow;
    this.#onDecide = onDecide;
    shadow.adoptedStyleSheets = [widgetSheet];
    this.#status = h("p", { class: "status", part: "status", role: "status", "aria-live": "polite" });
    this.#errorBox = h("div", { class: "error", part: "error", role: "alert", hidden: true });
    this.#problemList = h("ul", { class: "problems", part: "problems", hidden: true });
    this.#controls = h("div", { class: "controls" });
    this.#list = h("div", { class: "list" });
    this.#input = h("textarea", { part: "input", rows: 3, spellcheck: "false", oninput: onInput });
    // The status sits between the controls and the list it counts.
    this.#root = h("div", { class: "root", part: "container" }, this.#errorBox, this.#problemList, this.#controls, this.#status, this.#list);
    shadow.append(this.#root);
  }

  /** The text typed in search mode. */
  get text() {
    return this.#input.value;
  }

  /** Shows `error` (`{messageTh, messageEn}`) above everything, or hides the box when null. */
  showError(error, lang) {
    const t = widgetStrings(lang);
    this.#errorBox.hidden = !error;
    if (error) fill(this.#errorBox, h("strong", {}, t.error), " ", lang === "en" ? error.messageEn : error.messageTh);
    else this.#errorBox.replaceChildren();
  }

  /** @param {ViewState} state */
  render(state) {
    const { lang, problems } = state;
    const t = widgetStrings(lang);
    this.#root.lang = lang;
    // Focus is kept by a stable key: re-rendering replaces the buttons.
    const focusedKey = this.#shadow.activeElement?.dataset?.key;
    this.showError(state.error, lang);
    this.#problemList.hidden = !problems.length;
    fill(
      this.#problemList,
      problems.length ? h("li", { class: "sr-only" }, t.problems(problems.length)) : null,
      problems.map((p) => h("li", { part: "problem" }, lang === "en" ? p.messageEn : p.messageTh)),
    );
    if (state.mode === "search") this.#renderSearch(state, t);
    else this.#renderAlign(state, t);
    if (focusedKey) [...this.#shadow.querySelectorAll("[data-key]")].find((el) => el.dataset.key === focusedKey)?.focus();
  }

  /**
   * After a Confirm or Reject: that suggestion's buttons updated in place
   * rather than re-rendered, so focus and the reading position stay, and the
   * status says what was done. `decision` is null when it was taken back.
   */
  showDecision(state, kind, id, code, decision) {
    const status = decision?.status;
    for (const button of this.#shadow.querySelectorAll("button[data-key]")) {
      const [kind2, id2, code2] = button.dataset.key.split("\u0000");
      if (id2 !== id || code2 !== code) continue;
      button.setAttribute("aria-pressed", String(status === kind2));
      button.closest(".match").classList.toggle("rejected", status === "rejected");
    }
    const t = widgetStrings(state.lang);
    const outcomes = state.alignment.outcomes;
    const reviewed = outcomes.filter((oa) => state.decisions[oa.outcome.id]).length;
    const said = decision ? (kind === "confirmed" ? t.confirmed : t.rejected)(code) : t.undone(code);
    this.#status.textContent = `${said} · ${t.outcomeCount(outcomes.length, reviewed)}`;
  }

  #scopeText({ grade, area, lang }, t) {
    const g = grade ? (/^[456]$/.test(grade) ? gradeName(Number(grade), lang) : grade) : t.allGrades;
    // The engine takes an area's letter or its name; the scope line names it in the widget's language.
    const known = AREAS.find((x) => [x.code, x.th, x.en.toLowerCase()].includes(area?.trim().toLowerCase()));
    const a = !area ? t.allAreas : known ? areaName(known.code, lang) : area;
    return `${t.scope}: ${g} · ${a}`;
  }

  #renderSearch(state, t) {
    const { lang, matches } = state;
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
    s.scope.textContent = this.#scopeText(state, t);
    s.results.setAttribute("aria-label", t.results);
    // A typed text bundling several topics: each result says which of its clauses it answers.
    const clauses = isBundled({ clauses: state.clauses }) ? state.clauses : null;
    fill(s.results, matches.map((m) => this.#matchItem(m, t, lang, state.query, clauses)));
    if (!state.engine) this.#status.textContent = t.loading;
    else if (!this.#input.value.trim()) this.#status.textContent = t.typeToSearch;
    else this.#status.textContent = matches.length ? t.count(matches.length) : t.none;
  }

  #matchItem(m, t, lang, query, clauses = null) {
    const answers = clauses ? answersText(m, clauses, lang, { one: true }) : null;
    return h(
      "li",
      { class: "match", part: "match", dataset: { code: m.code } },
      h(
        "div",
        { class: "head" },
        h("span", { class: "code", part: "code" }, srOnly(`${t.code} `), m.code),
        h("span", { class: `relation ${m.relation}`, part: "relation" }, relationName(m.relation, lang)),
        h("span", { class: "score", part: "score" }, `${t.score} ${scoreText(m.score)}`),
        answers ? h("span", { class: "answers" }, answers) : null,
      ),
      h("p", { class: "indicator", part: "indicator" }, marked(m.text, indicatorSpans(m))),
      query ? h("p", { class: "query", part: "query" }, srOnly(`${t.sharedTerms}. `), `${t.yourText} `, marked(query, querySpans(m))) : null,
    );
  }

  #renderAlign(state, t) {
    const { alignment, decisions } = state;
    const reviewed = alignment ? alignment.outcomes.filter((oa) => decisions[oa.outcome.id]).length : 0;
    fill(this.#controls, h("p", { class: "scope", part: "scope" }, this.#scopeText(state, t)));
    fill(
      this.#list,
      alignment
        ? h(
            "ol",
            { class: "outcomes", part: "outcomes", "aria-label": t.outcomes },
            alignment.outcomes.map((oa) => this.#outcomeItem(oa, decisions, t, state.lang, state.competencies ?? [])),
          )
        : h("p", { class: "empty", part: "empty" }, t.noOutcomes),
    );
    if (!state.engine) this.#status.textContent = t.loading;
    else if (state.loading) this.#status.textContent = t.loadingFile(state.src);
    else if (alignment) this.#status.textContent = t.outcomeCount(alignment.outcomes.length, reviewed);
    else this.#status.textContent = t.noOutcomes;
  }

  #outcomeItem(oa, decisions, t, lang, competencies) {
    const id = oa.outcome.id;
    const suggestion = (m) => {
      const item = this.#matchItem(m, t, lang, null);
      const status = decisions[id]?.[m.code]?.status;
      if (status === "rejected") item.classList.add("rejected");
      const answers = bundled ? answersText(m, oa.clauses, lang) : null;
      if (answers) item.querySelector(".head").append(h("span", { class: "answers" }, answers));
      item.append(
        h(
          "div",
          { class: "decide" },
          this.#decisionButton("confirmed", id, m, status, t),
          this.#decisionButton("rejected", id, m, status, t),
        ),
      );
      return item;
    };
    const list = (matches, label) => h("ol", { class: "results", part: "results", "aria-label": label }, matches.map(suggestion));
    // A long outcome bundling several topics: its clauses marked in its text and its
    // suggestions under the clause each answers. One clause (a lesson objective): as before.
    const bundled = isBundled(oa) && oa.normalized;
    if (!bundled) {
      return h(
        "li",
        { class: "outcome", part: "outcome", dataset: { outcome: id } },
        h("p", { class: "outcome-head", part: "outcome-text" }, h("span", { class: "outcome-id" }, id), oa.outcome.text),
        oa.matches.length ? list(oa.matches, t.suggestions(id)) : h("p", { class: "empty" }, t.noSuggestions),
      );
    }
    const { groups, rest } = groupByClause(oa.clauses, oa.matches);
    return h(
      "li",
      { class: "outcome bundled", part: "outcome", dataset: { outcome: id } },
      h(
        "p",
        { class: "outcome-head", part: "outcome-text" },
        h("span", { class: "outcome-id" }, id),
        clausedText(oa.normalized, oa.clauses, [], lang, competencies),
      ),
      groups.map((g) => {
        const heading = clauseHeading(g.clause, g.index, lang, competencies);
        const empty = emptyClauseText(g, lang);
        return h(
          "section",
          { class: `clause-group is-${g.clause.kind}`, part: "clause", dataset: { clause: String(g.index) } },
          h("h3", { class: "clause-heading", part: "clause-heading" }, heading),
          h("p", { class: "clause-text" }, g.clause.text),
          g.items.length ? list(g.items, `${t.suggestions(id)} · ${heading}`) : null,
          empty ? h("p", { class: g.clause.kind === "content" && !g.also.length ? "empty clause-empty" : "empty" }, empty) : null,
        );
      }),
      rest.length ? list(rest, t.suggestions(id)) : null,
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
        onclick: () => this.#onDecide(kind, id, match),
      },
      confirm ? t.confirm : t.reject,
      srOnly(t.buttonContext(match.code, id)),
    );
  }
}
