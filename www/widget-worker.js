// The engine of every <sapan-align> on a page, in one module Worker
// (widget-engine.js starts it), so that building the engine (~100 ms, several
// times that on a phone) and ranking never hold up the page's main thread.
//
//   worker → page, once: { ready: { version, competencies, frameworkAreas } }
//                      | { failed: { name, message, violations } }
//   page → worker: { id, op: "search" | "align" | "parse", args }
//   worker → page: { id, result } | { id, error: { name, code, message, messageTh, messageEn, location } }
//
// `violations` are the Content-Security-Policy violations seen while the engine
// loaded (the worker's own policy, from its response's headers), so that the
// page can say which directive to add instead of "could not load".
import { loadEngine } from "./engine.js";

const violations = [];
self.addEventListener("securitypolicyviolation", (e) => {
  violations.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI || "" });
});

const engine = loadEngine();
engine.then(
  (e) => self.postMessage({ ready: { version: e.version, competencies: e.competencies(), frameworkAreas: e.frameworkAreas() } }),
  (error) => self.postMessage({ failed: { name: error?.name ?? "Error", message: String(error?.message ?? error), violations } }),
);

const OPS = {
  /** The ranking of a typed text, with what the widget shows beside it. */
  search: (e, [text, options]) => ({ query: e.normalize(text), matches: e.rank(text, options), clauses: e.clauses(text) }),
  align: (e, [outcomes, options]) => e.align(outcomes, options),
  parse: (e, [bytes, options]) => e.parseOutcomes(bytes, options),
};

self.onmessage = async ({ data }) => {
  const { id, op, args } = data;
  try {
    const e = await engine;
    self.postMessage({ id, result: OPS[op](e, args) });
  } catch (error) {
    // An Error does not survive postMessage with its own fields: send them as data.
    self.postMessage({
      id,
      error: {
        name: error?.name ?? "Error",
        code: error?.code ?? null,
        message: String(error?.message ?? error),
        messageTh: error?.messageTh ?? null,
        messageEn: error?.messageEn ?? null,
        location: error?.location ?? null,
      },
    });
  }
};
