// Registers <sapan-align>. The class lives in sapan-align.js, so a page that
// wants another tag name or a subclass imports that module instead. Guarded:
// a page that loads the widget twice (two bundles, a CDN copy and a local
// one) keeps the first definition instead of throwing.
//
// Importing this module must not throw where there is no DOM (Node: server
// rendering, test runners), so nothing here touches a DOM global unguarded.
// The class extends HTMLElement when its module is evaluated, so it is loaded
// only where HTMLElement exists; elsewhere SapanAlign is undefined and nothing
// is registered.
const { SapanAlign } = globalThis.HTMLElement ? await import("./sapan-align.js") : { SapanAlign: undefined };

if (globalThis.customElements && !customElements.get("sapan-align")) customElements.define("sapan-align", SapanAlign);

export { SapanAlign };
