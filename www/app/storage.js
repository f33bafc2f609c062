// Keeps the teacher's work in this browser (IndexedDB), so closing the tab
// loses nothing, and says so plainly when it cannot: private mode, a full
// disk or a browser without IndexedDB must never break the app or lose work
// silently. The saved record is only trusted after `readProjectFile` has
// checked it, as a file from elsewhere would be.
//
// Database `sapan`, object store `projects`, key "current", value (schema 2)
// `{ schema: 2, revision, savedAt: ISO string, lastMoments: [id], project }`.
//
// Two tabs, no lost update. Each tab remembers the revision it last read or
// wrote and that revision's project (its base). Its unsaved changes are the
// difference between the base and the project in memory. A save is one
// readwrite transaction: it reads the record and, if another tab wrote since,
// puts this tab's changes on top of the stored project (`rebase` in
// ../project.js: per decision, note, setting and option the later save wins;
// a removed outcome stays removed) before writing revision + 1. Every save is
// announced on a BroadcastChannel (and looked for when the page is shown
// again), and the other tabs take the new project in as a "sync" change that
// keeps their own unsaved changes.
import { h, fill, download } from "../dom.js";
import { emptyProject, keepUnchanged, projectFile, readProjectFile, rebase } from "../project.js";
import { tr } from "./i18n.js";
import { RESULTS } from "./results-i18n.js";
import { dateStamp } from "./results-common.js";

const DB_NAME = "sapan";
// The database version: raise it together with a step in `upgrade`.
const DB_VERSION = 1;
const STORE = "projects";
const KEY = "current";
// The record's own version, checked when read; older ones are migrated
// (`MIGRATIONS`), newer ones are never read nor overwritten.
export const SCHEMA = 2;
// Long enough for a slow school laptop, short enough that a browser whose
// IndexedDB never answers does not hold the app's start.
const OPEN_TIMEOUT_MS = 3000;
const SAVE_DELAY_MS = 250;
// How many last-moment copies a record remembers having taken in (see below).
const KEEP_LAST_MOMENTS = 20;
const CHANNEL = "sapan-project";

/**
 * Every change of the database's shape, in one place, run in order from the
 * version the browser had (0 for a new database). Migrations of later
 * versions go here as `if (oldVersion < 2) …`.
 */
function upgrade(db, oldVersion) {
  if (oldVersion < 1) db.createObjectStore(STORE);
}

/**
 * The record migrations, `MIGRATIONS[n]` taking a schema-n record to n + 1.
 * 1 → 2: the record gains the revision that lets two tabs save without
 * losing each other's work; its project (version 1, without export options)
 * is read by `readProjectFile`, which gives it the default export options.
 */
const MIGRATIONS = {
  1: (record) => ({ ...record, schema: 2, revision: 0, lastMoments: [] }),
};

/** A stored record this app will not read, said in Thai and English. */
export class RecordError extends Error {
  constructor(code, messageTh, messageEn) {
    super(`${messageTh} / ${messageEn}`);
    this.name = "RecordError";
    this.code = code;
    this.messageTh = messageTh;
    this.messageEn = messageEn;
  }
}

/**
 * A stored record, of any schema this app knows, as a schema-2 record whose
 * project has been checked: `{ schema, revision, savedAt, lastMoments, project }`.
 * Throws `RecordError` "newer_schema" for a record a newer app wrote, and
 * `RecordError` "invalid_record" or `ProjectFileError` for a damaged one.
 */
export function migrateRecord(stored) {
  if (!stored || typeof stored !== "object" || !Number.isInteger(stored.schema) || stored.schema < 1) {
    throw new RecordError("invalid_record", `ระเบียนที่บันทึกไว้ไม่มีรุ่น (schema) ที่ถูกต้อง`, `The saved record has no valid schema number`);
  }
  if (stored.schema > SCHEMA) {
    throw new RecordError(
      "newer_schema",
      `งานนี้บันทึกโดยสะพานรุ่นที่ใหม่กว่า (รูปแบบ ${stored.schema} แอปนี้อ่านได้ถึงรูปแบบ ${SCHEMA})`,
      `This work was saved by a newer Sapan (schema ${stored.schema}; this app reads up to ${SCHEMA})`,
    );
  }
  let record = stored;
  while (record.schema < SCHEMA) record = MIGRATIONS[record.schema](record);
  const revision = Number.isInteger(record.revision) && record.revision >= 0 ? record.revision : 0;
  const lastMoments = Array.isArray(record.lastMoments) ? record.lastMoments.filter((id) => typeof id === "string") : [];
  return { schema: SCHEMA, revision, savedAt: record.savedAt, lastMoments, project: readProjectFile(JSON.stringify(record.project)) };
}

// What this tab knows of the stored record: the revision it last read or
// wrote and that revision's project (null: nothing read). The project in
// memory differs from `base` exactly by the changes not yet saved.
const tab = {
  id: globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`,
  base: null,
  revision: 0,
  /** The record's last-moment ids, to tell copies already saved. */
  lastMoments: [],
  /** The stored record needs writing even without a change (migrated). */
  rewrite: false,
  /** Last-moment copies taken in at the start, removed after the first save. */
  takenIn: [],
};

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

function readRecord(db) {
  return requestDone(db.transaction(STORE, "readonly").objectStore(STORE).get(KEY));
}

/** Why the saved work could not be read (shown, dismissable), or null. */
let restoreProblem = null;
/** The record was written by a newer app: it is neither read nor overwritten. */
let refused = null;
/** IndexedDB could not be opened at the start (missing, refused, or no answer). */
let openProblem = null;

/** The project saved in this browser, or null (nothing saved, unreadable, or no IndexedDB). */
export async function restoreProject() {
  let stored;
  try {
    stored = await readRecord(await openDb());
  } catch (e) {
    // No IndexedDB here (or it fails): start from the last-moment copies, say so.
    openProblem = e;
    stored = undefined;
  }
  let project = null;
  if (stored !== undefined) {
    try {
      const record = migrateRecord(stored);
      project = record.project;
      tab.revision = record.revision;
      tab.lastMoments = record.lastMoments;
      // A migrated record is written back as schema 2, now that it has been read.
      tab.rewrite = stored.schema !== SCHEMA;
    } catch (e) {
      // A damaged or newer record must not stop the app: start empty and say why.
      if (e.code === "newer_schema") refused = e;
      else restoreProblem = e;
    }
  }
  tab.base = project;
  // Work a newer app saved is not this app's to mix with: its copies wait.
  if (refused) return null;
  for (const { key, copy } of readLastMoments()) {
    // A copy the record has already taken in (its save committed, the page
    // went before it could remove the copy) must not bring back what another
    // tab changed since.
    if (copy.id && tab.lastMoments.includes(copy.id)) {
      removeLastMoment(key);
      continue;
    }
    try {
      project = takeIn(copy, stored, project);
      tab.takenIn.push(key);
    } catch {
      // An unreadable copy is left where it is, not deleted.
    }
  }
  return project;
}

/** `project` with a last-moment copy's unsaved changes put on it. */
function takeIn(copy, stored, project) {
  if (copy.schema === 1) {
    // Written by the app before schema 2: the whole project, kept when newer than the record.
    if (stored && !(stored.savedAt < copy.savedAt)) return project;
    return rebase(tab.base, readProjectFile(JSON.stringify(copy.project)), project ?? emptyProject());
  }
  if (copy.schema !== SCHEMA) throw new Error(`unknown last-moment schema ${copy.schema}`);
  const base = copy.base ? readProjectFile(JSON.stringify(copy.base)) : null;
  return rebase(base, readProjectFile(JSON.stringify(copy.project)), project ?? emptyProject());
}

// The last-moment copies. A reload or a closed tab may end the page before an
// IndexedDB transaction started in `pagehide` commits (seen in Chromium: a
// reload right after a click lost the click). localStorage writes are
// synchronous, so unsaved work is also written there as the page is left,
// and removed again once IndexedDB holds it. Each tab writes its own key,
// with the base its changes were made on, so two tabs never overwrite each
// other's copy and a copy adds only its own changes. (It may not fit:
// localStorage holds a few MB; then only IndexedDB's chance remains.)
const LAST_MOMENT_KEY = "sapan-last-moment";
const ownLastMomentKey = `${LAST_MOMENT_KEY}:${tab.id}`;

/** Writes this tab's copy; returns its id (null when storage refused it). */
function writeLastMoment(project) {
  const id = `${tab.id}:${Date.now()}`;
  try {
    localStorage.setItem(
      ownLastMomentKey,
      JSON.stringify({ schema: SCHEMA, id, savedAt: new Date().toISOString(), revision: tab.revision, base: tab.base, project }),
    );
    return id;
  } catch {
    // Full or refused: IndexedDB's save, started at the same moment, is the other chance.
    return null;
  }
}

/** Every tab's copy (and the one the app before schema 2 wrote), oldest first. */
function readLastMoments() {
  const copies = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key !== LAST_MOMENT_KEY && !key?.startsWith(`${LAST_MOMENT_KEY}:`)) continue;
      try {
        const copy = JSON.parse(localStorage.getItem(key));
        if (copy && typeof copy === "object") copies.push({ key, copy });
      } catch {
        // Not JSON: not ours to read.
      }
    }
  } catch {
    // Storage refused: no copies.
  }
  return copies.sort((a, b) => String(a.copy.savedAt).localeCompare(String(b.copy.savedAt)));
}

function removeLastMoment(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to clear where storage is refused.
  }
}

/**
 * Saves the project in memory: reads the record and writes this tab's
 * changes on top of it as the next revision, in one transaction. Resolves to
 * `{ record, mine }` (what was written, and the project in memory it was made
 * from); rejects on any failure (quota, private mode, a newer record, …),
 * leaving the stored record as it was: a transaction is all or nothing.
 */
function save(store, lastMomentId) {
  const write = (db) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, "readwrite");
      let written = null;
      let failure = null;
      const fail = (e) => {
        failure = e;
        try {
          tx.abort();
        } catch {
          // Already finished: its own error is reported.
        }
      };
      tx.oncomplete = () => (written ? resolve(written) : reject(new Error("nothing was written")));
      tx.onerror = () => reject(failure ?? tx.error);
      tx.onabort = () => reject(failure ?? tx.error ?? new Error("the save was aborted"));
      const objects = tx.objectStore(STORE);
      const get = objects.get(KEY);
      get.onsuccess = () => {
        try {
          let theirs = null;
          if (get.result !== undefined) {
            try {
              theirs = migrateRecord(get.result);
            } catch (e) {
              // A newer app's record is never overwritten; a damaged one is (it was reported).
              if (e.code === "newer_schema") return fail(e);
            }
          }
          const mine = store.get().project;
          const project = theirs && theirs.revision !== tab.revision ? rebase(tab.base, mine, theirs.project) : mine;
          const lastMoments = [...(theirs?.lastMoments ?? []), ...(lastMomentId ? [lastMomentId] : [])].slice(-KEEP_LAST_MOMENTS);
          const revision = (theirs?.revision ?? tab.revision) + 1;
          const record = { schema: SCHEMA, revision, savedAt: new Date().toISOString(), lastMoments, project };
          objects.put(record, KEY);
          written = { record, mine };
          // Commit now rather than when the task ends: the page may be gone by then.
          tx.commit?.();
        } catch (e) {
          fail(e);
        }
      };
    });
  // With the database open, the transaction is created right here, in the
  // same task: a save started by `pagehide` (a reload, a closed tab) must be
  // queued before the page goes away, not a few microtasks later. Readwrite
  // transactions on one store run in the order they were created, so each
  // save reads what the one before wrote.
  if (database) {
    try {
      return write(database);
    } catch (e) {
      return Promise.reject(e);
    }
  }
  return openDb().then(write);
}

/**
 * Takes `theirs` (a newer revision, this tab's base until now `oldBase`) into
 * the store, keeping the changes this tab has not saved yet.
 */
function adopt(store, oldBase, theirs) {
  if (store.get().project === oldBase) {
    tab.base = keepUnchanged(oldBase, theirs);
    store.update(() => tab.base, "sync");
  } else {
    tab.base = theirs;
    store.update((p) => keepUnchanged(p, rebase(oldBase, p, theirs)), "sync");
  }
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
 * hidden or left, takes in what other tabs save, and shows `#storage-banner`
 * while saving fails.
 */
export function persist(ctx) {
  const { store } = ctx;
  const banner = document.getElementById("storage-banner");
  let timer = null;
  let saving = Promise.resolve();
  let failed = Boolean(openProblem);
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
  const pending = () => tab.rewrite || store.get().project !== tab.base;
  // Nothing saved and nothing taken in: the empty project the app starts with
  // is not work to save.
  if (tab.base === null && !tab.takenIn.length) tab.base = store.get().project;
  if (failed) setStatus({ state: "failed", at: null });

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
  const renderBanner = () => {
    const t = tr(RESULTS, store.get().lang);
    if (refused) {
      fill(banner, h("p", {}, t("newerRecord", said(refused))), saveFileButton(t));
    } else if (failed) {
      fill(banner, h("p", {}, t("notSaved")), saveFileButton(t));
    } else if (restoreProblem) {
      fill(
        banner,
        h("p", {}, t("restoreFailed", said(restoreProblem))),
        h("button", { type: "button", id: "storage-dismiss", onclick: dismiss }, t("dismiss")),
      );
    }
    banner.dataset.problem = refused ? "newer" : failed ? "not-saved" : restoreProblem ? "restore" : "";
    banner.hidden = !failed && !restoreProblem && !refused;
  };
  const dismiss = () => {
    restoreProblem = null;
    renderBanner();
    document.getElementById("main")?.focus();
  };
  const setFailed = (next) => {
    if (failed === next) return;
    failed = next;
    renderBanner();
  };

  const flush = (lastMomentId = null) => {
    clearTimeout(timer);
    timer = null;
    // A newer app's record stays as it is: the work lives in memory (and in
    // the project file the banner offers).
    if (refused) {
      setStatus({ state: "failed", at: null });
      return saving;
    }
    if (!pending()) return saving;
    const started = save(store, lastMomentId);
    saving = saving.then(() =>
      started.then(
        ({ record, mine }) => {
          tab.rewrite = false;
          tab.lastMoments = record.lastMoments;
          if (record.revision > tab.revision) {
            tab.revision = record.revision;
            tab.base = mine;
            // The save put another tab's work in: show it here too.
            if (record.project !== mine) adopt(store, mine, record.project);
          }
          channel?.postMessage({ revision: record.revision });
          // IndexedDB now holds what the last-moment copies held.
          if (!pending()) removeLastMoment(ownLastMomentKey);
          for (const key of tab.takenIn.splice(0)) removeLastMoment(key);
          setStatus({ state: "saved", at: new Date() });
          setFailed(false);
        },
        (e) => {
          if (e?.code === "newer_schema") {
            refused = e;
            renderBanner();
          }
          setStatus({ state: "failed", at: null });
          console.warn("Sapan: the work could not be saved in this browser", e);
          setFailed(true);
        },
      ),
    );
    return saving;
  };
  const schedule = () => {
    setStatus({ state: "pending", at: status.at });
    clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
  };

  /** Reads the record and takes it in when another tab saved a newer revision. */
  const pull = async () => {
    if (!database || refused) return;
    let stored;
    try {
      stored = await readRecord(database);
    } catch {
      return; // The next save reads it again.
    }
    if (stored === undefined) return;
    let record;
    try {
      record = migrateRecord(stored);
    } catch (e) {
      if (e.code === "newer_schema") {
        refused = e;
        renderBanner();
      }
      return;
    }
    if (record.revision <= tab.revision) return;
    const oldBase = tab.base;
    tab.revision = record.revision;
    tab.lastMoments = record.lastMoments;
    adopt(store, oldBase, record.project);
  };
  if (channel) channel.onmessage = (e) => e.data?.revision > tab.revision && pull();

  store.subscribe((state, prev) => {
    if (state.reason === "lang") {
      if (!banner.hidden) renderBanner();
      return;
    }
    if (state.project === prev.project) return;
    // Another tab's work taken in is already saved; only this tab's own changes wait.
    if (state.reason === "sync" && !pending()) return;
    schedule();
  });
  // Leaving or hiding the page (closing the laptop, switching apps) must not
  // lose the last 250 ms of work.
  const leave = () => flush(!refused && pending() ? writeLastMoment(store.get().project) : null);
  window.addEventListener("pagehide", leave);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") leave();
    // Without BroadcastChannel, coming back to the tab is when another tab's save is seen.
    else pull();
  });
  renderBanner();
  // Copies taken in at the start, and a migrated record, are written at once.
  if (pending()) schedule();
}
