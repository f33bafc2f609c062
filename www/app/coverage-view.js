// The coverage view: how far the project's LOs cover the indicators, counted
// by the engine (`engine.coverage`) from the alignment with the teacher's
// decisions applied. A summary per learning area × grade (the table a school
// writes into its curriculum document), the LO × indicator matrix (a real
// table, coloured as a heat map; screen readers read the same table), the
// indicators no LO covers, and the LOs that match nothing.
import { h, fill, srOnly } from "../dom.js";
import { AREAS, GRADES, areaName, gradeName, relationName } from "../domain.js";
import { tr } from "./i18n.js";
import { RESULTS } from "./results-i18n.js";
import { summaryTable } from "./results-summary.js";
import {
  groupByAreaGrade,
  includeUnreviewedBox,
  indicatorIndex,
  keepResultOptionsInProject,
  liveView,
  resultOptions,
  reviewedOf,
} from "./results-common.js";

// The matrix filter lasts for the visit; it only changes what is shown.
const filter = { area: "", grade: "", showUncovered: false, page: 0 };
/**
 * LO columns per page of the matrix: 50 LOs × up to 582 indicators is already
 * ~29,000 cells; a project of 10,000 LOs in one table would freeze the page.
 */
export const MATRIX_PAGE = 50;

export function mount(section, ctx) {
  keepResultOptionsInProject(ctx);
  liveView(section, ctx, (view) => render(section, ctx, view));
}

function render(section, ctx, view) {
  const state = ctx.store.get();
  const t = tr(RESULTS, state.lang);
  const heading = h("h2", { tabindex: "-1", id: "coverage-heading" }, t("coverageTitle"));
  if (!state.project.outcomes.length) {
    fill(
      section,
      heading,
      h("p", {}, t("noOutcomes")),
      h("p", { class: "results-actions" },
        h("button", { type: "button", id: "coverage-go-import", onclick: () => ctx.show("import") }, t("goImport")),
        h("button", { type: "button", id: "coverage-go-export", onclick: () => ctx.show("export") }, t("goExport")),
      ),
    );
    return;
  }
  const { reviewed, coverage, cells } = counted(ctx);
  const rerender = () => view.rerender();
  fill(
    section,
    heading,
    h("p", {}, t("coverageIntro", state.project.outcomes.length, t(resultOptions().includeUnreviewed ? "basisAll" : "basisReviewed"))),
    includeUnreviewedBox("coverage-include", state.lang),
    summaryTable(coverage, state.lang),
    filterControls(state, rerender),
    matrix(state, reviewed, cells, ctx.engine, rerender),
    uncoveredList(coverage, state.lang, ctx.engine),
    unmatchedList(coverage, state),
  );
}

/**
 * The alignment as `engine.coverage` needs it: each outcome's id and its
 * matches' codes, scores and relations; the candidates with who covers them
 * left for the engine to recount. Evidence and texts are most of an
 * alignment's size and only slow its way into the engine: with 10,000 LOs
 * the whole alignment took ~30 s to cross into WebAssembly, this ~0.3 s.
 */
export function countable(reviewed) {
  return {
    outcomes: reviewed.outcomes.map((oa) => ({
      outcome: { id: oa.outcome.id, text: "" },
      matches: oa.matches.map((m) => ({ code: m.code, score: m.score, relation: m.relation, review: m.review ?? null })),
    })),
    indicators: reviewed.indicators.map((i) => ({ code: i.code, coveredBy: [] })),
  };
}

let memo = null;
/**
 * The reviewed alignment, its coverage and its matrix cells, counted once
 * per project, alignment and "include unreviewed" choice: turning a page of
 * the matrix or changing its filter only draws again.
 */
function counted(ctx) {
  const { project, alignment } = ctx.store.get();
  const include = resultOptions().includeUnreviewed;
  if (memo?.project !== project || memo.alignment !== alignment || memo.include !== include) {
    const reviewed = reviewedOf(ctx.store.get());
    memo = { project, alignment, include, reviewed, coverage: ctx.engine.coverage(countable(reviewed)), cells: cellsOf(reviewed) };
  }
  return memo;
}

function filterControls(state, rerender) {
  const t = tr(RESULTS, state.lang);
  const areas = AREAS.filter((a) => state.alignment.indicators.some((i) => i.code.startsWith(`${a.code} `)));
  return h(
    "fieldset",
    { class: "results-filter" },
    h("legend", {}, t("filterLegend")),
    h("label", { for: "coverage-area" }, t("area")),
    h(
      "select",
      { id: "coverage-area", onchange: (e) => ((filter.area = e.target.value), rerender()) },
      h("option", { value: "", selected: filter.area === "" }, t("allAreas")),
      areas.map((a) => h("option", { value: a.code, selected: filter.area === a.code }, areaName(a.code, state.lang))),
    ),
    h("label", { for: "coverage-grade" }, t("grade")),
    h(
      "select",
      { id: "coverage-grade", onchange: (e) => ((filter.grade = e.target.value), rerender()) },
      h("option", { value: "", selected: filter.grade === "" }, t("allGrades")),
      GRADES.map((g) => h("option", { value: String(g), selected: filter.grade === String(g) }, gradeName(g, state.lang))),
    ),
    h(
      "span",
      { class: "results-check" },
      h("input", {
        type: "checkbox",
        id: "coverage-show-uncovered",
        checked: filter.showUncovered,
        onchange: (e) => ((filter.showUncovered = e.target.checked), rerender()),
      }),
      " ",
      h("label", { for: "coverage-show-uncovered" }, t("showUncovered")),
    ),
  );
}

function passes(ind) {
  return ind && (!filter.area || ind.area === filter.area) && (!filter.grade || String(ind.grade) === filter.grade);
}

/** Which LO covers which indicator, and how: `code → Map(outcomeId → match)`. */
function cellsOf(reviewed) {
  const cells = new Map();
  for (const oa of reviewed.outcomes) {
    for (const m of oa.matches) {
      if (m.relation === "none") continue;
      if (!cells.has(m.code)) cells.set(m.code, new Map());
      cells.get(m.code).set(oa.outcome.id, m);
    }
  }
  return cells;
}

function matrix(state, reviewed, cells, engine, rerender) {
  const t = tr(RESULTS, state.lang);
  const { byCode } = indicatorIndex(engine);
  // Candidates are the indicators the engine considered; an indicator a
  // teacher added from outside them still gets its row.
  const codes = new Set(state.alignment.indicators.map((i) => i.code));
  for (const code of cells.keys()) codes.add(code);
  const shown = [...codes].filter((c) => passes(byCode.get(c)) && (filter.showUncovered || cells.has(c)));
  const groups = groupByAreaGrade(shown, engine);
  const all = reviewed.outcomes.map((oa) => oa.outcome);
  const pages = Math.max(1, Math.ceil(all.length / MATRIX_PAGE));
  filter.page = Math.min(filter.page, pages - 1);
  const from = filter.page * MATRIX_PAGE;
  const outcomes = all.slice(from, from + MATRIX_PAGE);
  const width = outcomes.length + 1;
  const pager = () => {
    const go = (page, id) => {
      filter.page = page;
      rerender();
      // The pressed button may be disabled now (first or last page): then its twin.
      const el = document.getElementById(id);
      (el && !el.disabled ? el : document.querySelector("#coverage-pager button:not([disabled])"))?.focus();
    };
    return h(
      "nav",
      { id: "coverage-pager", class: "work-pager", "aria-label": t("matrixPager") },
      h("button", { type: "button", id: "coverage-previous", disabled: filter.page === 0, onclick: () => go(filter.page - 1, "coverage-previous") }, t("matrixPrevious")),
      h("span", {}, t("matrixPage", from + 1, from + outcomes.length, all.length)),
      h("button", { type: "button", id: "coverage-next", disabled: filter.page >= pages - 1, onclick: () => go(filter.page + 1, "coverage-next") }, t("matrixNext")),
    );
  };

  const body = groups.map((g) =>
    h(
      "tbody",
      { dataset: { area: g.area, grade: g.grade } },
      h(
        "tr",
        { class: "group-row" },
        h("th", { scope: "rowgroup", colspan: width }, `${areaName(g.area, state.lang)} ${gradeName(g.grade, state.lang)}`),
      ),
      g.codes.map((code) => {
        const ind = byCode.get(code);
        return h(
          "tr",
          { dataset: { code } },
          h("th", { scope: "row" }, h("span", { class: "ind-code" }, code), " ", h("span", { class: "ind-text" }, ind.text)),
          outcomes.map((o) => cell(cells.get(code)?.get(o.id), o, code, state.lang)),
        );
      }),
    ),
  );

  return h(
    "section",
    { class: "results-block", "aria-labelledby": "coverage-matrix-title" },
    h("h3", { id: "coverage-matrix-title" }, t("matrixTitle")),
    h("p", { class: "results-hint" }, t("matrixIntro")),
    shown.length && pages > 1 ? pager() : null,
    shown.length
      ? h(
          "div",
          { class: "matrix-scroll", role: "region", tabindex: "0", "aria-label": t("matrixRegion") },
          h(
            "table",
            { id: "coverage-matrix", class: "matrix" },
            h("caption", {}, pages > 1 ? t("matrixPageCaption", shown.length, from + 1, from + outcomes.length, all.length) : t("matrixCaption", shown.length, outcomes.length)),
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col", class: "corner" }, t("matrixCorner")),
                outcomes.map((o) => h("th", { scope: "col", title: o.text }, o.id, srOnly(`: ${o.text}`))),
              ),
            ),
            body,
          ),
        )
      : h("p", { class: "results-empty" }, t("matrixEmpty")),
  );
}

function cell(match, outcome, code, lang) {
  if (!match) return h("td", { class: "cell-none" });
  const t = tr(RESULTS, lang);
  const rel = relationName(match.relation, lang);
  const review = match.review ? t(match.review) : null;
  return h(
    "td",
    {
      class: `cell-${match.relation}${match.review ? " cell-reviewed" : ""}`,
      title: t("cellTitle", outcome.id, code, review ? `${rel}, ${review}` : rel),
      dataset: { relation: match.relation, review: match.review ?? "" },
    },
    h("span", { "aria-hidden": "true" }, match.relation === "aligned" ? "●" : "◐", match.review ? "✓" : ""),
    srOnly(review ? `${rel}, ${review}` : rel),
  );
}

/** The indicators no LO covers, grouped by area and grade (filtered as the matrix). */
function uncoveredList(coverage, lang, engine) {
  const t = tr(RESULTS, lang);
  const { byCode } = indicatorIndex(engine);
  const codes = coverage.uncovered.filter((c) => passes(byCode.get(c)));
  const groups = groupByAreaGrade(codes, engine);
  return h(
    "section",
    { class: "results-block", id: "coverage-uncovered", "aria-labelledby": "coverage-uncovered-title" },
    h("h3", { id: "coverage-uncovered-title" }, t("uncoveredTitle", codes.length)),
    codes.length
      ? groups.map((g) =>
          h(
            "details",
            { class: "uncovered-group", open: groups.length === 1, dataset: { area: g.area, grade: g.grade } },
            h("summary", {}, `${areaName(g.area, lang)} ${gradeName(g.grade, lang)} — ${t("groupCount", g.codes.length)}`),
            h(
              "ul",
              {},
              g.codes.map((code) =>
                h("li", { dataset: { code } }, h("span", { class: "ind-code" }, code), " ", byCode.get(code).text),
              ),
            ),
          ),
        )
      : h("p", {}, t("uncoveredNone")),
  );
}

function unmatchedList(coverage, state) {
  const t = tr(RESULTS, state.lang);
  const byId = new Map(state.project.outcomes.map((o) => [o.id, o]));
  return h(
    "section",
    { class: "results-block", id: "coverage-unmatched", "aria-labelledby": "coverage-unmatched-title" },
    h("h3", { id: "coverage-unmatched-title" }, t("unmatchedTitle", coverage.unmatchedOutcomes.length)),
    coverage.unmatchedOutcomes.length
      ? h(
          "ul",
          {},
          coverage.unmatchedOutcomes.map((id) =>
            h("li", { dataset: { outcome: id } }, h("span", { class: "lo-id" }, id), " ", byId.get(id)?.text ?? ""),
          ),
        )
      : h("p", {}, t("unmatchedNone")),
  );
}
