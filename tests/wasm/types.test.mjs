// The TypeScript types of the package (pkg/sapan.d.ts) accept every call form
// of tests/wasm/types/usage.ts and reject its misuses (`@ts-expect-error`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

test("tsc --noEmit accepts every documented call and rejects misuse", () => {
  const tsc = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tests/wasm/types"], {
    cwd: root,
    encoding: "utf8",
  });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
