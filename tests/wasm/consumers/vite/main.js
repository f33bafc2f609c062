// The package by its name, as a bundler resolves it; Vite sees the glue's
// `new URL("sapan_bg.wasm", import.meta.url)` and emits the wasm as an asset.
import init, { Engine } from "sapan";

const status = document.getElementById("status");
try {
  await init();
  const engine = new Engine();
  const text = document.getElementById("query").textContent;
  for (const match of engine.rank(text, { grade: 4, topK: 3 })) {
    const item = document.createElement("li");
    item.dataset.code = match.code;
    item.textContent = `${match.code} ${match.score} ${match.relation}: ${match.text}`;
    document.getElementById("ranked").append(item);
  }
  status.textContent = "ranked";
} catch (e) {
  status.textContent = `error: ${e.message}`;
}
status.dataset.done = "true";
