export interface WorkerEntry {
  url: URL;
  /** Arguments for the worker (process.argv[2...] there). */
  argv: string[];
}

/** True when this module runs from TypeScript source (tests, tsx) rather than from the esbuild bundle in dist/. */
const runningFromSource = import.meta.url.endsWith(".ts");

/**
 * Where a worker thread's entry lives. From source: the .ts file beside this one, loaded through tsx (a dev
 * dependency) via ts-worker-bootstrap.mjs. From the bundle: `bundledName` beside dist/index.js, emitted by build.mjs.
 */
export function workerEntry(sourceName: string, bundledName: string): WorkerEntry {
  if (runningFromSource) {
    return {
      url: new URL("./ts-worker-bootstrap.mjs", import.meta.url),
      argv: [new URL(`./${sourceName}`, import.meta.url).href],
    };
  }
  return { url: new URL(`./${bundledName}`, import.meta.url), argv: [] };
}
