// A first look at Sapan in the browser: free text in, matching indicators out,
// with the shared words marked. (The full teacher app builds on the same package.)
// Every text from the user or the engine is set with textContent, never as HTML.
import init, { Engine } from "./pkg/sapan.js";

const $ = (id) => document.getElementById(id);
const RELATION = { aligned: "สอดคล้อง / aligned", partial: "สอดคล้องบางส่วน / partially aligned", none: "ไม่สอดคล้อง / not aligned" };

await init();
const engine = new Engine();
const areas = [["ท", "ภาษาไทย / Thai"], ["ค", "คณิตศาสตร์ / Mathematics"], ["ว", "วิทยาศาสตร์และเทคโนโลยี / Science"], ["ส", "สังคมศึกษา / Social studies"], ["พ", "สุขศึกษาและพลศึกษา / Health & PE"], ["ศ", "ศิลปะ / Arts"], ["ง", "การงานอาชีพ / Careers"], ["ต", "ภาษาต่างประเทศ / Foreign languages"]];
for (const [code, name] of areas) $("area").append(new Option(name, code));
$("status").textContent = "พร้อม: พิมพ์ข้อความด้านบน / Ready: type above";

/** The text with the given spans marked, as DOM nodes. */
function marked(text, spans) {
  const out = document.createElement("span");
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    out.append(text.slice(at, start));
    const m = document.createElement("mark");
    m.textContent = text.slice(start, end);
    out.append(m);
    at = end;
  }
  out.append(text.slice(at));
  return out;
}

function show() {
  const text = $("text").value;
  $("results").replaceChildren();
  if (!text.trim()) return;
  const options = { topK: 10, grade: $("grade").value || null, area: $("area").value || null };
  const matches = engine.rank(text, options);
  for (const m of matches) {
    const li = document.createElement("li");
    const head = document.createElement("div");
    const code = document.createElement("span");
    code.className = "code";
    code.textContent = m.code;
    const rel = document.createElement("span");
    rel.className = m.relation;
    rel.textContent = ` ${RELATION[m.relation]} (${m.score.toFixed(2)})`;
    head.append(code, rel);
    const own = m.evidence.filter((e) => e.field === "indicator").map((e) => e.targetSpan);
    li.append(head, marked(m.text, own));
    $("results").append(li);
  }
  $("status").textContent = matches.length ? `${matches.length} ตัวชี้วัด / indicators` : "ไม่พบ / none found";
}

$("query").addEventListener("input", show);
$("query").addEventListener("submit", (e) => e.preventDefault());
