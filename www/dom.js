// Building DOM without HTML strings. Every text given here, from the teacher,
// a file or the engine, becomes a Text node: nothing is ever parsed as HTML,
// so an outcome such as `<img src=x onerror=…>` shows as the characters it is.
// (Sapan has no innerHTML anywhere; keep it that way.)

/**
 * `h("button", { class: "x", type: "button", onclick: fn, "aria-label": "…" }, "text", child)`.
 * Attributes whose value is null, undefined or false are left out; `true` sets an
 * empty attribute; keys starting with `on` add event listeners (functions only:
 * text there throws, since it would be an inline script); `dataset`
 * takes an object; children may be strings, numbers, nodes, arrays or null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) {
      // An `on…` attribute given as text would be an inline script: a page
      // without a strict CSP would run it. Only functions become listeners.
      if (typeof value !== "function") throw new TypeError(`h(): ${key} must be a function, not ${typeof value}`);
      el.addEventListener(key.slice(2), value);
    }
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "value" || key === "checked" || key === "selected") el[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (strings become Text nodes) to `el`. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces `el`'s children. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A text only screen readers read (the `.sr-only` class of the app and the widget). */
export function srOnly(text) {
  return h("span", { class: "sr-only" }, text);
}

/** Offers `text` as a file download named `name`, without any network request. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
