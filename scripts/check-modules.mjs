#!/usr/bin/env node
// Fails when two Rust modules of the crate import each other, directly or round a longer loop.
//
// Why: an import cycle is where layers have melted together (the area vocabulary inside the
// curriculum data that the code parser needs; a reader's helpers inside another reader; the
// dictionary and the normaliser leaning on each other), and where the next change gets harder.
// The data path should read one way: normalise → segment → weigh → score → rank → explain → report.
//
// How: every `use` path and every inline `crate::…`/`super::…`/`sapan::…` path of every file in
// src/ (test modules left out: a test may reach anywhere) is resolved to the deepest module it
// names; a module reaching into its own descendants is not counted (a parent holds its children:
// `mod.rs` dispatching to its readers is its job), everything else is an edge. Tarjan's algorithm
// then finds every strongly connected component of more than one module, and prints its loop.
//
//   node scripts/check-modules.mjs          exit 1 and the loops, or "no import cycles" and the module count
//   node scripts/check-modules.mjs --graph  also print every edge
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const src = join(root, "src");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith(".rs") ? [path] : [];
  });
}

// src/lib.rs → "crate"; src/a.rs and src/a/mod.rs → "crate::a"; src/a/b.rs → "crate::a::b".
// The binary (src/main.rs and src/cli/) is a second crate, rooted at "bin".
function moduleOf(path) {
  const parts = relative(src, path).split(sep);
  const last = parts.pop().replace(/\.rs$/, "");
  if (last !== "mod" && last !== "lib" && last !== "main") parts.push(last);
  const crate = parts[0] === "cli" || last === "main" ? "bin" : "crate";
  return [crate, ...parts].join("::");
}

// The code a module compiles outside its tests: cut at the first `#[cfg(test)]` item.
function code(text) {
  const cut = text.search(/^\s*#\[cfg\(test\)\]\s*\n\s*(pub(\([^)]*\))?\s+)?mod\s+\w+\s*\{/m);
  const body = cut < 0 ? text : text.slice(0, cut);
  // Comments and string literals would name paths that are not imports.
  return body
    .replace(/\/\/[^\n]*/g, "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

// `a::{b, c::{d, e}}` → ["a::b", "a::c::d", "a::c::e"].
function expand(tree) {
  tree = tree.replace(/\s+/g, "");
  const open = tree.indexOf("{");
  if (open < 0) return [tree.replace(/::self$/, "").replace(/\bas\w+$/, "")];
  const prefix = tree.slice(0, open);
  const inner = tree.slice(open + 1, tree.lastIndexOf("}"));
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= inner.length; i++) {
    const ch = inner[i];
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if ((ch === "," && depth === 0) || i === inner.length) {
      if (i > start) parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  return parts.flatMap((part) => expand(part === "self" ? prefix.replace(/::$/, "") : prefix + part));
}

function paths(body) {
  const found = [];
  for (const m of body.matchAll(/\buse\s+([^;]+);/g)) found.push(...expand(m[1]));
  for (const m of body.matchAll(/(?<![:\w])((?:crate|super|sapan)(?:::\w+)+)/g)) found.push(m[1]);
  return found;
}

function resolve(path, from, modules, crateOf) {
  let segs = path.split("::").filter(Boolean);
  let base = from.split("::");
  if (segs[0] === "crate") {
    base = [crateOf];
    segs = segs.slice(1);
  } else if (segs[0] === "sapan") {
    base = ["crate"];
    segs = segs.slice(1);
  } else if (segs[0] === "super") {
    while (segs[0] === "super") {
      base = base.slice(0, -1);
      segs = segs.slice(1);
    }
  } else if (segs[0] === "self") {
    segs = segs.slice(1);
  } else {
    // A bare path: a child module of this one (`use child::X`) or an outside crate.
    const child = [...base, segs[0]].join("::");
    if (!modules.has(child)) return null;
  }
  let target = base.join("::");
  for (const seg of segs) {
    const next = `${target}::${seg}`;
    if (!modules.has(next)) break;
    target = next;
  }
  return modules.has(target) ? target : null;
}

const sources = files(src);
const modules = new Map(sources.map((path) => [moduleOf(path), path]));
const edges = new Map([...modules.keys()].map((m) => [m, new Set()]));
for (const [module, path] of modules) {
  const crateOf = module.split("::")[0];
  for (const p of paths(code(readFileSync(path, "utf8")))) {
    const target = resolve(p, module, modules, crateOf);
    if (!target || target === module) continue;
    // A module using what it contains is not a loop back.
    if (target.startsWith(`${module}::`)) continue;
    edges.get(module).add(target);
  }
}

if (process.argv.includes("--graph")) {
  for (const [from, to] of edges) for (const t of [...to].sort()) console.log(`${from} -> ${t}`);
}

// Tarjan's strongly connected components.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function connect(v) {
  index.set(v, counter);
  low.set(v, counter);
  counter++;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v)) {
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) {
      low.set(v, Math.min(low.get(v), index.get(w)));
    }
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const v of edges.keys()) if (!index.has(v)) connect(v);

if (cycles.length) {
  console.error(`check-modules: ${cycles.length} import cycle(s) among the crate's modules:`);
  for (const component of cycles) {
    const inside = new Set(component);
    const lines = component.flatMap((from) =>
      [...edges.get(from)].filter((to) => inside.has(to)).map((to) => `    ${from} -> ${to}`),
    );
    console.error(`  ${component.join(", ")}\n${lines.join("\n")}`);
  }
  process.exit(1);
}
console.log(`check-modules: no import cycles among ${modules.size} modules`);
