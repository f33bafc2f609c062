// The align and review view: for each learning outcome, the indicators Sapan
// suggests, with the shared words marked on both sides, for the teacher to
// confirm, reject or add to. A decision re-renders only its own card and
// leaves focus on the pressed button; the whole list is rebuilt only when the
// engine's alignment changes. A project may hold 10,000 outcomes: the cards
// are shown a page (PAGE_SIZE) at a time, with a pager before and after the
// list, and the text filter picks from all outcomes before paging.
import { h, fill, srOnly } from "../dom.js";
import { gradeName, areaName, relationName, scoreText, placeNames, frameworkAreasOf, competenciesOf } from "../domain.js";
import { marked, querySpans, indicatorSpans, contextTerms } from "../highlight.js";
import { answersText, clauseHeading, clausedText, clauseWords, emptyClauseText, groupByClause, isBundled } from "../clauses.js";
import { decide, decisionOf, reviewCounts, withNote, withSettings, withoutOutcome } from "../project.js";
import { tr } from "./i18n.js";
import { ALIGN, COMMON } from "./work-i18n.js";
import { areaSelect, exampleNotice, focusKey, gradeSelect, isExample, rerender, sourceLink } from "./work-parts.js";
import { searchBox } from "./work-search.js";

const NOTE_DELAY_MS = 300;
/** Cards per page: 50 cards render in ~0.1 s; 10,000 at once would freeze the page for many seconds. */
export const PAGE_SIZE = 50;

export function mount(section, ctx) {
  section.classList.add("work-view");
  const view = {
    section,
    ctx,
    /** Outcome id → its card element, for re-rendering one card. */
    cards: new Map(),
    /** Outcome id → the code whose shared words are marked in the outcome's text. */
    marking: new Map(),
    /** Outcome id → the text in its "add an indicator" box. */
    queries: new Map(),
    /** Outcome id → a pending note save. */
    notes: new Map(),
    /** Outcome ids whose low-scoring suggestions the teacher opened. */
    lowOpen: new Set(),
    filter: "",
    /** The page of the (filtered) list shown, from 0. */
    page: 0,
    /** Outcome id → its alignment, rebuilt when the alignment changes. */
    byId: new Map(),
    /** The project before the last removal, while it can still be undone. */
    removed: null,
  };
  render(view);
  // An empty project waiting for a large import says so instead of "import first".
  ctx.store.onAligning((event) => {
    if (!ctx.store.get().project.outcomes.length && (event.type !== "progress" || !view.waitingShown)) render(view);
  });
  ctx.store.subscribe((state, prev) => {
    if (state.reason !== "remove" && state.reason !== "note") view.removed = null;
    if (state.lang !== prev.lang || state.alignment !== prev.alignment) {
      render(view);
      return;
    }
    if (state.project === prev.project) return;
    updateProgress(view);
    renderUndo(view);
    // Only the cards of the page shown can need it.
    for (const id of [...view.cards.keys()]) {
      if (state.project.decisions[id] !== prev.project.decisions[id]) renderCard(view, id);
      if (state.project.notes[id] !== prev.project.notes[id]) syncNote(view, id);
    }
  });
}

/** Saves every note still waiting for its delay (before the list is rebuilt). */
function flushNotes(view) {
  for (const save of [...view.notes.values()]) save();
}

function render(view) {
  const { section, ctx } = view;
  flushNotes(view);
  const { lang, project, alignment } = ctx.store.get();
  const t = tr(ALIGN, lang);
  const active = document.activeElement;
  const key = active && section.contains(active) ? active.dataset?.focusKey : null;
  view.cards.clear();

  if (!project.outcomes.length) {
    view.waitingShown = Boolean(ctx.store.aligning());
    fill(
      section,
      h("h2", { tabindex: "-1" }, t("heading")),
      view.waitingShown
        ? h("p", { id: "align-waiting" }, t("aligningWait"))
        : [
            h("p", {}, t("empty")),
            h("button", { type: "button", class: "work-primary", id: "align-to-import", onclick: () => ctx.show("import") }, t("toImport")),
          ],
      h("div", { id: "align-undo" }),
    );
    renderUndo(view);
    return;
  }

  view.byId = new Map(alignment.outcomes.map((oa) => [oa.outcome.id, oa]));
  const examples = project.outcomes.filter(isExample).length;

  fill(
    section,
    h("h2", { tabindex: "-1" }, t("heading")),
    examples ? exampleNotice(h("p", {}, t("examples", examples))) : null,
    h(
      "fieldset",
      { class: "work-filters" },
      h("legend", {}, t("filters")),
      gradeSelect("align-grade", project.settings.grade, lang, (grade) =>
        ctx.store.update((p) => withSettings(p, { grade }), "settings"),
      ),
      areaSelect("align-area", project.settings.area, lang, (area) =>
        ctx.store.update((p) => withSettings(p, { area }), "settings"),
      ),
      h(
        "div",
        { class: "work-field" },
        h("label", { for: "align-filter" }, t("textFilter")),
        h("input", {
          type: "search",
          id: "align-filter",
          value: view.filter,
          dataset: { focusKey: "align-filter" },
          oninput: (e) => {
            view.filter = e.target.value;
            applyFilter(view);
          },
        }),
      ),
      h("p", { class: "work-hint" }, t("filterNote")),
    ),
    h("p", { id: "align-progress", class: "work-progress" }),
    h("div", { id: "align-undo" }),
    h("nav", { id: "align-pager-top", class: "work-pager", "aria-label": t("pager"), hidden: true }),
    h("div", { id: "align-list", class: "work-cards" }),
    h("nav", { id: "align-pager-bottom", class: "work-pager", "aria-label": t("pager"), hidden: true }),
  );
  renderUndo(view);
  renderList(view);
  if (key) focusKey(section, key);
}

/** The outcomes the text filter lets through, in project order. */
function matching(view) {
  const q = view.filter.trim().toLowerCase();
  const { outcomes } = view.ctx.store.get().project;
  return q ? outcomes.filter((o) => `${o.id} ${o.text}`.toLowerCase().includes(q)) : outcomes;
}

/** The cards of the current page, and the pagers. */
function renderList(view) {
  const list = view.section.querySelector("#align-list");
  if (!list) return;
  flushNotes(view);
  const shown = matching(view);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  view.page = Math.min(Math.max(0, view.page), pages - 1);
  view.shown = shown.length;
  view.cards.clear();
  const cards = shown.slice(view.page * PAGE_SIZE, (view.page + 1) * PAGE_SIZE).map((o) => {
    const card = buildCard(view, o, view.byId.get(o.id));
    view.cards.set(o.id, card);
    return card;
  });
  list.replaceChildren(...cards);
  for (const where of ["top", "bottom"]) renderPager(view, where, shown.length, pages);
  updateProgress(view);
}

function renderPager(view, where, count, pages) {
  const nav = view.section.querySelector(`#align-pager-${where}`);
  const t = tr(ALIGN, view.ctx.store.get().lang);
  nav.hidden = pages < 2;
  if (pages < 2) return nav.replaceChildren();
  const from = view.page * PAGE_SIZE + 1;
  const to = Math.min(count, (view.page + 1) * PAGE_SIZE);
  const go = (page) => {
    view.page = page;
    renderList(view);
    // The next card to read is the first of the new page.
    view.section.querySelector("#align-list article h3")?.focus();
    view.ctx.announce(tr(ALIGN, view.ctx.store.get().lang)("pageShown", from, to, count));
  };
  nav.replaceChildren(
    h("button", { type: "button", class: "work-pager-previous", disabled: view.page === 0, dataset: { focusKey: `pager-${where}-previous` }, onclick: () => go(view.page - 1) }, t("previousPage")),
    h("span", { class: "work-pager-status" }, t("page", from, to, count)),
    h("button", { type: "button", class: "work-pager-next", disabled: view.page >= pages - 1, dataset: { focusKey: `pager-${where}-next` }, onclick: () => go(view.page + 1) }, t("nextPage")),
  );
}

function updateProgress(view) {
  const el = view.section.querySelector("#align-progress");
  if (!el) return;
  const { lang, project } = view.ctx.store.get();
  const t = tr(ALIGN, lang);
  const counts = reviewCounts(project);
  const shown = view.shown ?? counts.outcomes;
  el.textContent = t("progress", counts.reviewed, counts.outcomes) + (shown < counts.outcomes ? ` (${t("shown", shown, counts.outcomes)})` : "");
}

function applyFilter(view) {
  view.page = 0;
  renderList(view);
}

function renderUndo(view) {
  const el = view.section.querySelector("#align-undo");
  if (!el) return;
  const t = tr(ALIGN, view.ctx.store.get().lang);
  if (!view.removed) {
    el.replaceChildren();
    return;
  }
  const { project, id } = view.removed;
  el.replaceChildren(
    h(
      "p",
      { class: "work-undo" },
      t("removed", id),
      " ",
      h(
        "button",
        {
          type: "button",
          id: "align-undo-button",
          onclick: () => {
            view.removed = null;
            view.ctx.store.update(() => project, "undo");
            view.ctx.announce(tr(ALIGN, view.ctx.store.get().lang)("undone"));
            const card = view.cards.get(id);
            (card?.querySelector("h3") ?? view.section.querySelector("h2"))?.focus();
          },
        },
        t("undo"),
      ),
    ),
  );
}

function renderCard(view, id) {
  const card = view.cards.get(id);
  if (!card) return;
  const { project, alignment } = view.ctx.store.get();
  const o = project.outcomes.find((x) => x.id === id);
  const oa = view.byId.get(id) ?? alignment.outcomes.find((x) => x.outcome.id === id);
  const next = rerender(card, () => buildCard(view, o, oa));
  view.cards.set(id, next);
}

function syncNote(view, id) {
  const box = view.cards.get(id)?.querySelector("textarea");
  if (box && document.activeElement !== box && !view.notes.has(id)) box.value = view.ctx.store.get().project.notes[id] ?? "";
}

/** The suggestions of one outcome: the engine's matches, then indicators the teacher added. */
function suggestionsOf(project, outcomeId, oa) {
  const list = (oa?.matches ?? []).map((m) => ({ match: m, decision: decisionOf(project, outcomeId, m.code) }));
  const seen = new Set(list.map((s) => s.match.code));
  for (const [code, d] of Object.entries(project.decisions[outcomeId] ?? {})) {
    if (d.status !== "added" || seen.has(code)) continue;
    list.push({ match: { code, score: d.score ?? 0, relation: d.relation, text: d.text ?? "", evidence: [] }, decision: d });
  }
  return list;
}

function buildCard(view, o, oa) {
  const { ctx } = view;
  const { lang, project } = ctx.store.get();
  const t = tr(ALIGN, lang);
  const c = tr(COMMON, lang);
  const index = project.outcomes.indexOf(o);
  const base = `lo-${index}`;
  const suggestions = suggestionsOf(project, o.id, oa);
  const isLow = (s) => s.match.relation === "none" && !s.decision;
  const main = suggestions.filter((s) => !isLow(s));
  const low = suggestions.filter(isLow);
  const normalized = oa?.normalized ?? o.text;
  // A long outcome bundling several topics is shown clause by clause (its text
  // marked, its suggestions grouped under the clause each answers); one of a
  // single clause, as every lesson objective is, is shown as before.
  const bundled = isBundled(oa) && oa.normalized;
  const competencies = bundled ? competenciesOf(ctx.engine) : [];

  // The outcome's words shared with one suggestion are marked: the one the
  // teacher is looking at (focus or pointer), else the first.
  const markedCode = view.marking.get(o.id);
  const markWith = (code) => {
    const s = suggestions.find((x) => x.match.code === code) ?? suggestions[0];
    const spans = s ? querySpans(s.match) : [];
    return bundled ? clausedText(normalized, oa.clauses, spans, lang, competencies) : marked(normalized, spans);
  };
  const text = h("p", { class: "work-lo-text", id: `${base}-text` }, markWith(markedCode));
  const markFor = (code) => {
    if (view.marking.get(o.id) === code) return;
    view.marking.set(o.id, code);
    text.replaceChildren(markWith(code));
  };

  const change = (fn) => ctx.store.update((p) => fn(p), "review");
  const grade = o.grade ?? oa?.outcome.grade ?? null;
  const area = o.area ?? oa?.outcome.area ?? null;
  const place = placeNames(
    { grade, area, stage: o.stage ?? oa?.outcome.stage ?? null, frameworkArea: o.frameworkArea ?? oa?.outcome.frameworkArea ?? null },
    lang,
    frameworkAreasOf(ctx.engine),
  );
  const short = o.text.length > 48 ? `${o.text.slice(0, 46)}…` : o.text;

  const note = h("textarea", {
    id: `${base}-note`,
    rows: 2,
    value: project.notes[o.id] ?? "",
    dataset: { focusKey: `${o.id}|note` },
    oninput: () => {
      clearTimeout(view.notes.get(o.id)?.timer);
      const save = () => {
        clearTimeout(save.timer);
        view.notes.delete(o.id);
        ctx.store.update((p) => withNote(p, o.id, note.value), "note");
      };
      save.timer = setTimeout(save, NOTE_DELAY_MS);
      view.notes.set(o.id, save);
    },
    onblur: () => view.notes.get(o.id)?.(),
  });

  const listed = new Set(suggestions.map((s) => s.match.code));
  return h(
    "article",
    { class: "work-card", "aria-labelledby": `${base}-heading`, dataset: { outcomeId: o.id } },
    h(
      "h3",
      { id: `${base}-heading`, tabindex: "-1" },
      h("span", { class: "work-id" }, o.id),
      " ",
      h("span", { class: "work-short" }, short),
    ),
    h(
      "div",
      { class: "work-card-top" },
      h(
        "div",
        { class: "work-card-outcome" },
        text,
        h(
          "p",
          { class: "work-meta" },
          place.length ? place.join(" · ") : t("noGradeArea"),
          isExample(o) ? [" · ", h("span", { class: "work-tag work-tag-example" }, c("example"))] : null,
        ),
        o.source ? h("p", { class: "work-meta work-source" }, `${c("source")}: `, sourceLink(o.source)) : null,
      ),
      h("div", { class: "work-field work-note" }, h("label", { for: `${base}-note` }, t("notes"), srOnly(` ${o.id}`)), note),
    ),
    h("h4", { class: "work-suggestions-heading" }, t("suggestions", main.length)),
    bundled
      ? clauseGroups(main, { o, oa, lang, change, markFor, competencies, base })
      : main.length
        ? h(
            "ol",
            { class: "work-suggestions" },
            main.map((s) => suggestionItem(s, { o, lang, change, markFor })),
          )
        : h("p", { class: "work-hint" }, t("noSuggestions")),
    // Suggestions below the "partial" threshold are rarely right (see the
    // README's calibration), so they wait behind a disclosure instead of
    // filling the card; once decided on, one moves up with the others.
    low.length
      ? h(
          "details",
          {
            class: "work-low",
            open: view.lowOpen.has(o.id),
            ontoggle: (e) => (e.currentTarget.open ? view.lowOpen.add(o.id) : view.lowOpen.delete(o.id)),
          },
          h("summary", {}, t("lowScoring", low.length), srOnly(` ${o.id}`)),
          h(
            "ol",
            { class: "work-suggestions" },
            low.map((s) => suggestionItem(s, { o, lang, change, markFor })),
          ),
        )
      : null,
    searchBox({
      engine: ctx.engine,
      lang,
      key: o.id,
      label: o.id,
      idBase: base,
      scope: { grade: grade ?? project.settings.grade, area: area ?? project.settings.area },
      listed,
      query: view.queries.get(o.id) ?? "",
      onQuery: (q) => view.queries.set(o.id, q),
      onAdd: ({ code, text: indicatorText }) => {
        // The engine's own score of this outcome against the indicator, when
        // they share anything (topK 0 lists every such candidate), else 0.
        const found = ctx.engine.rank(o.text, { topK: 0, evidence: false }).find((m) => m.code === code);
        change((p) => decide(p, o.id, code, { status: "added", relation: "aligned", score: found?.score ?? 0, text: indicatorText }));
        ctx.announce(tr(ALIGN, ctx.store.get().lang)("added", code));
      },
    }),
    h(
      "div",
      { class: "work-card-foot" },
      h(
        "button",
        {
          type: "button",
          class: "work-remove",
          onclick: () => {
            flushNotes(view);
            const before = ctx.store.get().project;
            const at = before.outcomes.indexOf(o);
            view.removed = { project: before, id: o.id };
            ctx.store.update((p) => withoutOutcome(p, o.id), "remove");
            ctx.announce(tr(ALIGN, ctx.store.get().lang)("removed", o.id));
            // Focus goes to the outcome that took this one's place, else the heading.
            const rest = ctx.store.get().project.outcomes;
            const next = rest[Math.min(at, rest.length - 1)];
            const target = next ? view.cards.get(next.id)?.querySelector("h3") : null;
            (target ?? view.section.querySelector("h2"))?.focus();
          },
        },
        t("remove"),
        srOnly(` ${o.id}`),
      ),
    ),
  );
}


/**
 * A bundled outcome's suggestions under the clause each answers: one section per
 * clause, headed by its number and kind (a process or competency clause named by its
 * competency), with its text and its suggestions, or a line saying it found none.
 */
function clauseGroups(main, { o, oa, lang, change, markFor, competencies, base }) {
  const { groups, rest } = groupByClause(oa.clauses, main, (s) => s.match);
  const words = clauseWords(lang);
  const list = (items) =>
    h(
      "ol",
      { class: "work-suggestions" },
      items.map((s) => suggestionItem(s, { o, oa, lang, change, markFor })),
    );
  return h(
    "div",
    { class: "work-clause-groups" },
    groups.map((g) => {
      const id = `${base}-clause-${g.index}`;
      const empty = emptyClauseText(g, lang, (s) => s.match);
      return h(
        "section",
        { class: `work-clause-group is-${g.clause.kind}`, "aria-labelledby": id, dataset: { clause: String(g.index) } },
        h("h5", { class: "work-clause-heading", id }, clauseHeading(g.clause, g.index, lang, competencies)),
        h("p", { class: "work-clause-text" }, g.clause.text),
        g.items.length ? list(g.items) : null,
        empty ? h("p", { class: g.clause.kind === "content" && !g.also.length ? "work-clause-empty" : "work-hint" }, empty) : null,
      );
    }),
    rest.length
      ? h(
          "section",
          { class: "work-clause-group is-whole", "aria-labelledby": `${base}-clause-whole` },
          h("h5", { class: "work-clause-heading", id: `${base}-clause-whole` }, words.whole),
          list(rest),
        )
      : null,
  );
}

function suggestionItem({ match: m, decision: d }, { o, oa, lang, change, markFor }) {
  const t = tr(ALIGN, lang);
  const c = tr(COMMON, lang);
  const status = d?.status ?? null;
  const key = `${o.id}|${m.code}`;
  const terms = contextTerms(m);
  const level = d?.relation ?? (m.relation === "aligned" ? "aligned" : "partial");

  const toggle = (which) =>
    change((p) => decide(p, o.id, m.code, status === which ? null : { status: which, relation: level }));
  const levelSelect = () =>
    h(
      "label",
      { class: "work-level" },
      h("span", {}, t("level"), srOnly(t("forCode", m.code))),
      h(
        "select",
        {
          dataset: { focusKey: `${key}|level` },
          onchange: (e) => change((p) => decide(p, o.id, m.code, { ...d, relation: e.target.value })),
        },
        ["aligned", "partial"].map((r) => h("option", { value: r, selected: r === level }, relationName(r, lang))),
      ),
    );

  return h(
    "li",
    {
      class: ["work-suggestion", status ? `is-${status}` : null].filter(Boolean).join(" "),
      dataset: { code: m.code },
      onfocusin: () => markFor(m.code),
      onmouseenter: () => markFor(m.code),
    },
    h(
      "p",
      { class: "work-suggestion-head" },
      h("strong", { class: "code" }, m.code),
      " ",
      status === "added"
        ? h("span", { class: "work-tag" }, t("addedTag"))
        : h("span", { class: m.relation }, relationName(m.relation, lang)),
      " ",
      h("span", { class: "work-score" }, `${c("score")} ${scoreText(m.score)}`),
      status === "confirmed" ? [" ", h("span", { class: "work-tag work-tag-confirmed" }, t("confirmedTag"))] : null,
      status === "rejected" ? [" ", h("span", { class: "work-tag work-tag-rejected" }, t("rejectedTag"))] : null,
      isBundled(oa) && answersText(m, oa.clauses, lang) ? [" ", h("span", { class: "work-tag" }, answersText(m, oa.clauses, lang))] : null,
    ),
    h("p", { class: "work-indicator-text" }, marked(m.text, indicatorSpans(m))),
    terms.length ? h("p", { class: "work-hint" }, c("coreContent"), " ", [...new Set(terms)].join(", ")) : null,
    h(
      "div",
      { class: "work-decision" },
      status === "added"
        ? [
            levelSelect(),
            h(
              "button",
              { type: "button", dataset: { focusKey: `${key}|takeout` }, onclick: () => change((p) => decide(p, o.id, m.code, null)) },
              t("takeOut"),
              srOnly(t("forCode", m.code)),
            ),
          ]
        : [
            h(
              "button",
              { type: "button", class: "work-confirm", "aria-pressed": String(status === "confirmed"), dataset: { focusKey: `${key}|confirm` }, onclick: () => toggle("confirmed") },
              t("confirm"),
              srOnly(t("forCode", m.code)),
            ),
            h(
              "button",
              { type: "button", class: "work-reject", "aria-pressed": String(status === "rejected"), dataset: { focusKey: `${key}|reject` }, onclick: () => toggle("rejected") },
              t("reject"),
              srOnly(t("forCode", m.code)),
            ),
            status === "confirmed" ? levelSelect() : null,
          ],
    ),
  );
}
