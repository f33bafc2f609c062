// Aligning a project's outcomes, small or large. Up to SYNC_LIMIT outcomes
// are aligned at once on the page (about 50 ms in Chromium on a slow laptop:
// a worker's round trip and its own engine start would only add to that).
// More go to a Web Worker (app/align-worker.js) in chunks of CHUNK outcomes,
// one at a time, so the page stays responsive, shows how far the work is,
// and can drop the work between two chunks. Outcomes already aligned with
// the same settings are not aligned again. The pieces are put together into
// exactly what `engine.align` gives for the whole list (`recount`;
// tests/wasm/app-scale.test.mjs checks it).

import { errorFromFields } from "../worker-protocol.js";

/** The most outcomes aligned on the page itself (measured: scripts/bench-scale). */
export const SYNC_LIMIT = 150;
/** Outcomes per message to the worker: ~90 ms of work there, a few ms to receive here. */
export const CHUNK = 250;

/** The options the app aligns a project with. */
export function alignOptions(project) {
  return { topK: 10, grade: project.settings.grade, area: project.settings.area };
}

const RELATION_RANK = { none: 0, partial: 1, aligned: 2 };

/**
 * The alignment of `outcomes` (each outcome's alignment, in order) as the
 * core's `Engine::align` gives it: outcomes are aligned independently, so
 * only who covers what must be rebuilt, as `Alignment::recount_covers` does.
 * `candidates`: the codes `align` lists with no outcome (its candidates for
 * the options); every code a match names is added; in the core's order of
 * codes (`order`: code → position); each code's covers at partial or
 * above, best first, ties in outcome order (Array.prototype.sort is stable,
 * as Rust's sort_by is).
 */
export function recount(outcomes, candidates, order) {
  const covers = new Map(candidates.map((code) => [code, []]));
  for (const oa of outcomes) {
    for (const m of oa.matches) {
      let list = covers.get(m.code);
      if (!list) covers.set(m.code, (list = []));
      if (RELATION_RANK[m.relation] >= RELATION_RANK.partial) list.push({ outcome: oa.outcome.id, score: m.score, relation: m.relation });
    }
  }
  const position = (code) => order.get(code) ?? Number.MAX_SAFE_INTEGER;
  const indicators = [...covers.keys()]
    .sort((a, b) => position(a) - position(b))
    .map((code) => ({ code, coveredBy: covers.get(code).sort((a, b) => b.score - a.score) }));
  return { outcomes, indicators };
}

/** One alignment from the alignments of consecutive chunks of a list: the alignment of the whole list. */
export function mergeAlignments(parts, candidates, order) {
  return recount(parts.flatMap((p) => p.outcomes), candidates, order);
}

const sameSettings = (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * What of `project` is already aligned in `from` (`{ project, alignment }`,
 * the state before the change): an outcome's alignment depends only on the
 * outcome and the settings, so removing one outcome of 10,000 or adding five
 * aligns nothing or five. `known[i]`: the alignment of outcome i, or
 * undefined; `missing`: the indices still to align.
 */
function reusable(project, from) {
  const known = new Array(project.outcomes.length);
  const missing = [];
  const before = new Map();
  if (from?.alignment && sameSettings(project.settings, from.project.settings)) {
    from.project.outcomes.forEach((o, i) => before.set(JSON.stringify(o), from.alignment.outcomes[i]));
  }
  project.outcomes.forEach((o, i) => {
    const oa = before.size ? before.get(JSON.stringify(o)) : undefined;
    if (oa) known[i] = oa;
    else missing.push(i);
  });
  return { known, missing };
}

/**
 * `createAligner(engine)` gives the store its two ways to align:
 * `large(project)`, `now(project)` (on the page, synchronous) and
 * `later(project, { onProgress, cancelled })` (in the worker; resolves to the
 * alignment, or to null once `cancelled()` says the result is no longer wanted).
 */
export function createAligner(engine, { syncLimit = SYNC_LIMIT, chunk = CHUNK } = {}) {
  // The core lists indicators in the order of its code type (area, standard,
  // grade, number), which is not the curriculum listing's order: asking it to
  // align nothing against all 582 gives that order without restating it here.
  let order = null;
  const orderOf = () => (order ??= new Map(engine.align([], { topK: 0 }).indicators.map((i, n) => [i.code, n])));

  let worker = null;
  let broken = false;
  let seq = 0;
  const waiting = new Map();
  const fail = (error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const start = () => {
    worker = new Worker(new URL("./align-worker.js", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }) => {
      const call = waiting.get(data.id);
      if (!call) return;
      waiting.delete(data.id);
      if (data.error) call.reject(errorFromFields(data.error));
      else call.resolve(data.alignment);
    };
    // A worker that cannot start (an old browser, a policy that forbids it)
    // must not stop the app: the work then runs here, chunk by chunk.
    worker.onerror = (e) => {
      e.preventDefault?.();
      console.warn("Sapan: the alignment worker failed; aligning on the page instead", e.message);
      broken = true;
      worker.terminate();
      worker = null;
      fail(Object.assign(new Error("worker failed"), { workerFailed: true }));
    };
  };
  const inWorker = (outcomes, options) =>
    new Promise((resolve, reject) => {
      if (!worker) start();
      const id = ++seq;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, outcomes, options });
    });
  // The fallback: one chunk on the page, after giving the page a turn.
  const onPage = (outcomes, options) =>
    new Promise((resolve) => setTimeout(resolve, 0)).then(() => engine.align(outcomes, options));

  const candidatesOf = new Map();
  const candidates = (options) => {
    const key = JSON.stringify(options);
    if (!candidatesOf.has(key)) candidatesOf.set(key, engine.align([], options).indicators.map((i) => i.code));
    return candidatesOf.get(key);
  };
  const assemble = (project, known, options) => recount(known, candidates(options), orderOf());

  return {
    /** Whether aligning `project` (after `from`) is work for the worker. */
    large: (project, from = null) => reusable(project, from).missing.length > syncLimit,
    /** Aligns `project` at once, reusing what `from` already aligned. */
    now(project, from = null) {
      const options = alignOptions(project);
      const { known, missing } = reusable(project, from);
      if (missing.length === project.outcomes.length) return engine.align(project.outcomes, options);
      if (missing.length) {
        const fresh = engine.align(missing.map((i) => project.outcomes[i]), options).outcomes;
        missing.forEach((i, n) => (known[i] = fresh[n]));
      }
      return assemble(project, known, options);
    },
    /**
     * Aligns in the worker, chunk by chunk, what `from` has not aligned;
     * resolves to the alignment, or to null once `cancelled()` is true.
     */
    async later(project, from = null, { onProgress = () => {}, cancelled = () => false } = {}) {
      const options = alignOptions(project);
      const { known, missing } = reusable(project, from);
      onProgress(0, missing.length);
      for (let at = 0; at < missing.length; at += chunk) {
        const indices = missing.slice(at, at + chunk);
        const slice = indices.map((i) => project.outcomes[i]);
        let part;
        try {
          part = await (broken ? onPage : inWorker)(slice, options);
        } catch (e) {
          if (!e.workerFailed) throw e;
          part = await onPage(slice, options);
        }
        if (cancelled()) return null;
        indices.forEach((i, n) => (known[i] = part.outcomes[n]));
        onProgress(Math.min(at + chunk, missing.length), missing.length);
      }
      // Putting 10,000 together takes ~50 ms: a task of its own, not one
      // with the last chunk's arrival and the views' rendering.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cancelled()) return null;
      return assemble(project, known, options);
    },
  };
}
