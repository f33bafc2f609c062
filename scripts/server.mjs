// A tiny static file server for the main job (scripts/run), the browser tests
// and the benchmark: Node's
// http, bound to 127.0.0.1 on a port the system picks, so that nothing is
// reachable from outside and two runs never collide.
//
//   const { url, close } = await serve("target/consumer-html", { headers: { … } });
//
// Only files under `root` are served: a path that resolves outside it (`..`,
// or its encoded form `%2e%2e`) is refused with 403.
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

// Browsers refuse module scripts that are not JavaScript and compile
// WebAssembly streamingly only when it is served as application/wasm.
const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".jsonl": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

/**
 * Serves `root` on http://127.0.0.1:<ephemeral port>/.
 * `options.port`: a fixed port (default 0: one the system picks).
 * `options.headers`: extra headers on every response (e.g. a Content-Security-Policy),
 * or a function `(path) => headers` to vary them per request path.
 * Resolves to `{ url, close }`; `url` ends without a slash.
 */
export async function serve(root, options = {}) {
  const base = resolve(root);
  const extra = typeof options.headers === "function" ? options.headers : () => options.headers ?? {};
  const server = createServer(async (req, res) => {
    const reply = (status, text) => {
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
      res.end(text);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return reply(405, "method not allowed");
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      return reply(400, "bad path");
    }
    if (path.includes("\0")) return reply(400, "bad path");
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return reply(403, "outside the served root");
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file);
      }
      res.writeHead(200, {
        "content-type": MIME[extname(file).toLowerCase()] ?? "application/octet-stream",
        "content-length": info.size,
        "cache-control": "no-store",
        ...extra(path),
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    } catch {
      reply(404, "not found");
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, "127.0.0.1", ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// `node scripts/server.mjs ROOT [PORT]`: serve ROOT until interrupted.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [root, port] = process.argv.slice(2);
  const { url } = await serve(root ?? ".", { port: Number(port ?? 8080) });
  console.log(`serving ${root} on ${url}/ (Ctrl-C to stop)`);
}
