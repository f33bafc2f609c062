// The export view: the alignment (with the teacher's decisions applied) as
// CSV for Excel, JSON and CASE 1.1, written by the engine; a print-ready A4
// document; the project file; and whether the work is saved in this browser.
import { h, fill, download } from "../dom.js";
import { tr } from "./i18n.js";
import { RESULTS } from "./results-i18n.js";
import { includeUnreviewedBox, keepResultOptionsInProject, liveView, resultOptions, reviewedOf, setResultOptions } from "./results-common.js";
import { printDoc } from "./results-print.js";
import { dateStamp } from "./file-names.js";
import { countable } from "./coverage-view.js";
import { projectFileBlock } from "./results-project-file.js";
import { onSaveStatus } from "./storage.js";

const FORMATS = [
  { id: "csv", key: "csv", ext: "csv", type: "text/csv;charset=utf-8" },
  { id: "json", key: "json", ext: "json", type: "application/json" },
  { id: "case", key: "caseFile", ext: "case.json", type: "application/json" },
];

export function mount(section, ctx) {
  // The title, the school and "include unreviewed" are the project's.
  keepResultOptionsInProject(ctx);
  liveView(section, ctx, (view) => render(section, ctx, view));
  onSaveStatus((status) => showSaveStatus(ctx, status));
  // Printing from any tab (Ctrl+P) prints the document as the work stands now.
  window.addEventListener("beforeprint", () => {
    const doc = document.getElementById("print-doc");
    if (doc) doc.replaceWith(buildPrintDoc(ctx));
  });
}

/** How many exported pairs a teacher confirmed or added, and how many are unreviewed suggestions. */
function rowCounts(reviewed) {
  const counts = { total: 0, confirmed: 0, added: 0, unreviewed: 0 };
  for (const oa of reviewed.outcomes) {
    for (const m of oa.matches) {
      counts.total += 1;
      counts[m.review ?? "unreviewed"] += 1;
    }
  }
  return counts;
}

const PRINT_DOC_DELAY_MS = 300;
let printDocTimer = null;

function buildPrintDoc(ctx) {
  const state = ctx.store.get();
  const reviewed = reviewedOf(state);
  return printDoc({
    reviewed,
    coverage: ctx.engine.coverage(countable(reviewed)),
    engine: ctx.engine,
    lang: state.lang,
    options: resultOptions(),
  });
}

function render(section, ctx, view) {
  const state = ctx.store.get();
  // Typing the title or the school changes only them (and the print
  // document, replaced as they are typed): rebuilding the view would move the caret.
  if (state.reason === "export-text" && section.querySelector("#export-title")) return;
  const t = tr(RESULTS, state.lang);
  const options = resultOptions();
  const reviewed = reviewedOf(state);
  const counts = rowCounts(reviewed);
  const left = options.includeUnreviewed ? 0 : rowCounts(reviewedOf(state, true)).unreviewed;
  const empty = !state.project.outcomes.length;

  const exportFile = (format) => {
    const stamp = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    // The options as they are now (typing them does not redraw the view).
    const { title, creator } = resultOptions();
    const text = ctx.engine.export(reviewedOf(ctx.store.get()), format.id, {
      title: title.trim() || t("docTitleDefault"),
      creator: creator.trim() || "Sapan",
      dateTime: stamp,
    });
    const name = `sapan-alignment-${dateStamp()}.${format.ext}`;
    download(name, text, format.type);
    ctx.announce(t("downloaded", name));
  };
  const textInput = (id, key, label) =>
    h(
      "p",
      { class: "results-field" },
      h("label", { for: id }, label),
      h("input", {
        type: "text",
        id,
        value: options[key],
        autocomplete: "off",
        // The printed document follows the title and school once typing
        // pauses: rebuilding it takes ~0.8 s at 10,000 outcomes, too long for
        // every keystroke (and `beforeprint` rebuilds it anyway).
        oninput: (e) => {
          setResultOptions({ [key]: e.target.value }, { render: false });
          clearTimeout(printDocTimer);
          printDocTimer = setTimeout(() => document.getElementById("print-doc")?.replaceWith(buildPrintDoc(ctx)), PRINT_DOC_DELAY_MS);
        },
      }),
    );

  fill(
    section,
    h("h2", { tabindex: "-1", id: "export-heading" }, t("exportTitle")),
    h("p", { id: "save-state", class: "save-state" }),
    empty ? h("p", { class: "results-empty" }, t("noOutcomes")) : null,
    h(
      "section",
      { class: "results-block", "aria-labelledby": "export-download-title" },
      h("h3", { id: "export-download-title" }, t("downloadTitle")),
      includeUnreviewedBox("export-include", state.lang),
      h(
        "p",
        { id: "export-counts" },
        options.includeUnreviewed
          ? t("rowCounts", counts.total, counts.confirmed, counts.added, counts.unreviewed)
          : t("rowCountsReviewedOnly", counts.total, counts.confirmed, counts.added, left),
      ),
      textInput("export-title", "title", t("docTitle")),
      textInput("export-creator", "creator", t("creator")),
      h(
        "div",
        { class: "results-actions" },
        FORMATS.map((f) =>
          h("button", { type: "button", id: `export-${f.id}`, disabled: empty, onclick: () => exportFile(f) }, t(f.key)),
        ),
      ),
    ),
    h(
      "section",
      { class: "results-block", "aria-labelledby": "export-print-title" },
      h("h3", { id: "export-print-title" }, t("printTitle")),
      h("p", {}, t("printIntro")),
      h(
        "div",
        { class: "results-actions" },
        h("button", { type: "button", id: "export-print", disabled: empty, onclick: () => window.print() }, t("print")),
      ),
    ),
    projectFileBlock(ctx, () => view.rerender()),
    buildPrintDoc(ctx),
  );
  showSaveStatus(ctx);
}

let lastStatus = { state: "idle", at: null };
/** The small "saved" line: written in place, not announced (it changes on every edit). */
function showSaveStatus(ctx, status) {
  if (status) lastStatus = status;
  const el = document.getElementById("save-state");
  if (!el) return;
  const t = tr(RESULTS, ctx.store.get().lang);
  const { state, at } = lastStatus;
  el.dataset.state = state;
  el.textContent =
    state === "saved"
      ? t("saveDone", at.toLocaleTimeString(ctx.store.get().lang === "en" ? "en-GB" : "th-TH", { timeStyle: "short" }))
      : state === "pending"
        ? t("savePending")
        : state === "failed"
          ? t("saveFailed")
          : t("saveIdle");
}
