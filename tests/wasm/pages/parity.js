// Loads the package as a browser does (init() fetches sapan_bg.wasm next to
// sapan.js) and exposes one engine to the test as `window.sapan`.
import init, { Engine } from "/pkg/sapan.js";

window.sapan = init().then(() => {
  const engine = new Engine();
  document.getElementById("status").textContent = `ready ${engine.version}`;
  return engine;
});
