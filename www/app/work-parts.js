// Small pieces the working views share: grade and area selects, source links,
// the example notice, and re-rendering a part of the page without losing the
// keyboard user's place.
import { h } from "../dom.js";
import { AREAS, GRADES, gradeName, areaName } from "../domain.js";
import { tr } from "./i18n.js";
import { COMMON, EXAMPLE_NOTICE } from "./work-i18n.js";

/** A labelled grade `<select>` ("" = all grades); `onchange(grade|null)`. */
export function gradeSelect(id, value, lang, onchange) {
  const t = tr(COMMON, lang);
  const select = h(
    "select",
    { id, dataset: { focusKey: id }, onchange: () => onchange(select.value ? Number(select.value) : null) },
    h("option", { value: "" }, t("allGrades")),
    GRADES.map((g) => h("option", { value: String(g), selected: g === value }, gradeName(g, lang))),
  );
  return h("div", { class: "work-field" }, h("label", { for: id }, t("grade")), select);
}

/** A labelled learning-area `<select>` ("" = all areas); `onchange(code|null)`. */
export function areaSelect(id, value, lang, onchange) {
  const t = tr(COMMON, lang);
  const select = h(
    "select",
    { id, dataset: { focusKey: id }, onchange: () => onchange(select.value || null) },
    h("option", { value: "" }, t("allAreas")),
    AREAS.map((a) => h("option", { value: a.code, selected: a.code === value }, `${a.code} ${areaName(a.code, lang)}`)),
  );
  return h("div", { class: "work-field" }, h("label", { for: id }, t("area")), select);
}

/** A source as a link only when it is https: anything else (a file path, a
 * `javascript:` URL from a hostile file) is shown as plain text. */
export function sourceLink(url) {
  if (!url) return null;
  if (/^https:\/\//i.test(url)) return h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, url);
  return h("span", { class: "work-source-text" }, url);
}

/** Bundled examples carry ids starting with ตัวอย่าง (the project's rule for
 * example texts), which survives saving the project and reopening it. */
export function isExample(outcome) {
  return String(outcome.id).startsWith("ตัวอย่าง");
}

/** The notice that the outcomes are examples, in Thai and English at once. */
export function exampleNotice(extra = null) {
  return h(
    "div",
    { class: "work-example-notice", role: "note" },
    h("p", { lang: "th" }, h("strong", {}, EXAMPLE_NOTICE.th)),
    h("p", { lang: "en" }, h("strong", {}, EXAMPLE_NOTICE.en)),
    extra,
  );
}

/**
 * Replaces `el` with `build()`'s result; when focus was inside `el` on an
 * element with `data-focus-key`, the element with the same key in the new
 * part gets it back (so pressing a button that re-renders its card leaves
 * the keyboard user on that button).
 */
export function rerender(el, build) {
  const active = document.activeElement;
  const key = active && el.contains(active) ? active.dataset?.focusKey : null;
  const next = build();
  el.replaceWith(next);
  if (key) focusKey(next, key);
  return next;
}

/** Focuses the element under `root` whose `data-focus-key` is `key`; true if found. */
export function focusKey(root, key) {
  for (const el of root.querySelectorAll("[data-focus-key]")) {
    if (el.dataset.focusKey === key) {
      el.focus();
      return true;
    }
  }
  return false;
}
