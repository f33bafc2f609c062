// The teacher app's shell: loads the engine and the saved project, keeps the
// state (app/store.js), and shows one view at a time. Each view is a module
// under app/ with `mount(section, ctx)`; it renders from `ctx.store` and
// re-renders when the state changes. Every text is set as text (dom.js).
//
// Only the import view, where every project starts, is imported statically
// (and preloaded by index.html); the others are imported the first time they
// are shown, so that opening the app downloads what its first screen needs.
import { loadEngine } from "./engine.js";
import { h, fill } from "./dom.js";
import { emptyProject } from "./project.js";
import { createStore } from "./app/store.js";
import { createAligner } from "./app/aligner.js";
import { mountAligningPanel } from "./app/aligning-panel.js";
import { tr, SHELL } from "./app/i18n.js";
import { restoreProject, persist } from "./app/storage.js";
import * as importView from "./app/import-view.js";
import { lazyViews } from "./app/lazy-view.js";

// Each view by name, with its module or a function importing it. The specifiers
// stay literal: scripts/package.mjs reads them to tell the first load from
// what each view adds (and tests/wasm/app-loading.test.mjs holds index.html's
// preload hints to that).
const VIEWS = [
  ["import", importView],
  ["align", () => import("./app/align-view.js")],
  ["coverage", () => import("./app/coverage-view.js")],
  ["export", () => import("./app/export-view.js")],
  ["free", () => import("./app/free-text.js")],
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

/**
 * Printing from any tab prints the export view's A4 document, which that view
 * builds (app/export-view.js, on `beforeprint`). Until the export view is
 * first opened its module is not loaded: Ctrl+P (⌘P) then waits for it and
 * prints; a print started from the browser's menu cannot wait, so the page
 * printed says to print again, and the view loads meanwhile.
 */
function printFromAnyView(views) {
  document.addEventListener("keydown", (e) => {
    // e.code as well: with a Thai keyboard layout the P key's e.key is "ย".
    const printKey = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.code === "KeyP" || e.key.toLowerCase() === "p");
    if (!printKey || views.isMounted("export")) return;
    e.preventDefault();
    views.mounted("export").then((ok) => ok && window.print());
  });
  window.addEventListener("beforeprint", () => {
    if (views.isMounted("export")) return;
    views.mounted("export");
    // After the loading note mounted() put in the section: the print styles show only .print-doc there.
    $("view-export").append(h("p", { class: "print-doc", id: "print-pending" }, tr(SHELL, document.documentElement.lang)("printPending")));
  });
}

async function start() {
  const lang = savedLang();
  $("app-status").textContent = tr(SHELL, lang)("loading");
  // A link to another view (#free, #align …) would otherwise fetch that view's
  // module only once the engine is ready: one more round trip before the page is
  // usable. Fetched now, alongside the engine; a failure is left to the view's
  // own load below, which says so and offers a retry.
  const linked = VIEWS.find(([name]) => location.hash === `#${name}`)?.[1];
  if (typeof linked === "function") linked().catch(() => {});
  const [engine, saved] = await Promise.all([loadEngine(), restoreProject()]);
  const store = createStore({ project: emptyProject(), lang }, createAligner(engine));
  // A large saved project is aligned in the worker while the page is already
  // usable (app/store.js); a small one at once, as before.
  if (saved) store.update(() => saved, "restore", { keep: true });

  let current = null;
  // Set below, once ctx exists: mounts a view on first use.
  let views = null;
  /** Shows view `name`; resolves once it is mounted (at once if it already is). */
  const show = (name, { focus = false } = {}) => {
    if (!VIEWS.some(([n]) => n === name)) name = "import";
    current = name;
    for (const [n] of VIEWS) $(`view-${n}`).hidden = n !== name;
    for (const b of $("tabs").querySelectorAll("button")) {
      if (b.dataset.view === name) b.setAttribute("aria-current", "page");
      else b.removeAttribute("aria-current");
    }
    if (location.hash !== `#${name}`) history.replaceState(null, "", `#${name}`);
    const tab = document.activeElement;
    return views.mounted(name).then(() => {
      // Focus moves to the view's heading (or, if it failed to load, to the
      // heading of what went wrong) as it did before views loaded lazily,
      // unless the teacher went elsewhere while the module loaded.
      const stayed = tab === document.activeElement || document.activeElement === document.body;
      if (focus && current === name && stayed) $(`view-${name}`).querySelector("h2")?.focus();
    });
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
  views = lazyViews(VIEWS, ctx, { section: (name) => $(`view-${name}`), retry: (name) => show(name, { focus: true }) });
  persist(ctx);
  printFromAnyView(views);

  // The first view (from the address, or the align view for a saved project)
  // is mounted before the app says it is ready.
  const wanted = location.hash.slice(1);
  await show(wanted || (store.upcoming().outcomes.length ? "align" : "import"));
  window.addEventListener("hashchange", () => current !== location.hash.slice(1) && show(location.hash.slice(1)));
  $("app-status").textContent = tr(SHELL, store.get().lang)("ready");
  readyShown = true;
  document.body.dataset.ready = "true";
}

start().catch((e) => {
  $("app-status").textContent = tr(SHELL, savedLang())("failed", e?.message ?? String(e));
  console.error(e);
});
