// Loads the package and ranks one text under the page's policy; the outcome
// (the ranked codes, or the error) is written to the DOM for the test to read.
import init, { Engine } from "/pkg/sapan.js";

const status = document.getElementById("status");
try {
  await init();
  const engine = new Engine();
  const text = "นักเรียนอ่านออกเสียงบทกลอนได้ถูกต้อง";
  document.getElementById("query").textContent = text;
  const ranked = engine.rank(text, { grade: 4, topK: 3 });
  for (const match of ranked) {
    const item = document.createElement("li");
    item.textContent = `${match.code} ${match.score} ${match.relation}`;
    item.dataset.code = match.code;
    document.getElementById("ranked").append(item);
  }
  status.textContent = "ranked";
} catch (e) {
  status.textContent = `error: ${e.message}`;
}
status.dataset.done = "true";
