// The app's state in one place: the project (www/project.js), the language,
// and the engine's alignment of the project's outcomes, recomputed only when
// the outcomes or the settings change (decisions and notes do not change
// what the engine suggests). Views subscribe and re-render from the state.
//
// The state's alignment is always the alignment of the state's project. A
// change that needs a large realignment (app/aligner.js: more than 150
// outcomes not aligned yet) is therefore not applied at once: it waits, with its
// progress in `aligning()`, while the worker aligns what the project will
// be, and is applied together with its alignment when the work is done.
// Meanwhile:
// - edits that do not realign (decisions, notes) apply at once, and are kept
//   when the waiting change is applied (it is applied again, on top of them);
// - a newer change that realigns is chained after the waiting ones and
//   supersedes their work: the worker starts again on the combined project,
//   and no result of older work is ever applied;
// - `cancel()` drops the waiting changes: the project stays as it was (an
//   import is not applied; the import view still holds the pasted text).
//   Restoring the saved project at start-up cannot be cancelled: dropping it
//   would leave an empty project that the next save would write over the
//   teacher's work.

/**
 * `createStore({ project, lang }, aligner)`; `aligner` is app/aligner.js's
 * `createAligner(engine)` (or anything with `large`, `now` and `later`).
 * `update(fn, reason, { keep })` takes `project => project`.
 */
export function createStore(initial, aligner) {
  let state = { project: initial.project, lang: initial.lang, reason: "start", alignment: aligner.now(initial.project) };
  const listeners = new Set();
  const watchers = new Set();
  /**
   * The changes waiting for their alignment: `{ steps: [{ fn, reason, keep }],
   * target, done, total, job }`; null when nothing waits.
   */
  let waiting = null;
  let jobs = 0;

  const emit = (prev) => {
    for (const fn of listeners) fn(state, prev);
  };
  const tell = (event) => {
    for (const fn of watchers) fn(event);
  };
  const status = () =>
    waiting && {
      done: waiting.done,
      total: waiting.total,
      reason: waiting.steps.at(-1).reason,
      cancellable: waiting.steps.some((s) => !s.keep),
    };
  const needsAlignment = (next, before) => next.outcomes !== before.outcomes || next.settings !== before.settings;
  const replay = (steps, project) => steps.reduce((p, s) => s.fn(p), project);

  const apply = (project, reason, alignment) => {
    const prev = state;
    state = { ...prev, project, reason, alignment };
    emit(prev);
  };

  /** Starts (or starts again) the worker on what the project will be after the waiting steps. */
  const run = () => {
    const job = ++jobs;
    const base = state.project;
    const target = replay(waiting.steps, base);
    Object.assign(waiting, { target, job, done: 0, total: target.outcomes.length });
    tell({ type: "progress", status: status() });
    aligner
      .later(target, { project: state.project, alignment: state.alignment }, {
        cancelled: () => job !== jobs,
        onProgress: (done, total) => {
          if (job !== jobs) return;
          Object.assign(waiting, { done, total });
          tell({ type: "progress", status: status() });
        },
      })
      .then(
        (alignment) => {
          if (job !== jobs || !alignment) return;
          const { steps } = waiting;
          // Edits made meanwhile (decisions, notes) are in state.project: the
          // waiting steps go on top of them. If that changes what was aligned
          // (rare: an edit that touched the outcomes), align again.
          const project = state.project === base ? target : replay(steps, state.project);
          if (project !== target && !sameInputs(project, target)) return run();
          waiting = null;
          jobs += 1;
          apply(project, steps.at(-1).reason, alignment);
          tell({ type: "done", status: null, total: project.outcomes.length });
        },
        (error) => {
          if (job !== jobs) return;
          waiting = null;
          jobs += 1;
          console.error(error);
          tell({ type: "failed", status: null, error });
        },
      );
  };

  return {
    get: () => state,
    /** `{ done, total, reason, cancellable }` while a change waits for its alignment, else null. */
    aligning: status,
    /** The project as it will be once the waiting changes are applied (the project itself when none wait). */
    upcoming: () => (waiting ? waiting.target : state.project),
    /**
     * Changes the project; `reason` tells listeners (and persistence) why.
     * `keep`: the change cannot be cancelled (restoring the saved project).
     */
    update(fn, reason = "edit", { keep = false } = {}) {
      const prev = state;
      const project = fn(prev.project);
      if (project === prev.project) return;
      const step = { fn, reason, keep };
      if (!needsAlignment(project, prev.project)) {
        apply(project, reason, prev.alignment);
        return;
      }
      if (waiting) {
        waiting.steps.push(step);
        run();
        return;
      }
      const from = { project: prev.project, alignment: prev.alignment };
      if (!aligner.large(project, from)) {
        apply(project, reason, aligner.now(project, from));
        return;
      }
      waiting = { steps: [step] };
      run();
    },
    /** Drops the waiting changes that can be dropped; the project stays as it was. Returns whether anything was dropped. */
    cancel() {
      if (!waiting) return false;
      const kept = waiting.steps.filter((s) => s.keep);
      if (kept.length === waiting.steps.length) return false;
      if (kept.length) {
        waiting.steps = kept;
        run();
      } else {
        waiting = null;
        jobs += 1;
      }
      tell({ type: "cancelled", status: status() });
      return true;
    },
    setLang(lang) {
      const prev = state;
      if (prev.lang === lang) return;
      state = { ...prev, lang, reason: "lang" };
      emit(prev);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /**
     * Calls `fn({ type, status })` as waiting work starts, advances
     * ("progress"), ends ("done", "cancelled", "failed" with `error`).
     * Kept apart from `subscribe`: progress changes no view's data.
     */
    onAligning(fn) {
      watchers.add(fn);
      return () => watchers.delete(fn);
    },
  };
}

/** Whether two projects ask the engine the same question (outcomes and settings). */
function sameInputs(a, b) {
  if (a.settings !== b.settings && JSON.stringify(a.settings) !== JSON.stringify(b.settings)) return false;
  if (a.outcomes === b.outcomes) return true;
  if (a.outcomes.length !== b.outcomes.length) return false;
  return a.outcomes.every((o, i) => o === b.outcomes[i] || JSON.stringify(o) === JSON.stringify(b.outcomes[i]));
}
