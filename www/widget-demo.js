// The widget demo's page script: registers the widget and logs, on the
// document, every event the two widgets send (they bubble and are composed,
// so one listener hears both). A file of its own: the page's CSP allows no
// inline script.
import "./widget.js";
import { h } from "./dom.js";

const log = document.getElementById("event-log");
// Enough to follow a session without the page growing without end.
const KEEP = 30;

function summary(event) {
  const d = event.detail ?? {};
  if (event.type === "sapan-ready") return `version ${d.version}`;
  if (event.type === "sapan-error") return `${d.code}: ${d.messageEn} / ${d.messageTh}`;
  if ("query" in d) return `query "${d.query.slice(0, 40)}" → ${d.matches.length} matches${d.matches[0] ? `, best ${d.matches[0].code}` : ""}`;
  const decided = d.decision ? `${d.decision.status} (${d.decision.relation})` : "taken back";
  return `${d.outcomeId} · ${d.code}: ${decided}`;
}

for (const type of ["sapan-ready", "sapan-change", "sapan-error"]) {
  document.addEventListener(type, (event) => {
    const source = event.target.id || event.target.localName;
    log.prepend(h("li", { class: type }, h("code", {}, type), ` #${source} — ${summary(event)}`));
    while (log.children.length > KEEP) log.lastElementChild.remove();
  });
}
