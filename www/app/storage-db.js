// The IndexedDB side of the teacher app's storage: the database, opened once
// and never waited on for ever, and the one readwrite transaction a save is.
// What is written is decided by the caller (storage.js, with storage-record.js).
//
// Database `sapan`, object store `projects`, key "current".

const DB_NAME = "sapan";
// The database version: raise it together with a step in `upgrade`.
const DB_VERSION = 1;
const STORE = "projects";
const KEY = "current";
// Long enough for a slow school laptop, short enough that a browser whose
// IndexedDB never answers does not hold the app's start.
const OPEN_TIMEOUT_MS = 3000;

/**
 * Every change of the database's shape, in one place, run in order from the
 * version the browser had (0 for a new database). Migrations of later
 * versions go here as `if (oldVersion < 2) …`.
 */
function upgrade(db, oldVersion) {
  if (oldVersion < 1) db.createObjectStore(STORE);
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

/** The app's database: the record under "current", read and written. */
export class ProjectDb {
  #opening = null;
  /** The database once open (see `save`). */
  #database = null;

  /** Whether the database is open (a read of it needs no waiting). */
  get isOpen() {
    return this.#database !== null;
  }

  /** The open database; rejects (never hangs) when IndexedDB is missing, errs, is blocked or does not answer. */
  open() {
    this.#opening ??= new Promise((resolve, reject) => {
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
          this.#opening = null;
          this.#database = null;
        };
        this.#database = db;
        done(resolve, db);
      };
    });
    // A failed open is tried again on the next save (the teacher may free space).
    this.#opening.catch(() => (this.#opening = null));
    return this.#opening;
  }

  /** The stored record (undefined when there is none), opening the database first. */
  async read() {
    return readRecord(await this.open());
  }

  /** The stored record, read from the database already open (see `isOpen`). */
  readOpen() {
    return readRecord(this.#database);
  }

  /**
   * One readwrite transaction: reads the stored record, writes what
   * `make(stored)` returns (called synchronously; it may throw to write
   * nothing) and commits. Resolves to the record written; rejects on any
   * failure (quota, private mode, `make` throwing, …), leaving the stored
   * record as it was: a transaction is all or nothing.
   */
  save(make) {
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
            const record = make(get.result);
            objects.put(record, KEY);
            written = record;
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
    if (this.#database) {
      try {
        return write(this.#database);
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return this.open().then(write);
  }
}
