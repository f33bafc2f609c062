// The last-moment copies. A reload or a closed tab may end the page before an
// IndexedDB transaction started in `pagehide` commits (seen in Chromium: a
// reload right after a click lost the click). localStorage writes are
// synchronous, so unsaved work is also written there as the page is left,
// and removed again once IndexedDB holds it. Each tab writes its own key,
// with the base its changes were made on, so two tabs never overwrite each
// other's copy and a copy adds only its own changes. (It may not fit:
// localStorage holds a few MB; then only IndexedDB's chance remains.)
import { emptyProject, readProjectFile, rebase } from "../project.js";
import { SCHEMA } from "./storage-record.js";

const LAST_MOMENT_KEY = "sapan-last-moment";

/** The key of the copy the tab `tabId` writes. */
export function lastMomentKey(tabId) {
  return `${LAST_MOMENT_KEY}:${tabId}`;
}

/**
 * Writes the tab's copy: its `project` and the `base` (read at `revision`)
 * its changes were made on. Returns the copy's id (null when storage refused it).
 */
export function writeLastMoment(tabId, { revision, base, project }) {
  const id = `${tabId}:${Date.now()}`;
  try {
    localStorage.setItem(
      lastMomentKey(tabId),
      JSON.stringify({ schema: SCHEMA, id, savedAt: new Date().toISOString(), revision, base, project }),
    );
    return id;
  } catch {
    // Full or refused: IndexedDB's save, started at the same moment, is the other chance.
    return null;
  }
}

/** Every tab's copy (and the one the app before schema 2 wrote), oldest first, as `{ key, copy }`. */
export function readLastMoments() {
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

export function removeLastMoment(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to clear where storage is refused.
  }
}

/**
 * `project` with a copy's unsaved changes put on it. `stored` is the record
 * as read (undefined: none) and `base` the project it held (null: none).
 * Throws on a copy it cannot read.
 */
export function takeIn(copy, stored, base, project) {
  if (copy.schema === 1) {
    // Written by the app before schema 2: the whole project, kept when newer than the record.
    if (stored && !(stored.savedAt < copy.savedAt)) return project;
    return rebase(base, readProjectFile(JSON.stringify(copy.project)), project ?? emptyProject());
  }
  if (copy.schema !== SCHEMA) throw new Error(`unknown last-moment schema ${copy.schema}`);
  const copyBase = copy.base ? readProjectFile(JSON.stringify(copy.base)) : null;
  return rebase(copyBase, readProjectFile(JSON.stringify(copy.project)), project ?? emptyProject());
}
