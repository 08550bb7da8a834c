import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, relative } from "node:path";
import { promisify } from "node:util";
import { REPO_DIR } from "./bench-servers";

const run = promisify(execFile);

/** Debian's Chromium, as the e2e suite uses it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".jpg": "image/jpeg",
};

/** Serves a directory (and `extra` paths from memory) on a free loopback port. */
export function serveDir(dir: string, extra: Record<string, Buffer>): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    const body = extra[path] ?? (await readFile(join(dir, path === "/" ? "index.html" : path)).catch(() => null));
    if (!body || path.includes("..")) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path) || ".html"] ?? "application/octet-stream" });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export const serverUrl = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

/**
 * Builds a bench page with the web app's own Vite: `exports` (name -> module of web/src, without extension) are put
 * on `window` by an entry module. Returns the directory of the built page.
 */
export async function buildBenchPage(work: string, exports: Record<string, string>): Promise<string> {
  const lines = Object.entries(exports).map(([name, module]) => {
    const from = relative(work, join(REPO_DIR, "web/src", module));
    return `import * as ${name} from "${from}";\n(window as any).${name} = ${name};`;
  });
  await writeFile(join(work, "entry.ts"), `${lines.join("\n")}\n`);
  await writeFile(
    join(work, "index.html"),
    '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./entry.ts"></script></head><body></body></html>',
  );
  await writeFile(
    join(work, "vite.config.mjs"),
    `export default { root: ${JSON.stringify(work)}, logLevel: "warn", build: { outDir: ${JSON.stringify(join(work, "out"))}, emptyOutDir: true, target: "es2022" } };\n`,
  );
  await run(
    process.execPath,
    [join(REPO_DIR, "web/node_modules/vite/bin/vite.js"), "build", "--config", join(work, "vite.config.mjs")],
    { cwd: join(REPO_DIR, "web"), maxBuffer: 16 * 1024 * 1024 },
  );
  return join(work, "out");
}
