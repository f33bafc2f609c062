// Times what a page pays before it can rank: init() (fetching and compiling
// sapan_bg.wasm) and new Engine() (indexing the curriculum), then offers the
// shared workload to the benchmark driver.
import init, { Engine } from "/pkg/sapan.js";
import { measureWork } from "./workload.js";

const start = performance.now();
await init();
const ready = performance.now();
const engine = new Engine();
const built = performance.now();

window.bench = {
  init: ready - start,
  engine: built - ready,
  total: built - start,
  // performance.now() counts from the navigation's start: HTML, glue and wasm included.
  sinceNavigation: built,
  measure: (texts) => measureWork(engine, texts),
};
