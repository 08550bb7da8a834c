import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** Initial JavaScript budget (issue 5): what the browser must download before the first screen. */
export const INITIAL_JS_BUDGET_BYTES = 150 * 1024;

interface ChunkLike {
  type: "chunk";
  isEntry: boolean;
  imports: string[];
  code: string;
  fileName: string;
}

/**
 * Prints the gzipped size of the initial JavaScript (entry chunks plus their static imports; lazy chunks and
 * workers excluded) and of every other chunk, and fails the build when the initial size is over budget.
 */
export function bundleBudget(budget = INITIAL_JS_BUDGET_BYTES): Plugin {
  return {
    name: "bundle-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkLike>();
      for (const [name, item] of Object.entries(bundle)) if (item.type === "chunk") chunks.set(name, item as ChunkLike);
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        const chunk = chunks.get(name);
        if (!chunk) return;
        initial.add(name);
        for (const dep of chunk.imports) visit(dep);
      };
      for (const [name, chunk] of chunks) if (chunk.isEntry) visit(name);
      const gz = (code: string) => gzipSync(code, { level: 9 }).length;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      let total = 0;
      const lines: string[] = [];
      for (const name of initial) {
        const size = gz(chunks.get(name)!.code);
        total += size;
        lines.push(`  initial  ${kb(size).padStart(9)}  ${name}`);
      }
      for (const [name, chunk] of chunks) {
        if (!initial.has(name)) lines.push(`  lazy     ${kb(gz(chunk.code)).padStart(9)}  ${name}`);
      }
      this.info(`\nInitial JS ${kb(total)} gzipped (budget ${kb(budget)})\n${lines.join("\n")}`);
      // Also on stdout, so CI logs and `pnpm --filter web build` show the figure.
      console.log(`[bundle-budget] initial JS ${kb(total)} gzipped of ${kb(budget)} budget`);
      if (total > budget) this.error(`initial JS ${kb(total)} gzipped is over the ${kb(budget)} budget`);
    },
  };
}
