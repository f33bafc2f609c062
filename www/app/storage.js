// Keeps the teacher's work in this browser (IndexedDB), so closing the tab
// loses nothing, and says so plainly when it cannot: private mode, a full
// disk or a browser without IndexedDB must never break the app or lose work
// silently. The saved record is only trusted after `readProjectFile` has
// checked it, as a file from elsewhere would be.
//
// This module is what the app imports; the concerns it puts together are
// each in their own: the record's schema and migrations (storage-record.js),
// the IndexedDB database and its transaction (storage-db.js), the
// last-moment copies in localStorage (storage-last-moment.js) and the banner
// (storage-banner.js).
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
import { keepUnchanged, rebase } from "../project.js";
import { SCHEMA, migrateRecord, nextRecord } from "./storage-record.js";
import { ProjectDb } from "./storage-db.js";
import { lastMomentKey, readLastMoments, removeLastMoment, takeIn, writeLastMoment } from "./storage-last-moment.js";
import { storageBanner } from "./storage-banner.js";

export { SCHEMA, RecordError, migrateRecord } from "./storage-record.js";

const SAVE_DELAY_MS = 250;
const CHANNEL = "sapan-project";

/** Everything this module knows, in one place. */
const state = {
  // What this tab knows of the stored record: the revision it last read or
  // wrote and that revision's project (null: nothing read). The project in
  // memory differs from `base` exactly by the changes not yet saved.
  tab: {
    id: globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`,
    base: null,
    revision: 0,
    /** The record's last-moment ids, to tell copies already saved. */
    lastMoments: [],
    /** The stored record needs writing even without a change (migrated). */
    rewrite: false,
    /** Last-moment copies taken in at the start, removed after the first save. */
    takenIn: [],
  },
  db: new ProjectDb(),
  /** Why the saved work could not be read (shown, dismissable), or null. */
  restoreProblem: null,
  /** The record was written by a newer app: it is neither read nor overwritten. */
  refused: null,
  /** IndexedDB could not be opened at the start (missing, refused, or no answer). */
  openProblem: null,
  // The last save's outcome, for the export view's small indicator:
  // `{ state: "idle"|"pending"|"saved"|"failed", at: Date|null }`.
  status: { state: "idle", at: null },
  statusListeners: new Set(),
};

/** The project saved in this browser, or null (nothing saved, unreadable, or no IndexedDB). */
export async function restoreProject() {
  const { tab } = state;
  let stored;
  try {
    stored = await state.db.read();
  } catch (e) {
    // No IndexedDB here (or it fails): start from the last-moment copies, say so.
    state.openProblem = e;
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
      if (e.code === "newer_schema") state.refused = e;
      else state.restoreProblem = e;
    }
  }
  tab.base = project;
  // Work a newer app saved is not this app's to mix with: its copies wait.
  if (state.refused) return null;
  for (const { key, copy } of readLastMoments()) {
    // A copy the record has already taken in (its save committed, the page
    // went before it could remove the copy) must not bring back what another
    // tab changed since.
    if (copy.id && tab.lastMoments.includes(copy.id)) {
      removeLastMoment(key);
      continue;
    }
    try {
      project = takeIn(copy, stored, tab.base, project);
      tab.takenIn.push(key);
    } catch {
      // An unreadable copy is left where it is, not deleted.
    }
  }
  return project;
}

/**
 * Saves the project in memory: reads the record and writes this tab's
 * changes on top of it as the next revision, in one transaction. Resolves to
 * `{ record, mine }` (what was written, and the project in memory it was made
 * from); rejects on any failure (quota, private mode, a newer record, …),
 * leaving the stored record as it was.
 */
function save(store, lastMomentId) {
  const { tab } = state;
  let mine;
  return state.db
    .save((stored) => {
      mine = store.get().project;
      return nextRecord(stored, { base: tab.base, revision: tab.revision, mine, lastMomentId });
    })
    .then((record) => ({ record, mine }));
}

/**
 * Takes `theirs` (a newer revision, this tab's base until now `oldBase`) into
 * the store, keeping the changes this tab has not saved yet.
 */
function adopt(store, oldBase, theirs) {
  const { tab } = state;
  if (store.get().project === oldBase) {
    tab.base = keepUnchanged(oldBase, theirs);
    store.update(() => tab.base, "sync");
  } else {
    tab.base = theirs;
    store.update((p) => keepUnchanged(p, rebase(oldBase, p, theirs)), "sync");
  }
}

function setStatus(next) {
  state.status = next;
  for (const fn of state.statusListeners) fn(state.status);
}

/** Calls `fn(status)` now and on every change of the save status; returns an unsubscribe function. */
export function onSaveStatus(fn) {
  state.statusListeners.add(fn);
  fn(state.status);
  return () => state.statusListeners.delete(fn);
}

/**
 * Saves the project on every change (debounced), flushes when the page is
 * hidden or left, takes in what other tabs save, and shows `#storage-banner`
 * while saving fails.
 */
export function persist(ctx) {
  const { store } = ctx;
  const { tab } = state;
  let timer = null;
  let saving = Promise.resolve();
  let failed = Boolean(state.openProblem);
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
  const pending = () => tab.rewrite || store.get().project !== tab.base;
  // Nothing saved and nothing taken in: the empty project the app starts with
  // is not work to save.
  if (tab.base === null && !tab.takenIn.length) tab.base = store.get().project;
  if (failed) setStatus({ state: "failed", at: null });

  const banner = document.getElementById("storage-banner");
  const renderBanner = storageBanner(banner, store, {
    problems: () => ({ refused: state.refused, failed, restoreProblem: state.restoreProblem }),
    onDismiss: () => (state.restoreProblem = null),
  });
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
    if (state.refused) {
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
          if (!pending()) removeLastMoment(lastMomentKey(tab.id));
          for (const key of tab.takenIn.splice(0)) removeLastMoment(key);
          setStatus({ state: "saved", at: new Date() });
          setFailed(false);
        },
        (e) => {
          if (e?.code === "newer_schema") {
            state.refused = e;
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
    setStatus({ state: "pending", at: state.status.at });
    clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
  };

  /** Reads the record and takes it in when another tab saved a newer revision. */
  const pull = async () => {
    if (!state.db.isOpen || state.refused) return;
    let stored;
    try {
      stored = await state.db.readOpen();
    } catch {
      return; // The next save reads it again.
    }
    if (stored === undefined) return;
    let record;
    try {
      record = migrateRecord(stored);
    } catch (e) {
      if (e.code === "newer_schema") {
        state.refused = e;
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

  store.subscribe((s, prev) => {
    if (s.reason === "lang") {
      if (!banner.hidden) renderBanner();
      return;
    }
    if (s.project === prev.project) return;
    // Another tab's work taken in is already saved; only this tab's own changes wait.
    if (s.reason === "sync" && !pending()) return;
    schedule();
  });
  // Leaving or hiding the page (closing the laptop, switching apps) must not
  // lose the last 250 ms of work.
  const leave = () =>
    flush(!state.refused && pending() ? writeLastMoment(tab.id, { revision: tab.revision, base: tab.base, project: store.get().project }) : null);
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
