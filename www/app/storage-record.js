// The record the teacher app keeps in IndexedDB, and its migrations: what a
// record of any schema this app knows becomes when read, and the next
// revision a save writes. No IndexedDB here (storage-db.js) and no page.
//
// Value (schema 2): `{ schema: 2, revision, savedAt: ISO string, lastMoments: [id], project }`.
import { readProjectFile, rebase } from "../project.js";

// The record's own version, checked when read; older ones are migrated
// (`MIGRATIONS`), newer ones are never read nor overwritten.
export const SCHEMA = 2;
// How many last-moment copies a record remembers having taken in (see storage-last-moment.js).
const KEEP_LAST_MOMENTS = 20;

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

/**
 * The record a save writes over `stored` (what the store holds, or
 * undefined): this tab's project `mine`, its changes since `base` (read at
 * `revision`) put on top of the stored project when another tab wrote since,
 * as the next revision. Throws `RecordError` "newer_schema" over a newer
 * app's record, which is never overwritten; a damaged one is (it was reported).
 */
export function nextRecord(stored, { base, revision, mine, lastMomentId }) {
  let theirs = null;
  if (stored !== undefined) {
    try {
      theirs = migrateRecord(stored);
    } catch (e) {
      if (e.code === "newer_schema") throw e;
    }
  }
  const project = theirs && theirs.revision !== revision ? rebase(base, mine, theirs.project) : mine;
  const lastMoments = [...(theirs?.lastMoments ?? []), ...(lastMomentId ? [lastMomentId] : [])].slice(-KEEP_LAST_MOMENTS);
  return { schema: SCHEMA, revision: (theirs?.revision ?? revision) + 1, savedAt: new Date().toISOString(), lastMoments, project };
}
