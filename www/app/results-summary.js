// The summary per learning area × grade that a school writes into its
// curriculum document: shown by the coverage view and printed.
import { h } from "../dom.js";
import { areaName, gradeName } from "../domain.js";
import { tr } from "./i18n.js";
import { RESULTS } from "./results-i18n.js";

/** "12%": the share of indicators some LO covers, aligned or partially. */
export function percentCovered(row) {
  return row.indicators ? `${Math.round(((row.aligned + row.partial) / row.indicators) * 100)}%` : "–";
}

/** The summary table per area × grade, with the total in the footer. */
export function summaryTable(coverage, lang, { id = "coverage-summary" } = {}) {
  const t = tr(RESULTS, lang);
  const numbers = (row) => [row.indicators, row.aligned, row.partial, row.uncovered].map((n) => h("td", { class: "num" }, n));
  return h(
    "section",
    { class: "results-block", "aria-labelledby": `${id}-title` },
    h("h3", { id: `${id}-title` }, t("summaryTitle")),
    h(
      "table",
      { id, class: "summary-table" },
      h("caption", {}, t("summaryCaption")),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["area", "grade", "indicators", "alignedCount", "partialCount", "uncoveredCount", "percentCovered"].map((k) =>
            h("th", { scope: "col" }, t(k)),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        coverage.rows.map((row) =>
          h(
            "tr",
            { dataset: { area: row.area, grade: row.grade } },
            h("th", { scope: "row" }, areaName(row.area, lang)),
            h("td", {}, gradeName(row.grade, lang)),
            numbers(row),
            h("td", { class: "num" }, percentCovered(row)),
          ),
        ),
      ),
      h(
        "tfoot",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "row", colspan: 2 }, t("total")),
          numbers(coverage.total),
          h("td", { class: "num" }, percentCovered(coverage.total)),
        ),
      ),
    ),
  );
}
