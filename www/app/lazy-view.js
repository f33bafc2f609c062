// Views that load on first use. Opening the app downloads only what its first
// screen needs (index.html preloads it); a view's module is imported the first
// time the view is shown. Meanwhile its section says so; if the import fails
// (the network went away, a file is missing on the server) it says that
// instead, with a button to try again, never a blank view.
import { h, fill } from "../dom.js";
import { tr, SHELL } from "./i18n.js";

/**
 * `views`: `[name, module | () => Promise<module>]`; a module given as it is is
 * mounted at once. `section(name)` is the view's <section>; `retry(name)` is
 * what the failure's button does (the shell shows the view again).
 * Returns `{ mounted(name), isMounted(name) }`: `mounted` starts loading the
 * view if need be and resolves to whether it is mounted.
 */
export function lazyViews(views, ctx, { section, retry }) {
  const loaders = new Map(views);
  const mounts = new Map();
  /** Views not mounted yet: name → `{ error }` (null while loading). */
  const pending = new Map();
  const done = new Set();

  const mount = (name, view) => {
    section(name).removeAttribute("aria-busy");
    view.mount(section(name), ctx);
    pending.delete(name);
    done.add(name);
  };
  const placeholder = (name) => {
    const t = tr(SHELL, ctx.store.get().lang);
    const { error } = pending.get(name);
    // In a .work-view box for the buttons' look; the section's own classes are the view's to set.
    fill(
      section(name),
      h(
        "div",
        { class: "work-view view-pending" },
        h("h2", { tabindex: "-1" }, t(name)),
        error
          ? [
              h("p", { class: "work-error", role: "alert" }, t("viewFailed", error.message ?? String(error))),
              h("button", { type: "button", class: "work-primary", dataset: { retry: name }, onclick: () => retry(name) }, t("viewRetry")),
            ]
          : h("p", { role: "status" }, t("viewLoading")),
      ),
    );
  };
  const load = async (name) => {
    pending.set(name, { error: null });
    placeholder(name);
    // Busy while the module loads: assistive technology waits for the view (and tests can too).
    section(name).setAttribute("aria-busy", "true");
    try {
      mount(name, await loaders.get(name)());
      return true;
    } catch (error) {
      console.warn(`the ${name} view could not be loaded`, error);
      // Forgotten, so that showing the view again tries again.
      mounts.delete(name);
      pending.set(name, { error });
      section(name).removeAttribute("aria-busy");
      placeholder(name);
      return false;
    }
  };

  for (const [name, view] of views) {
    if (typeof view !== "function") {
      mount(name, view);
      mounts.set(name, Promise.resolve(true));
    }
  }
  ctx.store.subscribe((state, prev) => {
    if (state.lang !== prev.lang) for (const name of pending.keys()) placeholder(name);
  });

  return {
    mounted(name) {
      if (!mounts.has(name)) mounts.set(name, load(name));
      return mounts.get(name);
    },
    isMounted: (name) => done.has(name),
  };
}
