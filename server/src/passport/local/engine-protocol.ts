import type { ErrorCode } from "contract/error-catalogue";
import type { DecodableMediaType, EngineResult, ReadMode } from "../../engine/read-passport-image";

/** Messages between the engine pool (main thread) and its worker threads. */
export interface EngineWorkerData {
  langPath: string;
  lang: string;
  /** A second model in langPath, asked when the first one's read is in doubt. */
  secondLang?: string;
  readMode?: ReadMode;
}

export interface JobRequest {
  id: number;
  image: Uint8Array;
  mediaType: DecodableMediaType;
  portrait: boolean;
}

/** An AppError across the thread boundary: its code (status and retake come from the catalogue) and message. */
export interface SerializedAppError {
  code: ErrorCode;
  message: string;
}

export type WorkerMessage =
  | { type: "ready" }
  | { type: "result"; id: number; result: EngineResult }
  /** error null: an unexpected failure (its details stay in the worker; images and data are never logged). */
  | { type: "error"; id: number; error: SerializedAppError | null };
