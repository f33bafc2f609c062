// The app's state in one place: the project (www/project.js), the language,
// and the engine's alignment of the project's outcomes, recomputed only when
// the outcomes or the settings change (decisions and notes do not change
// what the engine suggests). Views subscribe and re-render from the state.

/**
 * `createStore({ project, lang }, alignOutcomes)`; `alignOutcomes(project)`
 * returns the engine's alignment. `update(fn)` takes `project => project`.
 */
export function createStore(initial, alignOutcomes) {
  let state = { ...initial, alignment: alignOutcomes(initial.project) };
  const listeners = new Set();
  const emit = (prev) => {
    for (const fn of listeners) fn(state, prev);
  };
  return {
    get: () => state,
    /** Changes the project; `reason` tells listeners (and persistence) why. */
    update(fn, reason = "edit") {
      const prev = state;
      const project = fn(prev.project);
      if (project === prev.project) return;
      const realign = project.outcomes !== prev.project.outcomes || project.settings !== prev.project.settings;
      state = { ...prev, project, reason, alignment: realign ? alignOutcomes(project) : prev.alignment };
      emit(prev);
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
  };
}
