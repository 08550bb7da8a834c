/** Initial JavaScript of the built web app: the scripts index.html loads before anything is lazily imported, gzipped. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { REPO_DIR } from "./bench-servers";

export interface WebBundle {
  files: string[];
  rawBytes: number;
  /** zlib default level (6), what a typical server or CDN sends. */
  gzipBytes: number;
}

export function measureInitialJs(dist = join(REPO_DIR, "web/dist")): WebBundle {
  const html = join(dist, "index.html");
  if (!existsSync(html)) throw new Error(`${html} missing: run pnpm --filter web build`);
  const text = readFileSync(html, "utf8");
  const files = new Set<string>();
  for (const tag of text.match(/<script\b[^>]*>/g) ?? []) {
    const src = tag.match(/\ssrc="([^"]+)"/)?.[1];
    if (src) files.add(src);
  }
  for (const tag of text.match(/<link\b[^>]*>/g) ?? []) {
    if (/rel="modulepreload"/.test(tag)) {
      const href = tag.match(/\shref="([^"]+)"/)?.[1];
      if (href) files.add(href);
    }
  }
  if (files.size === 0) throw new Error("index.html loads no script");
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file.replace(/^\//, "")));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes).length;
  }
  return { files: [...files], rawBytes, gzipBytes };
}
