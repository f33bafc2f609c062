// The engine as every <sapan-align> of a page shares it: one module Worker
// (widget-worker.js) built on first use, answering each widget's requests in
// turn, so that the page's main thread never runs the engine's long tasks.
// Where a Worker cannot start (no module workers, or a policy without
// `worker-src`/`script-src 'self'`), the same interface runs the engine on the
// page: the same results, only the long tasks come back.
//
// Every call is asynchronous and answers with what the engine's method gives
// (plain objects); a SapanError comes back as an Error with its fields. A
// failure to load says why, when the browser told (a Content-Security-Policy
// directive, a missing or mistyped file), and what to change.
import { widgetStrings } from "./widget-i18n.js";
import { WIDGET_OPS, errorFields, errorFromFields } from "./worker-protocol.js";

let shared = null;

/** Resolves to the page's shared widget engine: `{ version, competencies(), frameworkAreas(), search, align, parse, thread }`. */
export function loadWidgetEngine() {
  shared ??= watchPolicy(async (violations) => {
    // The download and the compile start at once, while the worker's script loads.
    const module = compile(wasmUrl()).catch(async (error) => {
      // A violation event is dispatched after the failing call returns: let it arrive.
      await new Promise((r) => setTimeout(r, 0));
      throw loadFailure({ ...errorFields(error), violations });
    });
    // Failing here, the same message whichever way the engine would have run.
    module.catch(() => {});
    try {
      return await startWorker(module);
    } catch (why) {
      if (why?.sapanLoad) throw why;
      // No worker here: the engine on the page, with the reason in the console for the page's author.
      console.warn(`sapan: the widget's engine runs on the page's main thread (${why?.message ?? why}). ${WORKER_ADVICE}`);
      return startOnPage(await module);
    }
  });
  return shared;
}

/** Runs `start(violations)` while recording the page's Content-Security-Policy violations. */
async function watchPolicy(start) {
  const violations = [];
  const seen = (e) => violations.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI || "" });
  document.addEventListener("securitypolicyviolation", seen);
  try {
    return await start(violations);
  } finally {
    document.removeEventListener("securitypolicyviolation", seen);
  }
}

/** The engine's WebAssembly, fetched and compiled (streaming when the server says it is WebAssembly). */
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const type = response.headers.get("Content-Type") ?? "";
  if (typeof WebAssembly.compileStreaming === "function" && type.startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

const WORKER_ADVICE =
  "A Content-Security-Policy needs worker-src 'self' (or script-src 'self' without worker-src) for the widget's worker.";

/** The URL the engine's WebAssembly is fetched from (next to sapan.js, which sits next to this module). */
const wasmUrl = () => new URL("sapan_bg.wasm", import.meta.url).href;

/**
 * The worker. Written as `new Worker(new URL("./widget-worker.js", import.meta.url), …)`
 * on purpose: that exact text is what Vite recognises to bundle a worker with its
 * imports (and rewrite the URL), so the widget keeps its worker inside a
 * partner's bundle. `Worker` here is TrustedWorker, so that under Trusted Types
 * the URL, whatever the bundler made of it, goes through the policy "sapan".
 */
function newWorker() {
  const Worker = TrustedWorker;
  return new Worker(new URL("./widget-worker.js", import.meta.url), { type: "module", name: "sapan" });
}

let policy;

/**
 * A Worker whose script URL is a TrustedScriptURL where the browser has Trusted
 * Types: a page that enforces them allows the policy "sapan" (`trusted-types
 * sapan`), which makes the widget's worker URL (same origin, a widget-worker
 * script) and nothing else. Where the page allows no such policy the URL stays
 * a string: an enforcing page then refuses the worker, and the engine runs on the page.
 */
function TrustedWorker(url, options) {
  if (policy === undefined) {
    policy = null;
    try {
      policy = globalThis.trustedTypes?.createPolicy("sapan", {
        createScriptURL: (u) => {
          const parsed = new URL(u);
          if (parsed.origin !== globalThis.location?.origin || !/\/widget-worker[^/]*\.js$/.test(parsed.pathname)) {
            throw new TypeError(`the sapan policy makes only the widget's worker URL, not ${u}`);
          }
          return u;
        },
      }) ?? null;
    } catch {
      policy = null;
    }
  }
  return new globalThis.Worker(policy ? policy.createScriptURL(url.href) : url, options);
}

/** The worker, given the compiled module once both are there. */
function startWorker(module) {
  return new Promise((resolve, reject) => {
    if (typeof Worker !== "function") {
      reject(new Error("no Worker in this browser"));
      return;
    }
    let worker;
    try {
      worker = newWorker();
    } catch (e) {
      reject(e);
      return;
    }
    module.then(
      (m) => worker.postMessage({ module: m }),
      (e) => {
        worker.terminate();
        reject(e);
      },
    );
    const pending = new Map();
    let next = 0;
    let started = false;
    worker.onerror = (e) => {
      e.preventDefault?.();
      worker.terminate();
      // Before it answered: the worker's script did not load or run (blocked, missing): run on the page.
      if (!started) {
        reject(new Error(e.message || "the worker did not start"));
        return;
      }
      // After: it died. Nothing waits for ever; the widgets show the error.
      for (const { rej } of pending.values()) rej(new Error(`the widget's engine stopped: ${e.message || "worker error"}`));
      pending.clear();
    };
    worker.onmessage = ({ data }) => {
      if (data.ready) {
        started = true;
        const { version, competencies, frameworkAreas } = data.ready;
        const call = (op, args, transfer = []) =>
          new Promise((res, rej) => {
            const id = ++next;
            pending.set(id, { res, rej });
            worker.postMessage({ id, op, args }, transfer);
          });
        resolve({
          thread: "worker",
          version,
          competencies: () => competencies,
          frameworkAreas: () => frameworkAreas,
          search: (text, options) => call("search", [text, options]),
          align: (outcomes, options) => call("align", [outcomes, options]),
          // The bytes are copied first: the caller keeps its own.
          parse: (bytes, options) => {
            const copy = new Uint8Array(bytes);
            return call("parse", [copy, options], [copy.buffer]);
          },
        });
      } else if (data.failed) {
        started = true;
        worker.terminate();
        reject(loadFailure({ ...data.failed, violations: [] }));
      } else {
        const waiting = pending.get(data.id);
        pending.delete(data.id);
        if (!waiting) return;
        if (data.error) waiting.rej(errorFromFields(data.error));
        else waiting.res(data.result);
      }
    };
  });
}

/** The same interface over an engine on the page, from the compiled module. */
async function startOnPage(module) {
  let engine;
  try {
    const { default: init, Engine } = await import("./sapan.js");
    await init({ module_or_path: module });
    engine = new Engine();
  } catch (error) {
    throw loadFailure(errorFields(error));
  }
  // The worker's requests, run here; asynchronous all the same (a throw becomes a rejection).
  const ops = Object.entries(WIDGET_OPS).map(([op, f]) => [op, async (...args) => f(engine, ...args)]);
  return {
    thread: "main",
    version: engine.version,
    competencies: () => engine.competencies(),
    frameworkAreas: () => engine.frameworkAreas(),
    ...Object.fromEntries(ops),
  };
}

/**
 * Why the engine did not load, from the error and the policy violations seen:
 * `loadCause`, `messageTh` and `messageEn` on an Error marked `sapanLoad`. Causes:
 * `csp-connect` (the wasm fetch blocked), `csp-wasm` (compiling WebAssembly
 * blocked: no 'wasm-unsafe-eval'), `missing` (HTTP 404 or 410), `mime` (what
 * came is not WebAssembly: often a missing file answered with a web page),
 * `network` (no answer, or another HTTP error), `unknown`.
 */
function loadFailure({ name, message, violations = [] }) {
  const url = wasmUrl();
  const origin = new URL(url).origin;
  const source = origin === globalThis.location?.origin ? "'self'" : origin;
  // Only the violations of the engine's own loading count (the page may block other things meanwhile).
  const blocked = (directive, what) => violations.some((v) => v.directive?.startsWith(directive) && what(v.blocked));
  let cause = "unknown";
  // A cross-origin URL may be reported as its origin only.
  if (blocked("connect-src", (b) => b === url || (b && url.startsWith(b)))) cause = "csp-connect";
  else if (blocked("script-src", (b) => /eval|wasm/i.test(b))) cause = "csp-wasm";
  else if (/wasm-unsafe-eval|unsafe-eval|Content Security Policy/i.test(message)) cause = "csp-wasm";
  else if (/^HTTP (404|410)\b/.test(message)) cause = "missing";
  else if (/MIME|application\/wasm|magic word|expected magic/i.test(message)) cause = "mime";
  else if (/fetch|network|load failed|^HTTP \d/i.test(message)) cause = "network";
  const e = new Error(`${name}: ${message}`);
  e.sapanLoad = true;
  e.loadCause = cause;
  const th = widgetStrings("th").loadCause;
  const en = widgetStrings("en").loadCause;
  e.messageTh = th(cause, { url, source, message });
  e.messageEn = en(cause, { url, source, message });
  return e;
}
