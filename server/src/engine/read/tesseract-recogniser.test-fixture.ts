import { afterAll, beforeAll } from "vitest";
import { createRecogniser, defaultModelDir, type Recogniser } from "./tesseract-recogniser";

/** A real recogniser with the project's model for the tests of one describe block: started once, stopped after. */
export function useRecogniser(): () => Recogniser {
  let ocr: Recogniser | undefined;
  beforeAll(async () => {
    ocr = await createRecogniser({ langPath: defaultModelDir(), lang: "mrz" });
  }, 60_000);
  afterAll(async () => {
    await ocr?.terminate();
  });
  return () => {
    if (!ocr) throw new Error("the recogniser is not started yet");
    return ocr;
  };
}
