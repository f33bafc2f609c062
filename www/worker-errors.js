// An error across postMessage, both ways, for Sapan's workers (the widget's,
// widget-worker.js, and the app's, app/align-worker.js). A structured clone of
// an Error keeps only its name and message, so a SapanError's own fields
// (code, messages in Thai and English, location) travel as plain data and are
// put back on an Error on the page.

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
