// The TypeScript types of the package (pkg/sapan.d.ts, pkg/widget.d.ts) as users meet them:
// tsc --noEmit, strict, with skipLibCheck off (so the declarations themselves are checked),
// under the two settings most projects have, over
// - every example of README.md and src/wasm/README.md that imports the package, read from the
//   READMEs when the test runs (so an edited example is checked as it now reads), written as is
//   into target/types-readme/ and resolved the way a user's project resolves "sapan": through
//   node_modules/sapan and the package.json `exports` with their `types`;
// - tests/wasm/types/usage.ts, every call form, whose `@ts-expect-error` lines prove misuse is
//   rejected.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const out = join(root, "target/types-readme");

/** The two settings: (a) a bundler project, (b) a Node project. */
const SETTINGS = {
  bundler: { target: "ES2022", lib: ["ES2022", "DOM"], module: "ES2022", moduleResolution: "bundler" },
  nodenext: { target: "ES2022", lib: ["ES2023", "DOM", "DOM.Iterable"], module: "NodeNext", moduleResolution: "NodeNext" },
};
const CHECKED = { strict: true, noEmit: true, skipLibCheck: false };

// What names the package in an example: the bare specifiers, or the path a page without a
// bundler uses (`./node_modules/sapan/sapan.js`).
const SAPAN = /(?:\bfrom|\bimport)\s*\(?\s*["']((?:sapan|\.\/node_modules\/sapan)(?:\/[^"']*)?)["']/;

/**
 * The examples of a README that use the package, each `{ name, line, lang, code }` (`line`:
 * the README's line of the example's first line of code). A ```js or ```ts block is taken
 * whole; an ```html block gives each of its module scripts: an inline one as written, one
 * with a `src` as `import "src";` (what loading it means to the types).
 */
function examples(readme, prefix) {
  const text = readFileSync(join(root, readme), "utf8");
  const found = [];
  for (const m of text.matchAll(/^( *)```([\w-]*)[^\n]*\n([\s\S]*?)^\1```[ \t]*$/gm)) {
    const [, , lang, body] = m;
    const line = text.slice(0, m.index).split("\n").length + 1;
    if (lang === "js" || lang === "ts") {
      if (SAPAN.test(body)) found.push({ name: `${prefix}-L${line}`, line, lang, code: body });
      continue;
    }
    if (lang !== "html") continue;
    for (const s of body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const [, attrs, inline] = s;
      if (!/\btype=["']module["']/.test(attrs)) continue;
      const at = line + body.slice(0, s.index).split("\n").length - 1;
      const src = attrs.match(/\bsrc=["']([^"']+)["']/)?.[1];
      if (src) {
        if (SAPAN.test(`import "${src}"`)) found.push({ name: `${prefix}-L${at}-src`, line: at, lang: "html", code: `import "${src}";\n` });
      } else if (SAPAN.test(inline)) {
        // The code from the line after <script>, so that line n of the file is line at + n.
        found.push({ name: `${prefix}-L${at + 1}`, line: at + 1, lang: "html", code: inline.replace(/^[^\n]*\n/, "") });
      }
    }
  }
  return found;
}

/** Whether an example runs only under Node (it imports a `node:` module or uses `process`). */
const nodeOnly = (code) => /["']node:|\bprocess\./.test(code);

function tsc(project) {
  const run = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", project], { cwd: root, encoding: "utf8" });
  return { status: run.status, output: run.stdout + run.stderr };
}

const blocks = [...examples("README.md", "README"), ...examples("src/wasm/README.md", "src-wasm-README")];

test("the READMEs have examples that use the package (the extraction still finds them)", () => {
  assert.ok(blocks.some((b) => b.name.startsWith("README-")), "README.md: no example imports sapan");
  assert.ok(blocks.some((b) => b.name.startsWith("src-wasm-README-")), "src/wasm/README.md: no example imports sapan");
});

// The project the examples sit in: node_modules/sapan is the built package, as npm installs it.
function writeProject() {
  assert.ok(existsSync(join(root, "pkg/package.json")), "pkg/ is built (scripts/build)");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "node_modules"), { recursive: true });
  symlinkSync(join(root, "pkg"), join(out, "node_modules/sapan"), "dir");
  writeFileSync(join(out, "package.json"), JSON.stringify({ private: true, type: "module" }) + "\n");
  for (const b of blocks) {
    // Where it came from goes last, so that line n of the file is line b.line + n - 1 of the README.
    writeFileSync(join(out, `${b.name}.ts`), `${b.code}\n// ${b.name.startsWith("README") ? "README.md" : "src/wasm/README.md"} line ${b.line} (${b.lang}), written by tests/wasm/types.test.mjs\n`);
  }
}

for (const [setting, options] of Object.entries(SETTINGS)) {
  test(`every README example compiles as written (${setting}: lib ${options.lib.join(", ")}, moduleResolution ${options.moduleResolution})`, () => {
    writeProject();
    // Browser examples see no Node globals; Node examples get @types/node, as a Node project has.
    const groups = { browser: blocks.filter((b) => !nodeOnly(b.code)), node: blocks.filter((b) => nodeOnly(b.code)) };
    if (groups.node.length) {
      assert.ok(existsSync(join(root, "node_modules/@types/node")), "@types/node (a devDependency) is installed: run npm install");
    }
    for (const [group, files] of Object.entries(groups)) {
      if (!files.length) continue;
      const project = join(out, `tsconfig.${setting}.${group}.json`);
      const config = { compilerOptions: { ...CHECKED, ...options, types: group === "node" ? ["node"] : [] }, files: files.map((b) => `${b.name}.ts`) };
      writeFileSync(project, JSON.stringify(config, null, 2) + "\n");
      const { status, output } = tsc(project);
      assert.equal(status, 0, `${files.map((b) => b.name).join(", ")}:\n${output}`);
    }
  });
}

for (const [config, what] of [
  ["tsconfig.json", "bundler: lib ES2022, DOM"],
  ["tsconfig.nodenext.json", "nodenext: lib ES2023, DOM, DOM.Iterable"],
  ["tsconfig.esnext.json", "lib ESNext: `using` disposes an Engine"],
]) {
  test(`usage.ts: every call form compiles and misuse is rejected (${what})`, () => {
    const { status, output } = tsc(join(root, "tests/wasm/types", config));
    assert.equal(status, 0, output);
  });
}
