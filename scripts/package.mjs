// Writes pkg/package.json and the npm README next to what wasm-pack built,
// copies the <sapan-align> widget's modules in beside sapan.js, then prints
// what a browser downloads (raw, gzip, brotli): the engine alone, the widget
// alone and the teacher app. Called by scripts/build; reads the version from
// Cargo.toml so the two never differ.
import { readFileSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const www = join(root, "www");
const pkgDir = join(root, "pkg");

/**
 * The modules `entry` (a file in www/) loads, found by following its relative
 * imports (`from "./x.js"`, `import "./x.js"`, `import("./x.js")`), entry first.
 * `./sapan.js` is left out: wasm-pack writes it into pkg/ itself. The widget
 * is flat (every module beside sapan.js, in the site and in the package), so
 * a relative import into a folder is an error here rather than a broken package.
 */
export function widgetModules(entry = "widget.js") {
  const order = [];
  const visit = (name) => {
    if (order.includes(name) || name === "sapan.js") return;
    order.push(name);
    const source = readFileSync(join(www, name), "utf8");
    for (const [, spec] of source.matchAll(/(?:\bfrom|\bimport|\bnew URL)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      if (!/^\.\/[^/]+\.js$/.test(spec)) throw new Error(`${name} imports ${spec}: widget modules must sit beside it`);
      visit(spec.slice(2));
    }
  };
  visit(entry);
  return order;
}

/**
 * What the teacher app downloads on opening: index.html, the stylesheets and
 * scripts it links, every module they import (app/ included), and the engine.
 * (The example set, examples.json, is fetched only when asked for.)
 */
export function appFiles() {
  const html = readFileSync(join(www, "index.html"), "utf8");
  const files = ["index.html"];
  const visit = (name) => {
    if (files.includes(name)) return;
    files.push(name);
    if (!name.endsWith(".js") || name === "sapan.js") return;
    const source = readFileSync(join(www, name), "utf8");
    for (const [, spec] of source.matchAll(/(?:\bfrom|\bimport|\bnew URL)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(posix.normalize(posix.join(posix.dirname(name), spec)));
    }
  };
  for (const [, href] of html.matchAll(/(?:href|src)="([^":]+\.(?:css|js))"/g)) visit(href);
  return files.map((f) => [f, f === "sapan.js" ? join(pkgDir, f) : join(www, f)]).concat([["sapan_bg.wasm", join(pkgDir, "sapan_bg.wasm")]]);
}

function writePackage() {
  const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
  const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, "m"))[1];
  const pkg = {
    name: "sapan",
    version: field("version"),
    description: field("description"),
    license: field("license"),
    type: "module",
    main: "./sapan.js",
    module: "./sapan.js",
    types: "./sapan.d.ts",
    exports: {
      ".": { types: "./sapan.d.ts", default: "./sapan.js" },
      // Node users read the bytes themselves (Node's fetch cannot read file: URLs).
      "./sapan_bg.wasm": "./sapan_bg.wasm",
      "./package.json": "./package.json",
    },
    files: ["sapan.js", "sapan.d.ts", "sapan_bg.wasm", "sapan_bg.wasm.d.ts", "README.md", "LICENSE"],
    // Importing the glue does nothing until init() is called, so bundlers may drop what is unused.
    sideEffects: false,
    keywords: ["thai", "curriculum", "alignment", "education", "webassembly", "ตัวชี้วัด", "web-component"],
    engines: { node: ">=18" },
  };
  let widget = [];
  if (existsSync(join(www, "widget.js"))) {
    widget = widgetModules();
    for (const file of widget) copyFileSync(join(www, file), join(pkgDir, file));
    copyFileSync(join(root, "src/wasm/widget.d.ts"), join(pkgDir, "widget.d.ts"));
    pkg.exports["./widget"] = { types: "./widget.d.ts", default: "./widget.js" };
    pkg.files.push(...widget, "widget.d.ts");
    // widget.js registers the element when imported: a bundler must keep that import.
    pkg.sideEffects = ["./widget.js"];
  }
  writeFileSync(join(pkgDir, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  copyFileSync(join(root, "src/wasm/README.md"), join(pkgDir, "README.md"));
  copyFileSync(join(root, "LICENSE"), join(pkgDir, "LICENSE"));
  return widget;
}

const brotli = (b) =>
  brotliCompressSync(b, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length },
  }).length;

/** Prints a size table of `files` ([name, path]); with `rows: false` only the total. */
function sizeTable(title, files, { rows = true } = {}) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  const line = (name, r) =>
    console.log(`  ${name.padEnd(20)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)} ${String(r.brotli).padStart(9)}`);
  console.log(title);
  console.log(`  ${"file".padEnd(20)} ${"raw".padStart(9)} ${"gzip".padStart(9)} ${"brotli".padStart(9)}`);
  for (const [name, path] of files) {
    const bytes = readFileSync(path);
    const row = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes) };
    for (const k in total) total[k] += row[k];
    if (rows) line(name, row);
  }
  line(rows ? "total" : `total (${files.length} files)`, total);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const widget = writePackage();
  const engine = ["sapan.js", "sapan_bg.wasm"].map((f) => [f, join(pkgDir, f)]);
  sizeTable("build: what a browser downloads (bytes)", engine);
  if (widget.length) {
    sizeTable("widget alone: <script type=module src=widget.js> and what it loads (bytes)", [
      ...widget.map((f) => [f, join(pkgDir, f)]),
      ...engine,
    ]);
  }
  sizeTable("teacher app: index.html and everything it loads on opening (bytes)", appFiles(), { rows: false });
}
