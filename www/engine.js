// One Sapan engine per page, loaded on first use and shared by every part of
// the teacher app: building it twice would cost the same ~75 ms and memory
// again for identical results. (<sapan-align> has its own, in a worker:
// widget-engine.js; the app's align worker calls this in its own scope.) The WebAssembly file is found
// next to this module (wasm-bindgen resolves it from import.meta.url), so the
// same code works from the app's own server, from the npm package and from a CDN.
import init, { Engine } from "./sapan.js";

let ready = null;

/** Resolves to the page's shared `Engine`. */
export function loadEngine() {
  ready ??= init().then(() => new Engine());
  return ready;
}
