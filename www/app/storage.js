// Keeps the teacher's work in this browser (IndexedDB), so closing the tab
// loses nothing, and says so plainly when it cannot: private mode, a full
// disk or a browser without IndexedDB must never break the app or lose work
// silently. The saved record is only trusted after `readProjectFile` has
// checked it, as a file from elsewhere would be.
//
// Database `sapan`, object store `projects`, key "current", value
// `{ schema: 1, savedAt: ISO string, project }`.
import { h, fill, download } from "../dom.js";
import { projectFile, readProjectFile } from "../project.js";
import { tr } from "./i18n.js";
import { RESULTS } from "./results-i18n.js";
import { dateStamp } from "./results-common.js";

const DB_NAME = "sapan";
// The database version: raise it together with a step in `upgrade`.
const DB_VERSION = 1;
const STORE = "projects";
const KEY = "current";
// The record's own version (what `project` holds), checked when read.
const SCHEMA = 1;
// Long enough for a slow school laptop, short enough that a browser whose
// IndexedDB never answers does not hold the app's start.
const OPEN_TIMEOUT_MS = 3000;
const SAVE_DELAY_MS = 250;

/**
 * Every change of the database's shape, in one place, run in order from the
 * version the browser had (0 for a new database). Migrations of later
 * versions go here as `if (oldVersion < 2) …`.
 */
function upgrade(db, oldVersion) {
  if (oldVersion < 1) db.createObjectStore(STORE);
}

let opening = null;
/** The database once open (see `save`). */
let database = null;

/** The open database; rejects (never hangs) when IndexedDB is missing, errs, is blocked or does not answer. */
function openDb() {
  opening ??= new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined" || !indexedDB) return reject(new Error("IndexedDB is not available"));
    const timer = setTimeout(() => reject(new Error("IndexedDB did not answer")), OPEN_TIMEOUT_MS);
    const done = (fn, value) => {
      clearTimeout(timer);
      fn(value);
    };
    let request;
    try {
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (e) {
      return done(reject, e);
    }
    request.onupgradeneeded = (e) => upgrade(request.result, e.oldVersion);
    request.onblocked = () => done(reject, new Error("IndexedDB is blocked by another tab"));
    request.onerror = () => done(reject, request.error ?? new Error("IndexedDB could not be opened"));
    request.onsuccess = () => {
      const db = request.result;
      // Another tab with a newer app wants to upgrade: let it.
      db.onversionchange = () => {
        db.close();
        opening = null;
        database = null;
      };
      database = db;
      done(resolve, db);
    };
  });
  // A failed open is tried again on the next save (the teacher may free space).
  opening.catch(() => (opening = null));
  return opening;
}

function requestDone(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

let restoreProblem = null;

/** The project saved in this browser, or null (nothing saved, unreadable, or no IndexedDB). */
export async function restoreProject() {
  let saved;
  try {
    const db = await openDb();
    saved = await requestDone(db.transaction(STORE, "readonly").objectStore(STORE).get(KEY));
  } catch {
    // No IndexedDB here (or it fails): start empty; the first failed save says so.
    saved = undefined;
  }
  // The copy written as the page was left wins when it is newer than the record.
  const lastMoment = readLastMoment();
  if (lastMoment && (!saved || !(saved.savedAt >= lastMoment.savedAt))) saved = lastMoment;
  if (saved === undefined) return null;
  try {
    if (!saved || saved.schema !== SCHEMA) {
      throw new Error(`unknown record schema ${JSON.stringify(saved?.schema)} (this app reads ${SCHEMA})`);
    }
    return readProjectFile(JSON.stringify(saved.project));
  } catch (e) {
    // A damaged record must not stop the app: start empty and say why.
    restoreProblem = e;
    return null;
  }
}

// The last-moment copy. A reload or a closed tab may end the page before an
// IndexedDB transaction started in `pagehide` commits (seen in Chromium: a
// reload right after a click lost the click). localStorage writes are
// synchronous, so unsaved work is also written there as the page is left,
// and removed again once IndexedDB holds it. (It may not fit: localStorage
// holds a few MB; then only IndexedDB's chance remains.)
const LAST_MOMENT_KEY = "sapan-last-moment";

function writeLastMoment(project) {
  try {
    localStorage.setItem(LAST_MOMENT_KEY, JSON.stringify({ schema: SCHEMA, savedAt: new Date().toISOString(), project }));
  } catch {
    // Full or refused: IndexedDB's save, started at the same moment, is the other chance.
  }
}

function readLastMoment() {
  try {
    const text = localStorage.getItem(LAST_MOMENT_KEY);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function clearLastMoment() {
  try {
    localStorage.removeItem(LAST_MOMENT_KEY);
  } catch {
    // Nothing to clear where storage is refused.
  }
}

/** Writes `project` as the current record; rejects on any failure (quota, private mode, …). */
function save(project) {
  const put = (db) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, "readwrite");
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error("the save was aborted"));
      tx.objectStore(STORE).put({ schema: SCHEMA, savedAt: new Date().toISOString(), project }, KEY);
      // Commit now rather than when the task ends: the page may be gone by then.
      tx.commit?.();
    });
  // With the database open, the transaction is created right here, in the
  // same task: a save started by `pagehide` (a reload, a closed tab) must be
  // queued before the page goes away, not a few microtasks later. Readwrite
  // transactions on one store complete in the order they were created, so
  // the last save wins without chaining saves.
  if (database) {
    try {
      return put(database);
    } catch (e) {
      return Promise.reject(e);
    }
  }
  return openDb().then(put);
}

// The last save's outcome, for the export view's small indicator:
// `{ state: "idle"|"pending"|"saved"|"failed", at: Date|null }`.
let status = { state: "idle", at: null };
const statusListeners = new Set();

function setStatus(next) {
  status = next;
  for (const fn of statusListeners) fn(status);
}

/** Calls `fn(status)` now and on every change of the save status; returns an unsubscribe function. */
export function onSaveStatus(fn) {
  statusListeners.add(fn);
  fn(status);
  return () => statusListeners.delete(fn);
}

/**
 * Saves the project on every change (debounced), flushes when the page is
 * hidden or left, and shows `#storage-banner` while saving fails.
 */
export function persist(ctx) {
  const banner = document.getElementById("storage-banner");
  let timer = null;
  let saving = Promise.resolve();
  let failed = false;

  const renderBanner = () => {
    const t = tr(RESULTS, ctx.store.get().lang);
    if (failed) {
      fill(
        banner,
        h("p", {}, t("notSaved")),
        h(
          "button",
          {
            type: "button",
            id: "storage-save-file",
            onclick: () =>
              download(`sapan-project-${dateStamp()}.sapan.json`, projectFile(ctx.store.get().project), "application/json"),
          },
          t("saveNow"),
        ),
      );
    } else if (restoreProblem) {
      const message = restoreProblem[ctx.store.get().lang === "en" ? "messageEn" : "messageTh"] ?? restoreProblem.message;
      fill(
        banner,
        h("p", {}, t("restoreFailed", message)),
        h("button", { type: "button", id: "storage-dismiss", onclick: dismiss }, t("dismiss")),
      );
    }
    banner.hidden = !failed && !restoreProblem;
  };
  const dismiss = () => {
    restoreProblem = null;
    renderBanner();
    document.getElementById("main")?.focus();
  };

  const flush = () => {
    if (timer === null) return saving;
    clearTimeout(timer);
    timer = null;
    const project = ctx.store.get().project;
    const started = save(project);
    saving = saving.then(() =>
      started.then(
        () => {
          // IndexedDB now holds at least what the last-moment copy held.
          if (timer === null) clearLastMoment();
          setStatus({ state: "saved", at: new Date() });
          if (failed) {
            failed = false;
            renderBanner();
          }
        },
        (e) => {
          setStatus({ state: "failed", at: null });
          console.warn("Sapan: the work could not be saved in this browser", e);
          if (!failed) {
            failed = true;
            renderBanner();
          }
        },
      ),
    );
    return saving;
  };

  ctx.store.subscribe((state, prev) => {
    if (state.reason === "lang") {
      if (!banner.hidden) renderBanner();
      return;
    }
    if (state.project === prev.project) return;
    setStatus({ state: "pending", at: status.at });
    clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
  });
  // Leaving or hiding the page (closing the laptop, switching apps) must not
  // lose the last 250 ms of work.
  const leave = () => {
    if (timer !== null) writeLastMoment(ctx.store.get().project);
    flush();
  };
  window.addEventListener("pagehide", leave);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && leave());
  renderBanner();
}
