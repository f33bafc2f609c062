// Writes pkg/package.json and the npm README next to what wasm-pack built,
// then prints the size of each file a browser downloads (raw, gzip, brotli).
// Called by scripts/build; reads the version from Cargo.toml so the two never differ.
import { readFileSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const cargo = readFileSync("Cargo.toml", "utf8");
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
  keywords: ["thai", "curriculum", "alignment", "education", "webassembly", "ตัวชี้วัด"],
  engines: { node: ">=18" },
};
if (existsSync("www/widget.js")) {
  pkg.exports["./widget"] = "./widget.js";
  pkg.files.push("widget.js");
}
writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
copyFileSync("src/wasm/README.md", "pkg/README.md");
copyFileSync("LICENSE", "pkg/LICENSE");

const brotli = (b) =>
  brotliCompressSync(b, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length },
  }).length;
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log("build: what a browser downloads (bytes)");
console.log("  file               raw      gzip    brotli");
for (const file of ["sapan.js", "sapan_bg.wasm"]) {
  const bytes = readFileSync(`pkg/${file}`);
  const row = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes) };
  for (const k in total) total[k] += row[k];
  console.log(`  ${file.padEnd(14)} ${String(row.raw).padStart(9)} ${String(row.gzip).padStart(9)} ${String(row.brotli).padStart(9)}`);
}
console.log(`  ${"total".padEnd(14)} ${String(total.raw).padStart(9)} ${String(total.gzip).padStart(9)} ${String(total.brotli).padStart(9)}`);
