import type { DecodableMediaType, EngineResult, ReadMode } from "../../engine/read-passport-image";
import type { ErrorStatus } from "../../errors";

/** Messages between the engine pool (main thread) and its worker threads. */
export interface EngineWorkerData {
  langPath: string;
  lang: string;
  readMode?: ReadMode;
}

export interface JobRequest {
  id: number;
  image: Uint8Array;
  mediaType: DecodableMediaType;
  portrait: boolean;
}

export interface SerializedAppError {
  status: ErrorStatus;
  code: string;
  message: string;
  retake: boolean;
}

export type WorkerMessage =
  | { type: "ready" }
  | { type: "result"; id: number; result: EngineResult }
  /** error null: an unexpected failure (its details stay in the worker; images and data are never logged). */
  | { type: "error"; id: number; error: SerializedAppError | null };
