// The engine of every <sapan-align> on a page, in one module Worker
// (widget-engine.js starts it), so that building the engine (~100 ms, several
// times that on a phone) and ranking never hold up the page's main thread.
//
// The page fetches and compiles the WebAssembly itself (compiling is
// asynchronous there too, off its main thread) while this worker's script
// loads, and sends the compiled module: the download starts one step earlier
// than if the worker fetched it, and the page's own Content-Security-Policy is
// the one that decides, so its violations name what to change.
//
//   page → worker, first: { module: WebAssembly.Module }
//   worker → page, once:  { ready: { version, competencies, frameworkAreas } } | { failed: { name, message, … } }
//   page → worker: { id, op: "search" | "align" | "parse", args }
//   worker → page: { id, result } | { id, error: { name, code, message, messageTh, messageEn, location } }
import { initSync, Engine } from "./sapan.js";
import { WIDGET_OPS, errorFields } from "./worker-protocol.js";

let engine = null;

self.onmessage = ({ data }) => {
  if (data.module) {
    try {
      initSync({ module: data.module });
      engine = new Engine();
      self.postMessage({ ready: { version: engine.version, competencies: engine.competencies(), frameworkAreas: engine.frameworkAreas() } });
    } catch (error) {
      self.postMessage({ failed: errorFields(error) });
    }
    return;
  }
  const { id, op, args } = data;
  try {
    self.postMessage({ id, result: WIDGET_OPS[op](engine, ...args) });
  } catch (error) {
    self.postMessage({ id, error: errorFields(error) });
  }
};
