// The "add an indicator" box of an outcome card: a teacher who knows the
// indicator Sapan missed types its code (as teachers write it: `ค1.1 ป4/1`,
// Thai digits) or a few words of it, and adds it from the results.
import { h, srOnly } from "../dom.js";
import { tr } from "./i18n.js";
import { ALIGN } from "./work-i18n.js";

/**
 * What `query` finds: `{ results: [{ code, text }], missing: boolean }`.
 * A query that reads as an indicator code gives that indicator (or `missing`
 * when the code is well formed but not in ป.4–6); anything else, including a
 * malformed code (a SapanError), is searched as text among the indicators of
 * `scope` (`{ grade, area }`).
 */
export function searchIndicators(engine, query, scope) {
  const q = query.trim();
  if (!q) return { results: [], missing: false };
  let indicator;
  try {
    indicator = engine.indicator(q);
  } catch (e) {
    if (e?.name !== "SapanError") throw e;
    indicator = undefined; // not a code: search the words
  }
  if (indicator) return { results: [{ code: indicator.code, text: indicator.text }], missing: false };
  if (indicator === null) return { results: [], missing: true };
  const matches = engine.rank(q, { topK: 8, grade: scope.grade ?? null, area: scope.area ?? null, evidence: false });
  return { results: matches.map((m) => ({ code: m.code, text: m.text })), missing: false };
}

/**
 * The search box for one outcome. `key` prefixes the focus keys; `label`
 * (the outcome's id) tells screen-reader users which outcome it adds to; `listed`
 * holds the codes already on the card; `onQuery(q)` remembers the query
 * across re-renders; `onAdd({ code, text })` records the indicator.
 */
export function searchBox({ engine, lang, key, label, idBase, scope, listed, query, onQuery, onAdd }) {
  const t = tr(ALIGN, lang);
  const inputId = `${idBase}-search`;
  const status = h("p", { class: "work-hint", "aria-live": "polite", id: `${inputId}-status` });
  const list = h("ul", { class: "work-search-results" });
  const show = () => {
    const q = input.value;
    const { results, missing } = searchIndicators(engine, q, scope);
    status.textContent = !q.trim() ? "" : missing ? t("noSuchCode", q.trim()) : t("searchResults", results.length);
    list.replaceChildren(
      ...results.map((r) =>
        h(
          "li",
          {},
          h("span", { class: "code" }, r.code),
          " ",
          h("span", { class: "work-search-text" }, r.text),
          " ",
          listed.has(r.code)
            ? h("span", { class: "work-tag" }, t("alreadyListed"))
            : h(
                "button",
                {
                  type: "button",
                  class: "work-add",
                  dataset: { focusKey: `${key}|add|${r.code}` },
                  onclick: () => {
                    // Back to the box first: the card re-renders and this
                    // button becomes "already listed".
                    input.focus();
                    onAdd(r);
                  },
                },
                t("addButton"),
                srOnly(t("forCode", r.code)),
              ),
        ),
      ),
    );
  };
  const input = h("input", {
    type: "search",
    id: inputId,
    autocomplete: "off",
    value: query,
    "aria-describedby": `${inputId}-status`,
    dataset: { focusKey: `${key}|search` },
    oninput: () => {
      onQuery(input.value);
      show();
    },
  });
  if (query) show();
  return h("div", { class: "work-search" }, h("label", { for: inputId }, t("searchLabel"), srOnly(` (${label})`)), input, status, list);
}
