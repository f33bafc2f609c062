// Writes pkg/package.json and the npm README next to what wasm-pack built,
// copies the <sapan-align> widget's modules in beside sapan.js, writes a
// brotli (.br) and a gzip (.gz) copy of every large file a browser downloads
// (for servers that send precompressed files), then prints what a browser
// downloads (raw, gzip, brotli): the engine alone, the widget alone and the
// teacher app. Called by scripts/build; reads the version from Cargo.toml so
// the two never differ.
//
// `node scripts/package.mjs --preload [prefix]` prints instead the
// <link rel="modulepreload"> hints for the widget (see preloadHints).
import { readFileSync, writeFileSync, copyFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const www = join(root, "www");
const pkgDir = join(root, "pkg");

/**
 * The relative references in a module's source, by how the browser follows
 * them: `static` (`import … from "./x.js"`, `export … from`, `import "./x.js"`),
 * fetched before the module runs; `dynamic` (`import("./x.js")`); `url`
 * (`new URL("./x.js", import.meta.url)`, how a module names a Worker script or
 * the wasm next to it, which a regular expression on imports would miss).
 */
export function references(source) {
  const found = { static: [], dynamic: [], url: [] };
  for (const [, spec] of source.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) found.static.push(spec);
  for (const [, spec] of source.matchAll(/\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) found.dynamic.push(spec);
  for (const [, spec] of source.matchAll(/\bnew\s+URL\s*\(\s*["']([^"':]+)["']\s*,\s*import\.meta\.url\s*\)/g)) {
    found.url.push(spec.startsWith(".") ? spec : `./${spec}`);
  }
  return found;
}

/**
 * Every file reachable from `entry` in the folder `dir` (www/ or pkg/), entry
 * first: the modules it loads by the kinds of reference in `kinds`, and what
 * they name with `new URL` (a worker, the wasm). `sapan.js` is a leaf where it
 * is absent (www/: wasm-pack writes it into pkg/). The widget is flat (every
 * module beside sapan.js, in the site and in the package), so by default a
 * reference into a folder is an error here rather than a broken package;
 * `{ flat: false }` follows them (the teacher app's modules under app/), and
 * names files by their path from `dir`.
 */
export function moduleGraph(dir, entry, kinds = ["static", "dynamic", "url"], { flat = true } = {}) {
  const order = [];
  const visit = (name) => {
    if (order.includes(name)) return;
    order.push(name);
    if (!name.endsWith(".js") || (name === "sapan.js" && !existsSync(join(dir, name)))) return;
    const found = references(readFileSync(join(dir, name), "utf8"));
    for (const spec of kinds.flatMap((k) => found[k])) {
      if (flat && !/^\.\/[^/]+$/.test(spec)) throw new Error(`${name} refers to ${spec}: widget files must sit beside it`);
      visit(posix.normalize(posix.join(posix.dirname(name), spec)));
    }
  };
  visit(entry);
  return order;
}

/**
 * The www/ modules `entry` loads (imports, dynamic imports and `new URL`
 * worker scripts), entry first; `./sapan.js` and the wasm are left out, since
 * wasm-pack writes them into pkg/ itself.
 */
export function widgetModules(entry = "widget.js") {
  return moduleGraph(www, entry).filter((f) => f.endsWith(".js") && f !== "sapan.js");
}

/**
 * The <link> lines that let a page fetch the widget's whole static import
 * graph at once: without them the browser finds widget.js → sapan-align.js →
 * sapan-align-view.js → clauses.js → … one level per round trip. Only static
 * imports: a dynamic import or a Worker's modules are not fetched on load (and
 * a worker has its own module map, which a document's modulepreload does not
 * fill). The wasm is preloaded only if the document itself fetches it
 * (documentFetchesWasm); `crossorigin` makes the preload match that fetch
 * (mode cors), or the browser would download it twice.
 */
export function preloadHints(prefix = "./node_modules/sapan/") {
  const graph = moduleGraph(pkgDir, "widget.js", ["static"]).slice(1);
  const lines = graph.map((f) => `<link rel="modulepreload" href="${prefix}${f}">`);
  if (documentFetchesWasm(pkgDir, graph)) lines.push(`<link rel="preload" href="${prefix}sapan_bg.wasm" as="fetch" crossorigin>`);
  return lines;
}

/**
 * Whether the document itself fetches the wasm, given its static module graph:
 * through sapan.js's init(), or a module that names the wasm with `new URL`
 * (widget-engine.js fetches and compiles it for the widget's worker).
 */
export function documentFetchesWasm(dir, graph) {
  if (graph.includes("sapan.js")) return true;
  return graph.some((f) => f.endsWith(".js") && existsSync(join(dir, f)) && references(readFileSync(join(dir, f), "utf8")).url.includes("./sapan_bg.wasm"));
}

/**
 * What the teacher app loads on opening, from www/index.html: the stylesheets,
 * the module script, every module it imports statically (app/ included), and
 * the engine. Not what it imports with `import()`: each view but the first is
 * imported when first shown (www/app.js; see appLazyViews). Not `new URL` ones
 * either: the app starts its align worker only when asked to align.
 * (The example set, examples.json, is fetched only when asked for.)
 * `{ hinted: false }` leaves out the files index.html names only in a
 * modulepreload hint, to compare the hints with the import graph; `dir`: the
 * app's folder (www/; another one in tests).
 */
export function appFirstLoad({ dir = www, hinted = true } = {}) {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const files = ["index.html"];
  const entries = [...html.matchAll(/<(?:link|script)\b[^>]*>/g)]
    .map(([tag]) => [tag, tag.match(/\b(?:href|src)="([^":]+\.(?:css|js))"/)?.[1]])
    .filter(([tag, href]) => href && (hinted || !/\brel="modulepreload"/.test(tag)));
  for (const [, href] of entries) {
    for (const f of moduleGraph(dir, href, ["static"], { flat: false })) if (!files.includes(f)) files.push(f);
  }
  return files;
}

/**
 * The views the teacher app imports on first use, in the order its modules
 * name them: `[{ entry, files }]`, `files` being what showing the view first
 * adds to what is already loaded on opening (modules shared with an earlier
 * view are counted again: each view can be the first one opened).
 */
export function appLazyViews({ dir = www } = {}) {
  const opening = new Set(appFirstLoad({ dir }));
  const found = [];
  const visit = (modules) => {
    for (const name of modules.filter((f) => f.endsWith(".js") && f !== "sapan.js")) {
      for (const spec of references(readFileSync(join(dir, name), "utf8")).dynamic) {
        const entry = posix.normalize(posix.join(posix.dirname(name), spec));
        if (opening.has(entry) || found.some((v) => v.entry === entry)) continue;
        const files = moduleGraph(dir, entry, ["static"], { flat: false }).filter((f) => !opening.has(f));
        found.push({ entry, files });
        visit(files);
      }
    }
  };
  visit([...opening]);
  return found;
}

/** `[name, path]` of a www/ file as the site serves it (sapan.js and the wasm come from pkg/). */
export const appPath = (f) => [f, f === "sapan.js" || f === "sapan_bg.wasm" ? join(pkgDir, f) : join(www, f)];

/** The teacher app's files on opening, `[name, path]`, the engine included. */
export function appFiles() {
  return [...appFirstLoad(), "sapan_bg.wasm"].map(appPath);
}

/** Files smaller than this are sent as they are: compressing them saves less than a header. */
const COMPRESS_OVER = 1024;

/** The two compressed copies a static server can send in place of `bytes`. Same bytes in, same bytes out. */
export function compressed(bytes) {
  return {
    // Node writes a gzip header with mtime 0 and no file name, so the output depends on the input only.
    gz: gzipSync(bytes, { level: 9 }),
    br: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  };
}

/** `compressed` of a file, once per run: brotli 11 of the wasm takes seconds, and the size table asks again. */
const compressedFiles = new Map();
function compressedFile(path) {
  if (!compressedFiles.has(path)) {
    const bytes = readFileSync(path);
    compressedFiles.set(path, { raw: bytes, ...compressed(bytes) });
  }
  return compressedFiles.get(path);
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
    // The oldest Node the package is tested under (tests/wasm/*.test.mjs run on Node 20).
    engines: { node: ">=20" },
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
  // What a browser downloads (the modules and the wasm, not the types) gets its
  // .br and .gz beside it, for servers that send precompressed files
  // (nginx gzip_static/brotli_static, Apache rewrites; see the README).
  const downloaded = pkg.files.filter((f) => /\.(js|wasm)$/.test(f) && readFileSync(join(pkgDir, f)).length > COMPRESS_OVER);
  // A file left by an earlier build (a module since removed, its .br) must not
  // linger in pkg/ beside the package it no longer belongs to.
  const keep = new Set([...pkg.files, "package.json"]);
  for (const f of readdirSync(pkgDir)) {
    if (/\.(js|br|gz)$/.test(f) && !keep.has(f) && !downloaded.some((d) => f === `${d}.br` || f === `${d}.gz`)) rmSync(join(pkgDir, f));
  }
  for (const f of downloaded) {
    const { br, gz } = compressedFile(join(pkgDir, f));
    writeFileSync(join(pkgDir, `${f}.br`), br);
    writeFileSync(join(pkgDir, `${f}.gz`), gz);
    pkg.files.push(`${f}.br`, `${f}.gz`);
  }
  writeFileSync(join(pkgDir, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  copyFileSync(join(root, "src/wasm/README.md"), join(pkgDir, "README.md"));
  copyFileSync(join(root, "LICENSE"), join(pkgDir, "LICENSE"));
  return widget;
}

/** The bytes a browser downloads for `files` ([name, path]), `{ raw, gzip, brotli }` each and in total. */
export function downloadSizes(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  const rows = files.map(([name, path]) => {
    const { raw, gz, br } = compressedFile(path);
    const row = { raw: raw.length, gzip: gz.length, brotli: br.length };
    for (const k in total) total[k] += row[k];
    return [name, row];
  });
  return { rows, total };
}

/** Prints a size table of `files` ([name, path]); with `rows: false` only the total. */
function sizeTable(title, files, { rows = true } = {}) {
  const line = (name, r) =>
    console.log(`  ${name.padEnd(22)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)} ${String(r.brotli).padStart(9)}`);
  console.log(title);
  console.log(`  ${"file".padEnd(22)} ${"raw".padStart(9)} ${"gzip -9".padStart(9)} ${"brotli 11".padStart(9)}`);
  const sizes = downloadSizes(files);
  if (rows) for (const [name, row] of sizes.rows) line(name, row);
  line(rows ? "total" : `total (${files.length} files)`, sizes.total);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === "--preload") {
    console.log(preloadHints(process.argv[3]).join("\n"));
  } else {
    const widget = writePackage();
    const engine = ["sapan.js", "sapan_bg.wasm"].map((f) => [f, join(pkgDir, f)]);
    sizeTable("engine: sapan.js and the wasm it fetches (bytes; a server sending files as they are sends the raw column)", engine);
    if (widget.length) {
      // Every file the widget can load: its static imports, dynamic imports and worker, and the engine.
      sizeTable("widget: <script type=module src=widget.js> and everything it loads, worker included (bytes)", [
        ...widget.map((f) => [f, join(pkgDir, f)]),
        ...engine,
      ]);
    }
    sizeTable("teacher app: index.html and everything it loads on opening (bytes)", appFiles(), { rows: false });
    // Each view but the first is imported when first shown (www/app.js).
    for (const { entry, files } of appLazyViews()) sizeTable(`teacher app, loaded on first use: ${entry} and what it adds (bytes)`, files.map(appPath), { rows: false });
  }
}
