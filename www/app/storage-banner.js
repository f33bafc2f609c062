// `#storage-banner`: says plainly, in the app's language, when the work is not
// safe in this browser (saving fails, or a newer app's record is there) and
// offers the project file instead; or why the saved work could not be read.
import { h, fill, download } from "../dom.js";
import { projectFile } from "../project.js";
import { tr, STORAGE } from "./i18n.js";
import { dateStamp } from "./file-names.js";

/**
 * The banner in `element` for the app's `store`. `problems()` gives what to
 * say now: `{ refused, failed, restoreProblem }` (a newer app's record, saving
 * failing, the saved work unreadable); `onDismiss()` is called when the
 * teacher dismisses the restore problem. Returns the function that renders it.
 */
export function storageBanner(element, store, { problems, onDismiss }) {
  const saveFileButton = (t) =>
    h(
      "button",
      {
        type: "button",
        id: "storage-save-file",
        onclick: () => download(`sapan-project-${dateStamp()}.sapan.json`, projectFile(store.get().project), "application/json"),
      },
      t("saveNow"),
    );
  const said = (e) => e[store.get().lang === "en" ? "messageEn" : "messageTh"] ?? e.message;
  const render = () => {
    const { refused, failed, restoreProblem } = problems();
    const t = tr(STORAGE, store.get().lang);
    if (refused) {
      fill(element, h("p", {}, t("newerRecord", said(refused))), saveFileButton(t));
    } else if (failed) {
      fill(element, h("p", {}, t("notSaved")), saveFileButton(t));
    } else if (restoreProblem) {
      fill(
        element,
        h("p", {}, t("restoreFailed", said(restoreProblem))),
        h("button", { type: "button", id: "storage-dismiss", onclick: dismiss }, t("dismiss")),
      );
    }
    element.dataset.problem = refused ? "newer" : failed ? "not-saved" : restoreProblem ? "restore" : "";
    element.hidden = !failed && !restoreProblem && !refused;
  };
  const dismiss = () => {
    onDismiss();
    render();
    document.getElementById("main")?.focus();
  };
  return render;
}
