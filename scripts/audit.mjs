// Dependency audit, as far as this machine can see (see `scripts/audit`).
//
// Checked here, failing the run when wrong:
//  - every crate in Cargo.lock comes from crates.io with a pinned checksum
//    (nothing from git or a path, nothing unpinned);
//  - each locked version is still offered by the registry (`cargo info`
//    finds it) and its licence is one we can ship (permissive list below);
//  - the npm package (pkg/package.json) depends on nothing: the browser runs
//    only our own JavaScript and the engine;
//  - `npm audit --omit=dev` finds nothing (the package's runtime graph).
// Printed as not checked when the registry cannot answer: licences and
// versions (registry unreachable), npm's advisories for the dev tools
// (the registry's bulk advisory endpoint), and RustSec's advisories (its
// database is a git repository, which this machine cannot reach).
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const failures = [];
const notChecked = [];
const fail = (what) => failures.push(what);

// Licences a school or a foundation can ship without asking a lawyer.
const PERMISSIVE = new Set(["MIT", "Apache-2.0", "Zlib", "Unlicense", "Unicode-3.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "0BSD"]);

/** Whether an SPDX expression is satisfiable with permissive licences only (OR: one, AND: all). */
export function permissive(expression) {
  const clean = expression.replace(/[()]/g, " ").trim();
  return clean
    .split(/\s+OR\s+/)
    .some((alt) => alt.split(/\s+AND\s+/).every((id) => PERMISSIVE.has(id.trim().replace(/\s.*$/, ""))));
}

/** Cargo.lock's packages as {name, version, source, checksum}. */
export function lockedCrates(text) {
  return text
    .split(/\n\[\[package\]\]\n/)
    .slice(1)
    .map((block) => {
      const field = (k) => block.match(new RegExp(`^${k} = "([^"]*)"`, "m"))?.[1] ?? null;
      return { name: field("name"), version: field("version"), source: field("source"), checksum: field("checksum") };
    });
}

function rust() {
  const crates = lockedCrates(readFileSync(`${root}Cargo.lock`, "utf8")).filter((c) => c.name !== "sapan");
  for (const c of crates) {
    if (!(c.source?.startsWith("registry+") && c.source.endsWith("/crates.io-index"))) fail(`${c.name} ${c.version}: source ${c.source}`);
    if (!/^[0-9a-f]{64}$/.test(c.checksum ?? "")) fail(`${c.name} ${c.version}: no checksum in Cargo.lock`);
  }
  const licences = new Map();
  let unreachable = 0;
  for (const c of crates) {
    const r = spawnSync("cargo", ["info", `${c.name}@${c.version}`], { cwd: root, encoding: "utf8", timeout: 60_000 });
    const licence = r.stdout?.match(/^license: (.+)$/m)?.[1];
    if (r.status === 0 && licence) {
      licences.set(licence, (licences.get(licence) ?? []).concat(c.name));
      if (!permissive(licence)) fail(`${c.name} ${c.version}: licence ${licence}`);
    } else if (/could not find/.test(r.stderr ?? "")) {
      fail(`${c.name} ${c.version}: not offered by the registry any more (yanked?)`);
    } else unreachable++;
  }
  if (unreachable) notChecked.push(`licence and registry status of ${unreachable} crates (the registry did not answer)`);
  const shipped = execFileSync("cargo", ["tree", "-e", "normal,no-proc-macro", "--target", "wasm32-unknown-unknown", "--prefix", "none", "--no-dedupe"], {
    cwd: root,
    encoding: "utf8",
  });
  const inWasm = [...new Set(shipped.split("\n").filter((l) => l && !l.startsWith("sapan ")).map((l) => l.replace(/ \(.*$/, "").replace(/ \(\*\)$/, "")))].sort();
  console.log(`Rust: ${crates.length} crates locked, each from crates.io with a checksum`);
  for (const [licence, names] of licences) console.log(`  ${licence}: ${names.join(", ")}`);
  console.log(`  the WebAssembly engine's runtime graph: ${inWasm.join(", ")}`);
  notChecked.push("RustSec advisories (cargo audit needs its advisory database, a git repository this machine cannot reach)");
}

function npm() {
  const pkg = JSON.parse(readFileSync(`${root}pkg/package.json`, "utf8"));
  for (const key of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) {
    if (pkg[key] && Object.keys(pkg[key]).length) fail(`pkg/package.json has ${key}: ${Object.keys(pkg[key]).join(", ")}`);
  }
  console.log("npm package: no dependencies (the browser runs only Sapan's own modules and the engine)");
  const runtime = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd: root, encoding: "utf8", timeout: 120_000 });
  try {
    const report = JSON.parse(runtime.stdout);
    const total = report.metadata?.vulnerabilities?.total ?? 0;
    console.log(`  npm audit --omit=dev: ${total} vulnerabilities`);
    if (total) fail(`npm audit --omit=dev: ${total} vulnerabilities`);
  } catch {
    notChecked.push("npm audit --omit=dev (no answer from the registry)");
  }
  const dev = spawnSync("npm", ["audit", "--json"], { cwd: root, encoding: "utf8", timeout: 120_000 });
  let devReport = null;
  try {
    devReport = JSON.parse(dev.stdout);
  } catch {}
  if (devReport?.metadata?.vulnerabilities) {
    const v = devReport.metadata.vulnerabilities;
    console.log(`  npm audit (dev tools): ${v.total} vulnerabilities (${JSON.stringify(v)})`);
  } else {
    const why = devReport?.message ?? devReport?.error?.summary ?? "no answer";
    notChecked.push(`npm advisories for the dev tools (binaryen, playwright-core, typescript, vite): ${String(why).split("\n")[0].replace(/ - (POST|GET) \S+/, "")} (the registry's advisory endpoint)`);
  }
}

// Run as a script; imported (by tests), only the helpers above.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  rust();
  npm();
  for (const n of notChecked) console.log(`not checked: ${n}`);
  if (failures.length) {
    for (const f of failures) console.error(`audit: ${f}`);
    process.exit(1);
  }
  console.log("audit: nothing found");
}
