// While a large change waits for its alignment (app/store.js), the shell
// shows how far the work is: a real <progress> with its label, the count in
// words, and a Cancel button. It sits above every view, so the teacher can
// go on reading or reviewing meanwhile. Screen readers hear the start and
// the end through the polite status line (ctx.announce), not every chunk;
// the progress bar itself says where the work is when they reach it.
import { h } from "../dom.js";
import { tr } from "./i18n.js";
import { ALIGN } from "./work-i18n.js";

/** Puts the panel before `before` (in the main region) and keeps it in step with the store. */
export function mountAligningPanel(before, ctx) {
  const { store } = ctx;
  const label = h("label", { id: "app-aligning-label", for: "app-aligning-progress" });
  const progress = h("progress", { id: "app-aligning-progress", max: 1, value: 0 });
  const count = h("span", { id: "app-aligning-count" });
  const hint = h("span", { id: "app-aligning-hint", class: "work-hint" });
  const cancel = h("button", {
    type: "button",
    id: "app-aligning-cancel",
    "aria-describedby": "app-aligning-hint",
    onclick: () => {
      const reason = store.aligning()?.reason;
      if (!store.cancel()) return;
      // The list the teacher was importing is still in the import view.
      if (reason === "import") ctx.show("import");
      else document.querySelector("section.view:not([hidden]) h2")?.focus();
    },
  });
  const panel = h("div", { id: "app-aligning", class: "work-aligning", role: "group", "aria-labelledby": "app-aligning-label", hidden: true }, label, " ", progress, " ", count, " ", cancel, " ", hint);
  before.before(panel);

  let shown = null;
  const render = (status) => {
    const t = tr(ALIGN, store.get().lang);
    if (!status) {
      panel.hidden = true;
      shown = null;
      return;
    }
    const total = status.total.toLocaleString("en-US");
    label.textContent = t(status.reason === "restore" ? "aligningRestore" : "aligning", total);
    progress.max = Math.max(status.total, 1);
    progress.value = status.done;
    progress.textContent = t("aligningCount", status.done.toLocaleString("en-US"), total);
    count.textContent = progress.textContent;
    cancel.textContent = t("aligningCancel");
    cancel.hidden = !status.cancellable;
    hint.textContent = status.cancellable ? t("aligningCancelHint") : "";
    panel.hidden = false;
    // A new piece of work is announced once, after whatever the change's own
    // view said when it started it (the import view announces its import).
    if (shown !== status.total) {
      shown = status.total;
      const words = label.textContent;
      setTimeout(() => store.aligning() && ctx.announce(words), 0);
    }
  };

  store.onAligning((event) => {
    render(event.status);
    const t = tr(ALIGN, store.get().lang);
    if (event.type === "done") ctx.announce(t("aligningDone", event.total.toLocaleString("en-US")));
    if (event.type === "cancelled" && !event.status) ctx.announce(t("aligningCancelled"));
    if (event.type === "failed") ctx.announce(t("aligningFailed", event.error?.message ?? String(event.error)));
  });
  store.subscribe((state, prev) => state.lang !== prev.lang && render(store.aligning()));
  render(store.aligning());
}
