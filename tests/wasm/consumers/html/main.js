import init, { Engine } from "./node_modules/sapan/sapan.js";

const status = document.getElementById("status");
try {
  await init(); // fetches sapan_bg.wasm next to sapan.js
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
