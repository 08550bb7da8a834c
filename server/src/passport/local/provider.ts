import { existsSync } from "node:fs";
import { join } from "node:path";
import { defaultModelDir, type ReadMode } from "../../engine/read-passport-image";
import type { PassportProvider, ProviderHealth } from "../provider";
import { EnginePool } from "./engine-pool";
import { workerEntry } from "./worker-entry";

export interface LocalProviderOptions {
  /** Worker threads (each holds one recogniser, ~60-100 MB). */
  workers: number;
  /** Requests waiting beyond the running ones before 503 engine_busy. */
  queueMax: number;
  /** Folder holding `<lang>.traineddata` (default server/models/mrz). */
  modelDir?: string;
  /** Model name (default "mrz"). */
  lang?: string;
  /** Recognise the band whole or line by line (default: the pipeline's READ_MODE). */
  readMode?: ReadMode;
}

export interface LocalProvider extends PassportProvider {
  /** Ends the worker threads; pending requests get 503 engine_unavailable. */
  close(): Promise<void>;
  /** Resolves when at least one worker has loaded the model. */
  ready(timeoutMs?: number): Promise<void>;
}

/** Bundled worker entry name, emitted by server/build.mjs beside dist/index.js. */
export const LOCAL_ENGINE_WORKER_BUNDLE = "local-engine-worker.js";

/**
 * The offline engine as a PassportProvider: a pool of worker threads, each with the MRZ recogniser loaded from a
 * local model (nothing fetched at run time). Throws at once when the model file is missing.
 */
export function createLocalProvider(options: LocalProviderOptions): LocalProvider {
  const modelDir = options.modelDir ?? defaultModelDir();
  const lang = options.lang ?? "mrz";
  const modelFile = join(modelDir, `${lang}.traineddata`);
  if (!existsSync(modelFile)) throw new Error(`offline engine: model file missing at ${modelFile}`);
  const entry = workerEntry("engine-worker.ts", LOCAL_ENGINE_WORKER_BUNDLE);
  const pool = new EnginePool({
    workers: options.workers,
    queueMax: options.queueMax,
    workerUrl: entry.url,
    argv: entry.argv,
    workerData: { langPath: modelDir, lang, ...(options.readMode ? { readMode: options.readMode } : {}) },
  });
  return {
    name: "local",
    async recognize(input) {
      const result = await pool.run(
        { image: input.image, mediaType: input.mediaType, portrait: input.portrait },
        input.signal,
      );
      return { ...result, requestId: input.requestId };
    },
    async health(): Promise<ProviderHealth> {
      const s = pool.status();
      if (s.ready > 0)
        return { provider: "local", ready: true, detail: `${s.ready}/${s.workers} workers ready, ${s.queued} queued` };
      return {
        provider: "local",
        ready: false,
        detail: s.lastStartError ? "offline engine failed to start" : "offline engine starting",
      };
    },
    close: () => pool.close(),
    ready: (timeoutMs) => pool.whenReady(timeoutMs),
  };
}
