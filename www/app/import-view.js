// The import view: a teacher pastes the learning outcomes copied from the
// official PDF or Word document (they are not bundled with Sapan), opens a
// CSV/JSON/CASE file, or loads the example set; sees what was read, with every
// problem by line, before anything changes; then replaces the project's list
// or adds to it. What the teacher pasted stays in the box whatever happens.
import { h, fill } from "../dom.js";
import { gradeName, areaName, stageName, frameworkAreaName, frameworkAreasOf } from "../domain.js";
import { withOutcomes } from "../project.js";
import { tr } from "./i18n.js";
import { IMPORT } from "./work-i18n.js";
import { exampleNotice, focusKey, sourceLink } from "./work-parts.js";

export function mount(section, ctx) {
  section.classList.add("work-view");
  const view = {
    section,
    ctx,
    pasted: "",
    /** The list read but not yet applied: `{ name, parsed, example, about }`. */
    preview: null,
    /** A message about input that could not be read at all (th/en function). */
    error: null,
  };
  render(view);
  ctx.store.subscribe((state, prev) => {
    if (state.lang !== prev.lang || state.project.outcomes.length !== prev.project.outcomes.length) render(view);
  });
}

function render(view) {
  const { section, ctx } = view;
  const { lang, project } = ctx.store.get();
  const t = tr(IMPORT, lang);
  const active = document.activeElement;
  const key = active && section.contains(active) ? active.dataset?.focusKey : null;
  const count = project.outcomes.length;

  const textarea = h("textarea", {
    id: "import-text",
    rows: 10,
    "aria-describedby": "import-text-hint",
    spellcheck: "false",
    dataset: { focusKey: "import-text" },
    value: view.pasted,
    oninput: () => {
      view.pasted = textarea.value;
    },
  });
  const file = h("input", {
    type: "file",
    id: "import-file",
    accept: ".csv,.tsv,.json,.txt,.case.json",
    dataset: { focusKey: "import-file" },
    onchange: () => readFile(view, file),
  });

  fill(
    section,
    h("h2", { tabindex: "-1" }, t("heading")),
    h("p", {}, t("intro")),
    h(
      "p",
      { class: "work-current", id: "import-current" },
      t("current", count),
      count ? " " : null,
      count
        ? h("button", { type: "button", class: "work-link-button", dataset: { focusKey: "to-align" }, onclick: () => ctx.show("align") }, t("toAlign"))
        : null,
    ),
    h(
      "div",
      { class: "work-import-sources" },
      h(
        "div",
        { class: "work-paste" },
        h("label", { for: "import-text" }, t("pasteLabel")),
        h("p", { id: "import-text-hint", class: "work-hint" }, t("pasteHint")),
        textarea,
        h("button", { type: "button", id: "import-read", class: "work-primary", dataset: { focusKey: "import-read" }, onclick: () => readPasted(view) }, t("read")),
      ),
      h(
        "div",
        { class: "work-other-sources" },
        h("div", { class: "work-field" }, h("label", { for: "import-file" }, t("fileLabel")), file),
        h(
          "div",
          { class: "work-field" },
          h("button", { type: "button", id: "import-example", "aria-describedby": "import-example-hint", dataset: { focusKey: "import-example" }, onclick: () => readExample(view) }, t("exampleButton")),
          h("p", { id: "import-example-hint", class: "work-hint" }, t("exampleHint")),
        ),
      ),
    ),
    h("div", { id: "import-message", role: "alert" }, view.error ? h("p", { class: "work-error" }, view.error(lang)) : null),
    view.preview ? previewPart(view, lang) : null,
  );
  if (key) focusKey(section, key);
}

function say(view, message) {
  view.error = message;
  view.section.querySelector("#import-message").replaceChildren(message ? h("p", { class: "work-error" }, message(view.ctx.store.get().lang)) : "");
}

function readPasted(view) {
  const text = view.section.querySelector("#import-text").value;
  view.pasted = text;
  if (!text.trim()) {
    say(view, (lang) => tr(IMPORT, lang)("emptyPaste"));
    return;
  }
  // The engine names the source in its problems; the preview names it in the
  // app's current language (it may change while the preview is open).
  const name = tr(IMPORT, view.ctx.store.get().lang)("pasted");
  showPreview(view, { name, pasted: true, parsed: view.ctx.engine.parseOutcomes(text, { name }) });
}

/**
 * The largest file the import view reads. A browser tab reads and parses more, but
 * what comes after (every outcome aligned and drawn as a card) would freeze the
 * tab for seconds per megabyte: 5 MB is about 15,000 outcomes, far beyond a
 * school's list. The command line has no limit.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

async function readFile(view, input) {
  const file = input.files?.[0];
  if (!file) return;
  const name = file.name;
  // Cleared so that choosing the same file again (after fixing it) reads it again.
  input.value = "";
  if (file.size > MAX_FILE_BYTES) {
    say(view, (lang) => tr(IMPORT, lang)("tooBig", name, file.size, MAX_FILE_BYTES));
    return;
  }
  view.ctx.announce(tr(IMPORT, view.ctx.store.get().lang)("reading", name));
  let parsed;
  try {
    // The bytes go to the engine, which decodes them the way the command line
    // does: UTF-8, UTF-16 with a BOM, or Windows-874 (the "CSV" of Thai Excel),
    // the last two with a notice; a binary file or broken UTF-8 comes back as
    // a located problem instead of mojibake.
    const bytes = new Uint8Array(await file.arrayBuffer());
    parsed = await view.ctx.engine.parseOutcomes(bytes, { name });
  } catch (e) {
    say(view, (lang) => tr(IMPORT, lang)("fileFailed", name, e?.message ?? String(e)));
    return;
  }
  showPreview(view, { name, parsed });
}

async function readExample(view) {
  const name = "examples.json";
  try {
    const response = await fetch(new URL(name, document.baseURI));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    const parsed = view.ctx.engine.parseOutcomes(text, { name });
    // parseOutcomes reads outcomes only; the file's notice and each example's
    // source link are read here, so that neither is ever lost on the way.
    const data = JSON.parse(text);
    const sources = new Map((data.outcomes ?? []).map((o) => [String(o.id), typeof o.source === "string" ? o.source : null]));
    parsed.outcomes = parsed.outcomes.map((o) => ({ ...o, source: sources.get(o.id) ?? null }));
    showPreview(view, { name, parsed, example: true, about: { th: data.about?.th ?? "", en: data.about?.en ?? "" } });
  } catch (e) {
    say(view, (lang) => tr(IMPORT, lang)("exampleFailed", e?.message ?? String(e)));
  }
}

function showPreview(view, preview) {
  view.preview = preview;
  view.error = null;
  render(view);
  view.section.querySelector("#import-preview-heading")?.focus();
}

function previewPart(view, lang) {
  const { ctx, preview } = view;
  const t = tr(IMPORT, lang);
  const { outcomes, problems, format } = preview.parsed;
  const count = ctx.store.get().project.outcomes.length;
  const withSource = outcomes.some((o) => o.source);

  const apply = (mode) => {
    // upcoming(): a large import waits for its alignment (in the worker), so
    // the counts are those of the project it will be, not the one shown now.
    const before = ctx.store.upcoming().outcomes.length;
    ctx.store.update((p) => withOutcomes(p, outcomes, mode), "import");
    const total = ctx.store.upcoming().outcomes.length;
    view.preview = null;
    render(view);
    ctx.announce(tr(IMPORT, ctx.store.get().lang)("imported", mode === "replace" ? total : total - before, total));
    ctx.show("align");
  };
  const cancel = () => {
    view.preview = null;
    render(view);
    view.section.querySelector("#import-read")?.focus();
    ctx.announce(tr(IMPORT, ctx.store.get().lang)("cancelled"));
  };

  return h(
    "section",
    { id: "import-preview", class: "work-preview", "aria-labelledby": "import-preview-heading" },
    h("h3", { id: "import-preview-heading", tabindex: "-1" }, t("previewHeading", preview.pasted ? t("pasted") : preview.name)),
    preview.example ? exampleNotice(h("p", { class: "work-hint" }, preview.about?.[lang] ?? "")) : null,
    preview.parsed.notice
      ? h("p", { id: "import-notice", class: "work-hint", role: "status" }, lang === "en" ? preview.parsed.notice.messageEn : preview.parsed.notice.messageTh)
      : null,
    h("p", { id: "import-summary" }, outcomes.length ? t("previewSummary", outcomes.length, format) : t("nothingFound")),
    problems.length
      ? h(
          "div",
          { class: "work-problems", role: "alert" },
          h("p", { class: "work-problems-heading" }, t("problemsHeading", problems.length)),
          h(
            "ul",
            { id: "import-problems" },
            problems.map((p) =>
              h(
                "li",
                { dataset: { line: p.location?.line ?? "" } },
                h("strong", {}, t("where", p.location?.line, format === "text" ? null : p.location?.field) || t("none")),
                " ",
                withoutLine(lang === "en" ? p.messageEn : p.messageTh),
              ),
            ),
          ),
        )
      : null,
    outcomes.length
      ? h(
          "div",
          { class: "work-table-wrap" },
          h(
            "table",
            { id: "import-table" },
            h("caption", {}, t("caption", outcomes.length)),
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                ["colLine", "colId", "colGrade", "colArea", "colText", withSource ? "colSource" : null]
                  .filter(Boolean)
                  .map((k) => h("th", { scope: "col" }, t(k))),
              ),
            ),
            h(
              "tbody",
              {},
              outcomes.map((o) =>
                h(
                  "tr",
                  {},
                  h("td", {}, o.line ?? t("none")),
                  h("th", { scope: "row" }, o.id),
                  // The draft framework's stage and area stand where a grade and a 2551 area would.
                  h("td", {}, o.grade ? gradeName(o.grade, lang) : o.stage ? stageName(o.stage, lang) : t("none")),
                  h(
                    "td",
                    {},
                    o.area
                      ? `${o.area} ${areaName(o.area, lang)}`
                      : o.frameworkArea
                        ? frameworkAreaName(o.frameworkArea, lang, frameworkAreasOf(view.ctx.engine))
                        : t("none"),
                  ),
                  h("td", { class: "work-text-cell" }, o.text),
                  withSource ? h("td", { class: "work-source-cell" }, sourceLink(o.source) ?? t("none")) : null,
                ),
              ),
            ),
          ),
        )
      : null,
    h(
      "div",
      { class: "work-actions" },
      outcomes.length && !count
        ? h("button", { type: "button", id: "import-use", class: "work-primary", onclick: () => apply("replace") }, t("use"))
        : null,
      outcomes.length && count
        ? [
            h("button", { type: "button", id: "import-replace", "aria-describedby": "import-replace-hint", onclick: () => apply("replace") }, t("replace")),
            h("button", { type: "button", id: "import-add", class: "work-primary", onclick: () => apply("add") }, t("add")),
          ]
        : null,
      h("button", { type: "button", id: "import-cancel", onclick: cancel }, t("cancel")),
    ),
    outcomes.length && count ? h("p", { id: "import-replace-hint", class: "work-hint" }, t("replaceHint", count)) : null,
  );
}


/** A problem's message without its leading "line 3:" (the list says where). */
function withoutLine(message) {
  return message.replace(/^(?:บรรทัด|line) \d+[:,]?\s*/i, "");
}
