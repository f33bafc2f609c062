// The teacher app's shell: loads the engine and the saved project, keeps the
// state (app/store.js), and shows one view at a time. Each view is a module
// under app/ with `mount(section, ctx)`; it renders from `ctx.store` and
// re-renders when the state changes. Every text is set as text (dom.js).
import { loadEngine } from "./engine.js";
import { h, fill } from "./dom.js";
import { emptyProject } from "./project.js";
import { createStore } from "./app/store.js";
import { createAligner } from "./app/aligner.js";
import { mountAligningPanel } from "./app/aligning-panel.js";
import { tr, SHELL } from "./app/i18n.js";
import { restoreProject, persist } from "./app/storage.js";
import * as importView from "./app/import-view.js";
import * as alignView from "./app/align-view.js";
import * as coverageView from "./app/coverage-view.js";
import * as exportView from "./app/export-view.js";
import * as freeView from "./app/free-text.js";

const VIEWS = [
  ["import", importView],
  ["align", alignView],
  ["coverage", coverageView],
  ["export", exportView],
  ["free", freeView],
];
const $ = (id) => document.getElementById(id);

function savedLang() {
  try {
    return localStorage.getItem("sapan-lang") === "en" ? "en" : "th";
  } catch {
    return "th";
  }
}

function renderShell(state) {
  const t = tr(SHELL, state.lang);
  document.documentElement.lang = state.lang;
  $("app-title").textContent = t("title");
  $("app-tagline").textContent = t("tagline");
  $("skip-link").textContent = t("skip");
  $("tabs").setAttribute("aria-label", t("tabs"));
  const toggle = $("lang-toggle");
  toggle.textContent = t("langToggle");
  toggle.setAttribute("aria-label", t("langToggleLabel"));
  toggle.lang = state.lang === "th" ? "en" : "th";
  $("app-footer").textContent = t("footer");
  for (const button of $("tabs").querySelectorAll("button")) button.textContent = t(button.dataset.view);
}

async function start() {
  const lang = savedLang();
  $("app-status").textContent = tr(SHELL, lang)("loading");
  const [engine, saved] = await Promise.all([loadEngine(), restoreProject()]);
  const store = createStore({ project: emptyProject(), lang }, createAligner(engine));
  // A large saved project is aligned in the worker while the page is already
  // usable (app/store.js); a small one at once, as before.
  if (saved) store.update(() => saved, "restore", { keep: true });

  let current = null;
  const show = (name, { focus = false } = {}) => {
    if (!VIEWS.some(([n]) => n === name)) name = "import";
    current = name;
    for (const [n] of VIEWS) $(`view-${n}`).hidden = n !== name;
    for (const b of $("tabs").querySelectorAll("button")) {
      if (b.dataset.view === name) b.setAttribute("aria-current", "page");
      else b.removeAttribute("aria-current");
    }
    if (location.hash !== `#${name}`) history.replaceState(null, "", `#${name}`);
    if (focus) $(`view-${name}`).querySelector("h2")?.focus();
  };
  // The status line's "ready" follows the language; an announcement stays as said.
  let readyShown = false;
  const ctx = {
    engine,
    store,
    show: (name) => show(name, { focus: true }),
    /** Says `message` to screen readers (and shows it) in the status line. */
    announce: (message) => {
      readyShown = false;
      $("app-status").textContent = message;
    },
  };

  fill(
    $("tabs"),
    VIEWS.map(([name]) =>
      h("button", { type: "button", dataset: { view: name }, onclick: () => show(name, { focus: true }) }),
    ),
  );
  $("lang-toggle").addEventListener("click", () => {
    const next = store.get().lang === "th" ? "en" : "th";
    try {
      localStorage.setItem("sapan-lang", next);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this visit.
    }
    store.setLang(next);
  });
  store.subscribe((state, prev) => {
    if (state.lang === prev.lang) return;
    renderShell(state);
    if (readyShown) $("app-status").textContent = tr(SHELL, state.lang)("ready");
  });
  renderShell(store.get());
  mountAligningPanel($("view-import"), ctx);
  for (const [name, view] of VIEWS) view.mount($(`view-${name}`), ctx);
  persist(ctx);

  const wanted = location.hash.slice(1);
  show(wanted || (store.upcoming().outcomes.length ? "align" : "import"));
  window.addEventListener("hashchange", () => current !== location.hash.slice(1) && show(location.hash.slice(1)));
  $("app-status").textContent = tr(SHELL, store.get().lang)("ready");
  readyShown = true;
  document.body.dataset.ready = "true";
}

start().catch((e) => {
  $("app-status").textContent = tr(SHELL, savedLang())("failed", e?.message ?? String(e));
  console.error(e);
});
