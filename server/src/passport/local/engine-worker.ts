import { parentPort, workerData } from "node:worker_threads";
import { createRecogniser, readPassportImage } from "../../engine/read-passport-image";
import { AppError } from "../../errors";
import type { EngineWorkerData, JobRequest, WorkerMessage } from "./engine-protocol";

/** Worker thread entry: loads the recogniser (and the second model, if any) once, then runs one pipeline job at a time. */
const port = parentPort;
if (!port) throw new Error("engine-worker must run in a worker thread");
const data = workerData as EngineWorkerData;
const ocr = await createRecogniser({ langPath: data.langPath, lang: data.lang });
const secondModel = data.secondLang ? await createRecogniser({ langPath: data.langPath, lang: data.secondLang }) : null;
const send = (message: WorkerMessage) => port.postMessage(message);

port.on("message", async (job: JobRequest) => {
  try {
    const result = await readPassportImage(
      { image: job.image, mediaType: job.mediaType, portrait: job.portrait },
      ocr,
      { ...(data.readMode ? { readMode: data.readMode } : {}), ...(secondModel ? { secondModel } : {}) },
    );
    send({ type: "result", id: job.id, result });
  } catch (err) {
    if (err instanceof AppError) {
      send({
        type: "error",
        id: job.id,
        error: { code: err.code, message: err.message },
      });
    } else {
      // The recogniser may be left in a bad state: answer, then end this thread so the pool starts a fresh one.
      send({ type: "error", id: job.id, error: null });
      process.exit(1);
    }
  }
});
send({ type: "ready" });
