// Registers <sapan-align>. The class lives in sapan-align.js, so a page that
// wants another tag name or a subclass imports that module instead. Guarded:
// a page that loads the widget twice (two bundles, a CDN copy and a local
// one) keeps the first definition instead of throwing.
//
// Importing this module must not throw where there is no DOM (Node: server
// rendering, test runners): the element is defined only where customElements exists.
import { SapanAlign } from "./sapan-align.js";

if (globalThis.customElements && !customElements.get("sapan-align")) customElements.define("sapan-align", SapanAlign);

export { SapanAlign };
