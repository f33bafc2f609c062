// The free-text view: any objective typed or pasted, the matching indicators
// listed as the teacher types (ranking one text takes well under a
// millisecond, so there is no button to press). Nothing here touches the project.
import { h, fill } from "../dom.js";
import { relationName, scoreText, competenciesOf } from "../domain.js";
import { marked, querySpans, indicatorSpans } from "../highlight.js";
import { answersText, clausedText, isBundled } from "../clauses.js";
import { tr } from "./i18n.js";
import { COMMON, FREE } from "./work-i18n.js";
import { areaSelect, focusKey, gradeSelect } from "./work-parts.js";

export function mount(section, ctx) {
  section.classList.add("work-view");
  const view = { section, ctx, text: "", grade: null, area: null };
  render(view);
  ctx.store.subscribe((state, prev) => state.lang !== prev.lang && render(view));
}

function render(view) {
  const { section, ctx } = view;
  const { lang } = ctx.store.get();
  const t = tr(FREE, lang);
  const active = document.activeElement;
  const key = active && section.contains(active) ? active.dataset?.focusKey : null;

  const textarea = h("textarea", {
    id: "free-text",
    rows: 4,
    value: view.text,
    dataset: { focusKey: "free-text" },
    oninput: () => {
      view.text = textarea.value;
      showResults(view);
    },
  });
  fill(
    section,
    h("h2", { tabindex: "-1" }, t("heading")),
    h("p", {}, t("intro")),
    h(
      "div",
      { class: "work-free-input" },
      h("div", { class: "work-field work-free-text" }, h("label", { for: "free-text" }, t("label")), textarea),
      h(
        "div",
        { class: "work-free-filters" },
        gradeSelect("free-grade", view.grade, lang, (grade) => {
          view.grade = grade;
          showResults(view);
        }),
        areaSelect("free-area", view.area, lang, (area) => {
          view.area = area;
          showResults(view);
        }),
      ),
    ),
    h("p", { id: "free-status", class: "work-progress", role: "status", "aria-live": "polite" }),
    h("div", { id: "free-query" }),
    h("ol", { id: "free-results", class: "work-suggestions", "aria-label": t("results") }),
  );
  showResults(view);
  if (key) focusKey(section, key);
}

function showResults(view) {
  const { section, ctx } = view;
  const lang = ctx.store.get().lang;
  const t = tr(FREE, lang);
  const c = tr(COMMON, lang);
  const status = section.querySelector("#free-status");
  const query = section.querySelector("#free-query");
  const results = section.querySelector("#free-results");
  if (!view.text.trim()) {
    status.textContent = t("prompt");
    query.replaceChildren();
    results.replaceChildren();
    return;
  }
  const matches = ctx.engine.rank(view.text, { topK: 10, grade: view.grade, area: view.area });
  // Evidence spans index the normalised text, so that is the text marked.
  const normalized = ctx.engine.normalize(view.text);
  // A long text bundling several topics: its clauses numbered in it, and each result
  // says which clause it answers (the list stays in rank order, as typed text changes).
  const clauses = ctx.engine.clauses(view.text);
  const bundled = isBundled({ clauses });
  const spans = matches.flatMap(querySpans);
  status.textContent = t("count", matches.length);
  query.replaceChildren(
    matches.length
      ? h(
          "p",
          { class: "work-lo-text" },
          h("span", { class: "work-hint" }, t("query")),
          " ",
          bundled ? clausedText(normalized, clauses, spans, lang, competenciesOf(ctx.engine)) : marked(normalized, spans),
        )
      : "",
  );
  results.replaceChildren(
    ...matches.map((m) =>
      h(
        "li",
        { class: "work-suggestion" },
        h(
          "p",
          { class: "work-suggestion-head" },
          h("strong", { class: "code" }, m.code),
          " ",
          h("span", { class: m.relation }, relationName(m.relation, lang)),
          " ",
          h("span", { class: "work-score" }, `${c("score")} ${scoreText(m.score)}`),
          bundled && answersText(m, clauses, lang, { one: true }) ? [" ", h("span", { class: "work-tag" }, answersText(m, clauses, lang, { one: true }))] : null,
        ),
        h("p", { class: "work-indicator-text" }, marked(m.text, indicatorSpans(m))),
      ),
    ),
  );
}
