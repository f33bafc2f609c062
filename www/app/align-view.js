// Placeholder: replaced by the view's owner.
import { h, fill } from "../dom.js";
export function mount(section, ctx) {
  fill(section, h("h2", { tabindex: "-1" }, section.id));
}
