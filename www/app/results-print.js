// The printed document (A4, see results.css `@media print`): title, school
// and date; the alignment table the guideline asks for (each LO with its
// indicators, the relation in Thai and English, and the teacher's review);
// the summary per learning area × grade; the indicators no LO covers.
// Hidden on screen, it is the only thing the print stylesheet shows.
import { h } from "../dom.js";
import { RELATIONS, areaName, gradeName, stageName, frameworkAreaName, frameworkAreasOf, competenciesOf } from "../domain.js";
import { tr } from "./i18n.js";
import { RESULTS } from "./results-i18n.js";
import { groupByAreaGrade, indicatorIndex } from "./results-common.js";
import { summaryTable } from "./results-summary.js";
import { clauseHeading, emptyClauseText, groupByClause, isBundled, clauseWords } from "../clauses.js";

/** Both languages, the page's own first: a printed sheet may reach a reader of either. */
function relationBoth(relation, lang) {
  const r = RELATIONS[relation] ?? RELATIONS.none;
  return lang === "en" ? `${r.en} (${r.th})` : `${r.th} (${r.en})`;
}

/**
 * `print-doc` for `reviewed` (the alignment with decisions applied) and its
 * `coverage`; `options` is `{ title, creator, includeUnreviewed }`.
 */
export function printDoc({ reviewed, coverage, engine, lang, options, date = new Date() }) {
  const t = tr(RESULTS, lang);
  const { byCode } = indicatorIndex(engine);
  const dateText = date.toLocaleDateString(lang === "en" ? "en-GB" : "th-TH", { dateStyle: "long" });
  return h(
    "div",
    { class: "print-doc", id: "print-doc" },
    h(
      "header",
      { class: "print-head" },
      h("h2", { class: "print-title" }, options.title.trim() || t("docTitleDefault")),
      options.creator.trim() ? h("p", {}, t("printSchool", options.creator.trim())) : null,
      h("p", {}, t("printDate", dateText)),
      h("p", {}, t(options.includeUnreviewed ? "printBasisAll" : "printBasisReviewed")),
    ),
    h(
      "section",
      { class: "print-section" },
      h("h3", {}, t("printAlignmentTitle")),
      alignmentTable(reviewed, lang, competenciesOf(engine), frameworkAreasOf(engine)),
    ),
    h("section", { class: "print-section print-break" }, summaryTable(coverage, lang, { id: "print-summary" })),
    h(
      "section",
      { class: "print-section print-break" },
      h("h3", {}, t("uncoveredTitle", coverage.uncovered.length)),
      uncoveredTable(coverage, lang, engine, byCode),
    ),
    h("p", { class: "print-foot" }, t("printFooter")),
  );
}

function alignmentTable(reviewed, lang, competencies, draftAreas) {
  const t = tr(RESULTS, lang);
  const columns = 4;
  const matchRow = (m) =>
    h(
      "tr",
      { dataset: { code: m.code, review: m.review ?? "" } },
      h("td", { class: "ind-code" }, m.code),
      h("td", {}, m.text),
      h("td", { class: m.relation }, relationBoth(m.relation, lang)),
      h("td", {}, m.review ? `✓ ${t(m.review)}` : t("unreviewed")),
    );
  // A many-clause outcome: a row naming each clause, then the indicators that answer it
  // (or what it found); a one-clause outcome is one list, as before.
  const clauseRows = (oa) => {
    const { groups, rest } = groupByClause(oa.clauses, oa.matches);
    const row = (label, text) =>
      h("tr", { class: "print-clause" }, h("td", { colspan: columns }, h("strong", {}, label), text ? ` ${text}` : null));
    return [
      groups.map((g) => {
        const empty = emptyClauseText(g, lang);
        return [
          row(`${clauseHeading(g.clause, g.index, lang, competencies)}:`, g.clause.text),
          g.items.map(matchRow),
          empty ? h("tr", {}, h("td", { colspan: columns, class: "print-clause-empty" }, empty)) : null,
        ];
      }),
      rest.length ? [row(clauseWords(lang).whole, null), rest.map(matchRow)] : null,
    ];
  };
  return h(
    "table",
    { class: "print-table", id: "print-alignment" },
    h("caption", {}, t("printAlignmentCaption")),
    h(
      "thead",
      {},
      h("tr", {}, ["code", "indicator", "relation", "reviewedBy"].map((k) => h("th", { scope: "col" }, t(k)))),
    ),
    reviewed.outcomes.map((oa) => {
      const o = oa.outcome;
      const place = [
        o.area ? areaName(o.area, lang) : null,
        o.grade ? gradeName(o.grade, lang) : null,
        o.stage ? stageName(o.stage, lang) : null,
        o.frameworkArea ? frameworkAreaName(o.frameworkArea, lang, draftAreas) : null,
      ].filter(Boolean);
      return h(
        "tbody",
        { dataset: { outcome: o.id } },
        h(
          "tr",
          { class: "print-lo" },
          h(
            "th",
            { scope: "rowgroup", colspan: columns },
            h("span", { class: "lo-id" }, o.id),
            " ",
            o.text,
            place.length ? h("span", { class: "print-place" }, ` (${place.join(" ")})`) : null,
          ),
        ),
        isBundled(oa) && oa.matches.length
          ? clauseRows(oa)
          : oa.matches.length
            ? oa.matches.map(matchRow)
            : h("tr", {}, h("td", { colspan: columns }, t("printNoMatch"))),
      );
    }),
  );
}

function uncoveredTable(coverage, lang, engine, byCode) {
  const t = tr(RESULTS, lang);
  return h(
    "table",
    { class: "print-table", id: "print-uncovered" },
    h("caption", {}, t("printUncoveredCaption")),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("code")), h("th", { scope: "col" }, t("indicator")))),
    groupByAreaGrade(coverage.uncovered, engine).map((g) =>
      h(
        "tbody",
        {},
        h("tr", {}, h("th", { scope: "rowgroup", colspan: 2 }, `${areaName(g.area, lang)} ${gradeName(g.grade, lang)}`)),
        g.codes.map((code) => h("tr", {}, h("td", { class: "ind-code" }, code), h("td", {}, byCode.get(code).text))),
      ),
    ),
  );
}
