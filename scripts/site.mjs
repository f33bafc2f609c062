// Assembles the teacher app as the browser gets it: www/ (app and widget
// modules) beside the npm package's sapan.js and sapan_bg.wasm, and the
// example set as examples.json. Used by the main job (scripts/run) and the
// browser tests, so both serve exactly the same files.
//
//   node scripts/site.mjs target/site
//   import { assembleSite } from "./site.mjs"; assembleSite("target/site");
import { cpSync, mkdirSync, rmSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/** The files of the site, relative to its root, and where each comes from. */
export function siteFiles() {
  const files = [];
  const walk = (dir, rel) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const to = rel ? `${rel}/${name}` : name;
      if (statSync(path).isDirectory()) walk(path, to);
      else if (name !== "README.md") files.push({ from: path, to });
    }
  };
  walk(join(root, "www"), "");
  files.push({ from: join(root, "pkg/sapan.js"), to: "sapan.js" });
  files.push({ from: join(root, "pkg/sapan_bg.wasm"), to: "sapan_bg.wasm" });
  files.push({ from: join(root, "data/samples/example_objectives.json"), to: "examples.json" });
  return files;
}

/** Writes the site into `dir` (emptied first). Needs pkg/ built (scripts/build). */
export function assembleSite(dir) {
  rmSync(dir, { recursive: true, force: true });
  for (const { from, to } of siteFiles()) {
    mkdirSync(join(dir, to, ".."), { recursive: true });
    cpSync(from, join(dir, to));
  }
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? "target/site";
  assembleSite(dir);
  console.log(`site assembled in ${dir}`);
}
