// What Sapan's workers and the page say to each other.
//
// Errors, both ways, for both workers (the widget's, widget-worker.js, and the
// app's, app/align-worker.js): a structured clone of an Error keeps only its
// name and message, so a SapanError's own fields (code, messages in Thai and
// English, location) travel as plain data and are put back on an Error on the page.
//
// The widget's requests (WIDGET_OPS): what each one does with an engine, the
// same whether the worker runs it or, where no worker can start, the page.

/** The widget's requests, by name: `(engine, ...args) => result` (plain objects). */
export const WIDGET_OPS = {
  /** The ranking of a typed text, with what the widget shows beside it. */
  search: (engine, text, options) => ({ query: engine.normalize(text), matches: engine.rank(text, options), clauses: engine.clauses(text) }),
  align: (engine, outcomes, options) => engine.align(outcomes, options),
  parse: (engine, bytes, options) => engine.parseOutcomes(bytes, options),
};

/** The fields of `error` (a SapanError or any other throw) as plain data. */
export function errorFields(error) {
  return {
    name: error?.name ?? "Error",
    code: error?.code ?? null,
    message: String(error?.message ?? error),
    messageTh: error?.messageTh ?? null,
    messageEn: error?.messageEn ?? null,
    location: error?.location ?? null,
  };
}

/** An Error again from `errorFields`' data: a SapanError has its fields back. */
export function errorFromFields({ name, code, message, messageTh, messageEn, location }) {
  const error = new Error(message);
  Object.assign(error, { name, code, messageTh, messageEn, location });
  return error;
}
