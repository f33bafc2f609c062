// What <sapan-align> shows: the shadow DOM it builds once and updates from the
// element's state. The element (sapan-align.js) owns the state, the engine, the
// lifecycle and the events; this module only turns a state into nodes, and
// tells the element what the reader did (typed, picked a suggestion, pressed
// Confirm or Reject).
//
// Search mode is the WAI-ARIA combobox pattern: a text box (role combobox)
// that controls a listbox of suggestions; Down and Up move the active option
// (aria-activedescendant, so focus stays in the text box), Enter picks it,
// Escape closes the list. Align mode gives each outcome one tab stop (roving
// tabindex over its Confirm and Reject buttons: Up and Down move between
// suggestions, Left and Right between the two buttons, Home and End to the
// first and last); outcomes are headings, so a screen reader can jump between them.
//
// Nothing is ever parsed as HTML: every text, the page's or a file's or the
// engine's, becomes a Text node through dom.js.
import { h, fill, srOnly } from "./dom.js";
import { marked, querySpans, indicatorSpans } from "./highlight.js";
import { AREAS, relationName, scoreText, gradeName, areaName } from "./domain.js";
import { widgetStrings } from "./widget-i18n.js";
import { styleSheet } from "./widget-styles.js";
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
  #onPick;
  // The combobox: whether the list is open, which option is active (-1: none), and what it lists.
  #expanded = true;
  #active = -1;
  #matches = [];
  // The live region's last words, to say a new ranking even when its words are the same.
  #said = "";
  // Per outcome: the key of its button that holds the outcome's one tab stop.
  #roving = new Map();

  /**
   * Builds the parts into `shadow`. `onInput()` is called as the reader types;
   * `onDecide(kind, outcomeId, match)` when a Confirm or Reject is pressed.
   */
  constructor(shadow, { onInput, onDecide, onPick }) {
    this.#shadow = shadow;
    this.#onDecide = onDecide;
    this.#onPick = onPick;
    shadow.adoptedStyleSheets = [styleSheet()];
    this.#status = h("p", { class: "status", part: "status", role: "status", "aria-live": "polite" });
    this.#errorBox = h("div", { class: "error", part: "error", role: "alert", hidden: true });
    this.#problemList = h("ul", { class: "problems", part: "problems", hidden: true });
    this.#controls = h("div", { class: "controls" });
    this.#list = h("div", { class: "list" });
    this.#input = h("input", {
      type: "text",
      id: "input",
      part: "input",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": "results",
      "aria-describedby": "hint scope",
      autocomplete: "off",
      spellcheck: "false",
      oninput: () => {
        this.#expanded = true;
        onInput();
      },
      onkeydown: (e) => this.#comboKey(e),
    });
    this.#list.addEventListener("keydown", (e) => this.#rovingKey(e));
    // The button last focused (by keys, a click or Tab) holds its outcome's tab stop.
    this.#list.addEventListener("focusin", (e) => {
      const button = e.target.closest?.("button[data-key]");
      const outcome = button?.closest("li.outcome");
      if (!outcome) return;
      this.#roving.set(outcome.dataset.outcome, button.dataset.key);
      for (const b of outcome.querySelectorAll("button[data-key]")) b.tabIndex = b === button ? 0 : -1;
    });
    // The status sits between the controls and the list it counts.
    this.#root = h("div", { class: "root", part: "container" }, this.#errorBox, this.#problemList, this.#controls, this.#status, this.#list);
    shadow.append(this.#root);
  }

  /** The text typed in search mode. */
  get text() {
    return this.#input.value;
  }
  set text(value) {
    this.#input.value = value;
  }

  /** Says `words` in the status (a polite live region), even when they are the words it says already. */
  announce(words) {
    // A live region reads a change; the same words again would be silent, so they alternate a trailing no-break space.
    const next = words === this.#said.trimEnd() && !this.#said.endsWith("\u00a0") ? `${words}\u00a0` : words;
    this.#said = next;
    this.#status.textContent = next;
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
    // Built once and then updated in place: moving the text box would blur it mid-typing.
    this.#search ??= {
      // The text box's name is the label alone; the hint and the scope describe it.
      label: h("label", { part: "label", for: "input" }),
      hint: h("p", { class: "hint", id: "hint" }),
      scope: h("p", { class: "scope", part: "scope", id: "scope" }),
      results: h("ul", { class: "results", part: "results", id: "results", role: "listbox", onclick: (e) => this.#clickOption(e) }),
    };
    const s = this.#search;
    if (!this.#list.contains(s.results)) {
      fill(this.#controls, s.label, s.hint, this.#input, s.scope);
      fill(this.#list, s.results);
    }
    s.label.textContent = t.inputLabel;
    s.hint.textContent = t.inputHint;
    s.scope.textContent = this.#scopeText(state, t);
    s.results.setAttribute("aria-label", t.results);
    // A typed text bundling several topics: each result says which of its clauses it answers.
    const clauses = isBundled({ clauses: state.clauses }) ? state.clauses : null;
    // A new ranking (not a render for another reason, such as the language) resets the active option and is announced.
    const fresh = matches !== this.#matches;
    if (fresh) this.#active = -1;
    this.#matches = matches;
    fill(
      s.results,
      matches.map((m, i) => {
        const item = this.#matchItem(m, t, lang, state.query, clauses);
        item.id = `option-${i}`;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        // The echo of the reader's own text is for the eyes; an option's name is the indicator.
        item.querySelector(".query")?.setAttribute("aria-hidden", "true");
        return item;
      }),
    );
    this.#showCombo();
    if (state.engineFailed) this.#status.textContent = t.engineFailed;
    else if (!state.engine) this.#status.textContent = t.loading;
    else {
      const words = !this.#input.value.trim() ? t.typeToSearch : matches.length ? t.ranked(matches.length, matches[0].code) : t.none;
      if (fresh) this.announce(words);
      else if (this.#said.trimEnd() !== words) this.announce(words);
    }
  }

  /** The combobox's open state and active option, as attributes and classes. */
  #showCombo() {
    const s = this.#search;
    const open = this.#expanded && this.#matches.length > 0;
    s.results.hidden = !open;
    this.#input.setAttribute("aria-expanded", String(open));
    const options = s.results.children;
    for (let i = 0; i < options.length; i++) {
      const active = open && i === this.#active;
      options[i].setAttribute("aria-selected", String(active));
      options[i].classList.toggle("active", active);
    }
    const active = open && this.#active >= 0 ? options[this.#active] : null;
    if (active) {
      this.#input.setAttribute("aria-activedescendant", active.id);
      active.scrollIntoView?.({ block: "nearest" });
    } else this.#input.removeAttribute("aria-activedescendant");
  }

  #comboKey(e) {
    if (e.isComposing || !this.#search) return;
    const n = this.#matches.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!n) return;
      e.preventDefault();
      const down = e.key === "ArrowDown";
      if (!this.#expanded) {
        this.#expanded = true;
        this.#active = down ? 0 : n - 1;
      } else if (e.altKey) {
        // Alt+Down opens the list without moving (APG).
      } else if (this.#active < 0) this.#active = down ? 0 : n - 1;
      else this.#active = (this.#active + (down ? 1 : n - 1)) % n;
      this.#showCombo();
    } else if (e.key === "Enter") {
      if (!this.#expanded || this.#active < 0) return;
      // Picked: inside a partner's form, Enter on a suggestion does not also submit it.
      e.preventDefault();
      this.#pick(this.#active);
    } else if (e.key === "Escape") {
      if (!this.#expanded || !n) return;
      e.preventDefault();
      e.stopPropagation();
      this.#expanded = false;
      this.#active = -1;
      this.#showCombo();
    }
  }

  #clickOption(e) {
    const option = e.target.closest?.("[role=option]");
    if (!option) return;
    const i = [...this.#search.results.children].indexOf(option);
    if (i >= 0) {
      this.#active = i;
      this.#pick(i);
      this.#input.focus();
    }
  }

  #pick(i) {
    const match = this.#matches[i];
    if (!match) return;
    this.#expanded = false;
    this.#showCombo();
    this.#active = -1;
    this.#onPick(match);
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
        : h("p", { class: "empty", part: "empty" }, state.engineFailed ? t.engineFailed : t.noOutcomes),
    );
    this.#applyRoving();
    if (state.engineFailed) this.#status.textContent = t.engineFailed;
    else if (!state.engine) this.#status.textContent = t.loading;
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
        h("h3", { class: "outcome-head", part: "outcome-text" }, this.#outcomeId(id), oa.outcome.text),
        oa.matches.length ? list(oa.matches, t.suggestions(id)) : h("p", { class: "empty" }, t.noSuggestions),
      );
    }
    const { groups, rest } = groupByClause(oa.clauses, oa.matches);
    return h(
      "li",
      { class: "outcome bundled", part: "outcome", dataset: { outcome: id } },
      h("h3", { class: "outcome-head", part: "outcome-text" }, this.#outcomeId(id), clausedText(oa.normalized, oa.clauses, [], lang, competencies)),
      groups.map((g) => {
        const heading = clauseHeading(g.clause, g.index, lang, competencies);
        const empty = emptyClauseText(g, lang);
        return h(
          "section",
          { class: `clause-group is-${g.clause.kind}`, part: "clause", dataset: { clause: String(g.index) } },
          h("h4", { class: "clause-heading", part: "clause-heading" }, heading),
          h("p", { class: "clause-text" }, g.clause.text),
          g.items.length ? list(g.items, `${t.suggestions(id)} · ${heading}`) : null,
          empty ? h("p", { class: g.clause.kind === "content" && !g.also.length ? "empty clause-empty" : "empty" }, empty) : null,
        );
      }),
      rest.length ? list(rest, t.suggestions(id)) : null,
    );
  }

  /** An outcome's id before its text, kept apart from it for a screen reader too ("ตัวอย่าง-1: อ่าน…"). */
  #outcomeId(id) {
    return h("span", { class: "outcome-id" }, id, srOnly(": "));
  }

  /** One tab stop per outcome: the button it holds (the last one used, else the first) is tabbable, the others are not. */
  #applyRoving() {
    for (const outcome of this.#list.querySelectorAll("li.outcome")) {
      const buttons = [...outcome.querySelectorAll("button[data-key]")];
      if (!buttons.length) continue;
      const key = this.#roving.get(outcome.dataset.outcome);
      const holder = buttons.find((b) => b.dataset.key === key) ?? buttons[0];
      for (const b of buttons) b.tabIndex = b === holder ? 0 : -1;
    }
  }

  #rovingKey(e) {
    const button = e.target.closest?.("button[data-key]");
    const outcome = button?.closest("li.outcome");
    if (!outcome || e.altKey || e.ctrlKey || e.metaKey) return;
    const buttons = [...outcome.querySelectorAll("button[data-key]")];
    const i = buttons.indexOf(button);
    const kind = button.dataset.key.split("\u0000")[0];
    const sameKind = buttons.filter((b) => b.dataset.key.startsWith(`${kind}\u0000`));
    const j = sameKind.indexOf(button);
    let to = null;
    if (e.key === "ArrowDown") to = sameKind[j + 1];
    else if (e.key === "ArrowUp") to = sameKind[j - 1];
    else if (e.key === "ArrowRight") to = kind === "confirmed" ? buttons[i + 1] : null;
    else if (e.key === "ArrowLeft") to = kind === "rejected" ? buttons[i - 1] : null;
    else if (e.key === "Home") to = buttons[0];
    else if (e.key === "End") to = buttons[buttons.length - 1];
    else return;
    e.preventDefault();
    // Focusing it moves the tab stop (the focusin listener).
    to?.focus();
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
