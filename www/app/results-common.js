// What the coverage and export views share: the "include suggestions not yet
// reviewed" choice and the document's title and school (kept in the project's
// `exportOptions` once either view is mounted), the reviewed alignment both
// views count from, the curriculum's indicators by code, and rendering a view
// only while it is shown.
import { h } from "../dom.js";
import { AREAS } from "../domain.js";
import { reviewedAlignment, withExportOptions } from "../project.js";
import { tr } from "./i18n.js";
import { RESULTS } from "./results-i18n.js";

const options = { includeUnreviewed: true, title: "", creator: "" };
const listeners = new Set();
/** Where the options are kept instead, `{ get(), set(changes) }` (see `keepResultOptions`). */
let keeper = null;

/**
 * Keeps the options elsewhere: the export view keeps them in the project, so
 * they are saved and travel in project files; a change then reaches the
 * views as a change of the store.
 */
export function keepResultOptions(k) {
  keeper = k;
  // A view mounted before the keeper drew the options from memory.
  for (const fn of listeners) fn();
}

/**
 * Keeps the options in the project: saved with it, carried by project files,
 * the same in every tab. Both result views call this as they mount, since
 * each loads on first use (app.js) and either may be the first one opened;
 * the options must not start from memory in one and from the project in the other.
 */
export function keepResultOptionsInProject(ctx) {
  if (keeper) return;
  keepResultOptions({
    get: () => ctx.store.get().project.exportOptions,
    set: (changes) =>
      ctx.store.update((p) => withExportOptions(p, changes), "includeUnreviewed" in changes ? "export-options" : "export-text"),
  });
}

export function resultOptions() {
  return keeper ? keeper.get() : options;
}

/** Changes the shared options; both views re-render when it matters. */
export function setResultOptions(changes, { render = true } = {}) {
  if (keeper) return keeper.set(changes);
  Object.assign(options, changes);
  if (render) for (const fn of listeners) fn();
}

/** The alignment with the teacher's decisions applied, as both views count it. */
export function reviewedOf(state, includeUnreviewed = resultOptions().includeUnreviewed) {
  return reviewedAlignment(state.alignment, state.project, { includeUnreviewed });
}

let index = null;
/**
 * The curriculum's indicators: `{ byCode: Map, order: Map(code → position) }`.
 * Built once: the 582 indicators never change while the page is open.
 */
export function indicatorIndex(engine) {
  if (!index) {
    const all = engine.indicators();
    index = { byCode: new Map(all.map((i) => [i.code, i])), order: new Map(all.map((i, n) => [i.code, n])) };
  }
  return index;
}

/** Groups `codes` by learning area × grade in curriculum order: `[{area, grade, codes}]`. */
export function groupByAreaGrade(codes, engine) {
  const { byCode, order } = indicatorIndex(engine);
  const groups = new Map();
  const sorted = [...codes].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
  for (const code of sorted) {
    const ind = byCode.get(code);
    if (!ind) continue;
    const key = `${ind.area}${ind.grade}`;
    if (!groups.has(key)) groups.set(key, { area: ind.area, grade: ind.grade, codes: [] });
    groups.get(key).codes.push(code);
  }
  const areaOrder = (a) => AREAS.findIndex((x) => x.code === a);
  return [...groups.values()].sort((x, y) => areaOrder(x.area) - areaOrder(y.area) || x.grade - y.grade);
}

/** The shared checkbox; `id` must be unique on the page. */
export function includeUnreviewedBox(id, lang) {
  const t = tr(RESULTS, lang);
  return h(
    "div",
    { class: "results-include" },
    h("input", {
      type: "checkbox",
      id,
      checked: resultOptions().includeUnreviewed,
      "aria-describedby": `${id}-hint`,
      onchange: (e) => setResultOptions({ includeUnreviewed: e.target.checked }),
    }),
    " ",
    h("label", { for: id }, t("includeUnreviewed")),
    h("span", { id: `${id}-hint`, class: "results-hint" }, ` (${t("includeUnreviewedHint")})`),
  );
}

/**
 * Renders `render(view)` (`view.rerender()` redraws at once) into `section` now if shown, else when next shown; again
 * on every change of the store or of the shared options. Rendering a hidden
 * view would only spend the teacher's time (the matrix can have thousands of
 * cells). Focus stays on the control (by id, headings included) it was on.
 */
export function liveView(section, ctx, render) {
  let dirty = true;
  const handle = { rerender: () => run() };
  const run = () => {
    dirty = false;
    const focused = section.contains(document.activeElement) ? document.activeElement.id : null;
    render(handle);
    if (focused) document.getElementById(focused)?.focus();
  };
  const changed = () => {
    if (section.hidden) dirty = true;
    else run();
  };
  ctx.store.subscribe(changed);
  listeners.add(changed);
  new MutationObserver(() => !section.hidden && dirty && run()).observe(section, {
    attributes: true,
    attributeFilter: ["hidden"],
  });
  // Rendered once at once, hidden or not: the shell focuses the view's <h2>
  // as soon as it shows the view, before the observer's turn comes.
  run();
  return handle;
}
