// Saving and opening a project file (`.sapan.json`: the LOs, decisions,
// notes and export options). Opening never changes the work before the
// teacher has seen what the file holds and chosen to merge it (the current
// export options stay) or to replace the current work (the file's come in).
import { h, download } from "../dom.js";
import { merge, mergePlan, projectFile, readProjectFile } from "../project.js";
import { tr } from "./i18n.js";
import { RESULTS } from "./results-i18n.js";
import { dateStamp } from "./file-names.js";

// What the last opened file gave, until applied or cancelled:
// null | { name, error } | { name, incoming } | { done: message }.
let opened = null;

/** The canonical form of `code` (`ท ๑.๑ ป.๔/๑` → `ท 1.1 ป.4/1`), or null when no indicator has it. */
function knownCode(engine, code) {
  try {
    return engine.indicator(code)?.code ?? null;
  } catch {
    return null; // not even a code
  }
}

export function saveProject(project) {
  download(`sapan-project-${dateStamp()}.sapan.json`, projectFile(project), "application/json");
}

/** The project-file block of the export view; `rerender()` redraws the view. */
export function projectFileBlock(ctx, rerender) {
  const state = ctx.store.get();
  const t = tr(RESULTS, state.lang);
  const open = async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      opened = { name: file.name, incoming: readProjectFile(await file.text(), { indicatorCode: (code) => knownCode(ctx.engine, code) }) };
    } catch (error) {
      opened = { name: file.name, error };
    }
    rerender();
    document.getElementById(opened.error ? "project-file-message" : "project-preview-title")?.focus();
  };
  const apply = (mode) => {
    const incoming = opened.incoming;
    ctx.store.update((p) => (mode === "merge" ? merge(p, incoming) : incoming), "project-import");
    const n = ctx.store.get().project.outcomes.length;
    opened = { done: t(mode === "merge" ? "merged" : "replaced", n) };
    ctx.announce(opened.done);
    rerender();
    document.getElementById("project-file-message")?.focus();
  };
  const cancel = () => {
    opened = null;
    rerender();
    document.getElementById("project-open")?.focus();
  };

  return h(
    "section",
    { class: "results-block", "aria-labelledby": "project-file-title" },
    h("h3", { id: "project-file-title" }, t("projectTitle")),
    h("p", {}, t("projectIntro")),
    h(
      "div",
      { class: "results-actions" },
      h("button", { type: "button", id: "project-save", onclick: () => saveProject(ctx.store.get().project) }, t("saveProject")),
      // The browser's own file button speaks the browser's language, not the
      // page's: the input is kept (keyboard and screen readers reach it) but
      // shown through its label, styled as a button.
      h(
        "span",
        { class: "file-pick" },
        h("input", { type: "file", id: "project-open", class: "sr-only", accept: ".json,.sapan.json,application/json", onchange: open }),
        h("label", { for: "project-open", class: "button-like" }, t("openProject")),
      ),
    ),
    message(state, t, apply, cancel),
  );
}

function message(state, t, apply, cancel) {
  if (!opened) return null;
  if (opened.done) {
    return h("p", { id: "project-file-message", class: "results-done", tabindex: "-1" }, opened.done);
  }
  if (opened.error) {
    const e = opened.error;
    return h(
      "div",
      { id: "project-file-message", class: "results-error", role: "alert", tabindex: "-1" },
      h("p", {}, h("strong", {}, t("fileError", opened.name))),
      h("p", { lang: "th" }, e.messageTh ?? e.message),
      h("p", { lang: "en" }, e.messageEn ?? e.message),
      e.field ? h("p", {}, t("fileField", e.field)) : null,
      h("button", { type: "button", id: "project-error-close", onclick: cancel }, t("cancel")),
    );
  }
  const plan = mergePlan(state.project, opened.incoming);
  return h(
    "div",
    { id: "project-preview", class: "results-preview", role: "group", "aria-labelledby": "project-preview-title" },
    h("h4", { id: "project-preview-title", tabindex: "-1" }, t("previewTitle", opened.name), ": ", t("planOutcomes", opened.incoming.outcomes.length)),
    h(
      "ul",
      {},
      h("li", { dataset: { plan: "added" } }, t("planAdded", plan.added.length)),
      h("li", { dataset: { plan: "same" } }, t("planSame", plan.same.length)),
      h("li", { dataset: { plan: "renamed" } }, t("planRenamed", plan.renamed.length)),
      h("li", { dataset: { plan: "decisions" } }, t("planDecisions", plan.decisions)),
      h("li", { dataset: { plan: "notes" } }, t("planNotes", plan.notes)),
    ),
    h("p", {}, t("planCurrent", state.project.outcomes.length)),
    h(
      "div",
      { class: "results-actions" },
      h("button", { type: "button", id: "project-merge", onclick: () => apply("merge") }, t("merge")),
      h("button", { type: "button", id: "project-replace", onclick: () => apply("replace") }, t("replace")),
      h("button", { type: "button", id: "project-cancel", onclick: cancel }, t("cancel")),
    ),
  );
}
