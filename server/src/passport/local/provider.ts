import { existsSync } from "node:fs";
import { join } from "node:path";
import { defaultModelDir, MAX_INPUT_PIXELS, type ReadMode } from "../../engine/read-passport-image";
import { AppError } from "../../errors";
import { wholeImageHeader } from "../image-header";
import type { PassportProvider, ProviderHealth, RecognizeInput } from "../provider";
import { EnginePool, type JobShare } from "./engine-pool";
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
  /** A second model in the same folder, asked when the first one's read is in doubt, under glare or refused (default
   *  "mrz2" when that file is there; null: none). Each worker holds it too. */
  secondLang?: string | null;
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

/** The decoded size of a typical photo (12 MP at 8 bits): a job's weight in the fair queue is its size in these. */
const TYPICAL_DECODED_BYTES = 12_000_000;

/**
 * What a job will cost, read from the image's header on the main thread before it takes a place in the queue: a
 * broken or cut-off file is refused (422), and so is one whose decoded samples exceed the engine's pixel limit, a
 * 16-bit image counting twice (413): ten 16-bit PNGs at 2.4 s of CPU each held both workers in issue 17's probe.
 */
function jobShare(input: Pick<RecognizeInput, "image" | "mediaType" | "client">): JobShare {
  const header = wholeImageHeader(input);
  const bytesPerSample = header.bitDepth > 8 && input.mediaType === "image/png" ? 2 : 1;
  const decodedBytes = header.width * header.height * bytesPerSample;
  if (decodedBytes > MAX_INPUT_PIXELS) {
    const depth = bytesPerSample === 2 ? " at 16 bits per channel" : "";
    throw new AppError("image_too_large_pixels", {
      message: `The image is ${header.width}x${header.height} pixels${depth}; at most ${Math.round(MAX_INPUT_PIXELS / bytesPerSample / 1_000_000)} megapixels are accepted${depth}. Send a smaller photo${depth ? " or an 8-bit one (a JPEG)" : ""}.`,
    });
  }
  return { client: input.client, weight: Math.max(1, decodedBytes / TYPICAL_DECODED_BYTES) };
}

/**
 * The offline engine as a PassportProvider: a pool of worker threads, each with the MRZ recogniser loaded from a
 * local model (nothing fetched at run time). Throws at once when the model file is missing.
 */
export function createLocalProvider(options: LocalProviderOptions): LocalProvider {
  const modelDir = options.modelDir ?? defaultModelDir();
  const lang = options.lang ?? "mrz";
  const modelFile = join(modelDir, `${lang}.traineddata`);
  if (!existsSync(modelFile)) throw new Error(`offline engine: model file missing at ${modelFile}`);
  const wanted = options.secondLang === undefined ? "mrz2" : options.secondLang;
  const secondLang = wanted && existsSync(join(modelDir, `${wanted}.traineddata`)) ? wanted : null;
  if (options.secondLang && !secondLang) {
    throw new Error(
      `offline engine: second model file missing at ${join(modelDir, `${options.secondLang}.traineddata`)}`,
    );
  }
  const entry = workerEntry("engine-worker.ts", LOCAL_ENGINE_WORKER_BUNDLE);
  const pool = new EnginePool({
    workers: options.workers,
    queueMax: options.queueMax,
    workerUrl: entry.url,
    argv: entry.argv,
    workerData: {
      langPath: modelDir,
      lang,
      ...(secondLang ? { secondLang } : {}),
      ...(options.readMode ? { readMode: options.readMode } : {}),
    },
  });
  return {
    name: "local",
    async recognize(input) {
      const result = await pool.run(
        { image: input.image, mediaType: input.mediaType, portrait: input.portrait },
        input.signal,
        jobShare(input),
      );
      return { ...result, requestId: input.requestId };
    },
    async health(): Promise<ProviderHealth> {
      const s = pool.status();
      const figures = { workers: s.workers, ready: s.ready, busy: s.busy, queued: s.queued };
      if (s.ready > 0) {
        return {
          provider: "local",
          ready: true,
          detail: `${s.ready}/${s.workers} workers ready, ${s.queued} queued`,
          figures,
        };
      }
      return {
        provider: "local",
        ready: false,
        detail: s.lastStartError ? "offline engine failed to start" : "offline engine starting",
        figures,
      };
    },
    close: () => pool.close(),
    ready: (timeoutMs) => pool.whenReady(timeoutMs),
  };
}
