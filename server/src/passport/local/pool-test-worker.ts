import { parentPort } from "node:worker_threads";
import type { EngineResult } from "../../engine/read-passport-image";
import type { JobRequest, WorkerMessage } from "./engine-protocol";

/**
 * A scripted engine worker for the pool's own tests (the pool is generic over what its workers compute).
 * The first image byte says what to do: 0 = answer after image[1] x 10 ms, 1 = crash the thread,
 * 2 = answer a 422 mrz_not_found, 3 = hang until terminated.
 */
const port = parentPort;
if (!port) throw new Error("must run in a worker thread");
const send = (m: WorkerMessage) => port.postMessage(m);
const result = (bytes: number): EngineResult => ({
  provider: "local",
  upstreamRequestId: null,
  document: {
    type: "P",
    number: String(bytes),
    surname: null,
    givenNames: null,
    fullName: null,
    nationality: null,
    issuingCountry: null,
    birthDate: null,
    expiryDate: null,
    sex: null,
  },
  visualZone: null,
  confidence: {},
  mrz: null,
  mrzBand: null,
  image: null,
  warnings: [],
  portrait: null,
});

port.on("message", (job: JobRequest) => {
  const op = job.image[0];
  if (op === 0)
    setTimeout(() => send({ type: "result", id: job.id, result: result(job.image.length) }), (job.image[1] ?? 0) * 10);
  else if (op === 1) throw new Error("scripted crash");
  else if (op === 2) send({ type: "error", id: job.id, error: { code: "mrz_not_found", message: "none" } });
  else setInterval(() => {}, 1000);
});
send({ type: "ready" });
