// The files of pkg/ as npm ships them: the precompressed copies (.br, .gz)
// are the files beside them, byte for byte; package.json's `files` lists what
// the package needs and nothing else, every module the engine and the widget
// can load included (a module named only by `new URL(…, import.meta.url)`,
// such as a Worker script, is the one a hand-kept list forgets); and the
// modulepreload hints in the READMEs' widget snippets are the widget's real
// import graph, so a module added or removed cannot leave them stale.
// Reads pkg/ as scripts/build left it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { compressed, documentFetchesWasm, moduleGraph, references } from "../../scripts/package.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const pkgDir = join(repo, "pkg");
const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
const compressedCopies = readdirSync(pkgDir).filter((f) => /\.(br|gz)$/.test(f));

test("every .br and .gz in pkg/ decompresses to exactly the file beside it", () => {
  assert.ok(compressedCopies.some((f) => f === "sapan_bg.wasm.br") && compressedCopies.includes("sapan_bg.wasm.gz"), "the wasm has both copies");
  for (const f of compressedCopies) {
    const original = join(pkgDir, f.replace(/\.(br|gz)$/, ""));
    assert.ok(existsSync(original), `${f} has its original beside it`);
    const unpacked = (f.endsWith(".br") ? brotliDecompressSync : gunzipSync)(readFileSync(join(pkgDir, f)));
    assert.ok(unpacked.equals(readFileSync(original)), `${f} decompresses to ${original}`);
  }
});

test("the compressed copies are reproducible: compressing the original again gives the same bytes", () => {
  // A gzip header with a time or a file name in it would change every build and every tarball.
  for (const f of compressedCopies) {
    const again = compressed(readFileSync(join(pkgDir, f.replace(/\.(br|gz)$/, ""))))[f.endsWith(".br") ? "br" : "gz"];
    assert.ok(again.equals(readFileSync(join(pkgDir, f))), `${f} is what compressing its original gives`);
  }
  const gz = readFileSync(join(pkgDir, "sapan_bg.wasm.gz"));
  assert.equal(gz.readUInt32LE(4), 0, "gzip mtime is 0");
  assert.equal(gz[3] & 0x08, 0, "gzip header names no file");
});

/** What the package needs: what its entry points load, what package.json points at, README, LICENCE, and the copies of large downloads. */
function neededFiles() {
  const loaded = new Set([...moduleGraph(pkgDir, "sapan.js"), ...(existsSync(join(pkgDir, "widget.js")) ? moduleGraph(pkgDir, "widget.js") : [])]);
  const pointedAt = [manifest.main, manifest.module, manifest.types, ...Object.values(manifest.exports).flatMap((e) => (typeof e === "string" ? [e] : Object.values(e)))];
  const needed = new Set([...loaded, ...pointedAt.map((p) => p.replace(/^\.\//, "")), "sapan_bg.wasm.d.ts", "README.md", "LICENSE"]);
  needed.delete("package.json"); // npm always ships it
  for (const f of loaded) {
    if (readFileSync(join(pkgDir, f)).length > 1024) needed.add(`${f}.br`).add(`${f}.gz`);
  }
  return [...needed].sort();
}

test("package.json's files lists exactly the files the package needs, and pkg/ holds nothing else", () => {
  const files = [...manifest.files].sort();
  assert.equal(new Set(files).size, files.length, "no file listed twice");
  assert.deepEqual(files, neededFiles());
  for (const f of files) assert.ok(existsSync(join(pkgDir, f)), `${f} is in pkg/`);
  assert.deepEqual(readdirSync(pkgDir).filter((f) => f !== "package.json").sort(), files, "pkg/ holds only what is listed");
});

test("every module reachable from widget.js and sapan.js (imports, import(), new URL) is in files", () => {
  for (const entry of ["sapan.js", "widget.js"]) {
    for (const f of moduleGraph(pkgDir, entry)) assert.ok(manifest.files.includes(f), `${f} (reached from ${entry}) in files`);
  }
  assert.ok(moduleGraph(pkgDir, "sapan.js").includes("sapan_bg.wasm"), "sapan.js's new URL('sapan_bg.wasm') is followed");
});

test("a module's references are found in all three forms a browser follows", () => {
  const source = [
    'import { a } from "./a.js";',
    'export { b } from "./b.js";',
    'import "./c.js";',
    'const d = await import("./d.js");',
    'new Worker(new URL("./widget-worker.js", import.meta.url), { type: "module" });',
    "const wasm = new URL('sapan_bg.wasm', import.meta.url);",
    'fetch(new URL(src, document.baseURI)); // not a file of the package',
  ].join("\n");
  assert.deepEqual(references(source), {
    static: ["./a.js", "./b.js", "./c.js"],
    dynamic: ["./d.js"],
    url: ["./widget-worker.js", "./sapan_bg.wasm"],
  });
});

test("a Worker script named by new URL is in the widget's graph, but not among the modules a page preloads", () => {
  // The shape of a widget that runs the engine in a worker: widget.js → engine.js → new URL(worker) → sapan.js.
  const dir = mkdtempSync(join(tmpdir(), "sapan-graph-"));
  try {
    writeFileSync(join(dir, "widget.js"), 'import { start } from "./widget-engine.js";\n');
    writeFileSync(join(dir, "widget-engine.js"), 'export const start = () => new Worker(new URL("./widget-worker.js", import.meta.url), { type: "module" });\n');
    writeFileSync(join(dir, "widget-worker.js"), 'import init from "./sapan.js";\nconst later = () => import("./later.js");\n');
    writeFileSync(join(dir, "later.js"), "export {};\n");
    assert.deepEqual(moduleGraph(dir, "widget.js"), ["widget.js", "widget-engine.js", "widget-worker.js", "sapan.js", "later.js"]);
    assert.deepEqual(moduleGraph(dir, "widget.js", ["static"]), ["widget.js", "widget-engine.js"]);
    writeFileSync(join(dir, "widget.js"), 'import "./lib/x.js";\n');
    assert.throws(() => moduleGraph(dir, "widget.js"), /widget files must sit beside it/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The first ```html block after `heading` in `file`, or null. */
function snippet(file, heading) {
  const text = readFileSync(join(repo, file), "utf8");
  return text.match(new RegExp(`^${heading}[^]*?\`\`\`html\\n([^]*?)\`\`\``, "m"))?.[1] ?? null;
}

for (const [file, heading] of [
  ["src/wasm/README.md", "## The widget"],
  ["README.md", "## Embed it"],
]) {
  test(`the modulepreload hints in ${file}'s widget snippet are the widget's import graph`, (t) => {
    const html = snippet(file, heading);
    assert.ok(html, `${file} has an html block under "${heading}"`);
    const links = [...html.matchAll(/<link\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => /\brel="(modulepreload|preload)"/.test(tag));
    if (!links.some((tag) => tag.includes('rel="modulepreload"'))) {
      t.skip(`${file}'s widget snippet has no <link rel="modulepreload"> lines yet (node scripts/package.mjs --preload prints them)`);
      return;
    }
    const script = html.match(/<script\b[^>]*\bsrc="([^"]*)widget\.js"/);
    assert.ok(script, "the snippet loads widget.js with a <script src>");
    const base = script[1];
    const hrefs = links.map((tag) => {
      const href = tag.match(/\bhref="([^"]+)"/)?.[1];
      assert.ok(href?.startsWith(base), `${tag} points beside widget.js (${base})`);
      return href.slice(base.length);
    });
    assert.equal(new Set(hrefs).size, hrefs.length, `no hint twice: ${hrefs.join(", ")}`);
    // Static imports only: what the browser fetches before widget.js runs.
    const graph = moduleGraph(pkgDir, "widget.js", ["static"]).slice(1);
    const modules = links.filter((tag) => tag.includes('rel="modulepreload"')).map((tag) => tag.match(/\bhref="([^"]+)"/)[1].slice(base.length));
    assert.deepEqual([...modules].sort(), [...graph].sort(), "one modulepreload for each module widget.js imports, directly or not");
    const preloads = links.filter((tag) => tag.includes('rel="preload"'));
    if (documentFetchesWasm(pkgDir, graph)) {
      assert.equal(preloads.length, 1, `one preload, for the wasm: ${preloads.join(" ")}`);
      const [wasm] = preloads;
      assert.match(wasm, new RegExp(`href="${base.replace(/[.]/g, "\\.")}sapan_bg\\.wasm"`));
      // Without both, the preloaded response does not match the page's fetch and the wasm is downloaded twice.
      assert.match(wasm, /\bas="fetch"/);
      assert.match(wasm, /\bcrossorigin\b/);
    } else {
      assert.deepEqual(preloads, [], "the page itself never fetches the wasm: a preload would download it for nothing");
    }
  });
}
