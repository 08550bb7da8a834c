import { afterAll, beforeAll } from "vitest";
import { createMrzOcr, type MrzOcr } from "./mrz-ocr";
import { defaultModelDir } from "./worker-entry";

/** A real recogniser with the project's model for the tests of one describe block: started once, stopped after. */
export function useMrzOcr(): () => MrzOcr {
  let ocr: MrzOcr | undefined;
  beforeAll(async () => {
    ocr = await createMrzOcr({ langPath: defaultModelDir(), lang: "mrz" });
  }, 60_000);
  afterAll(async () => {
    await ocr?.terminate();
  });
  return () => {
    if (!ocr) throw new Error("the recogniser is not started yet");
    return ocr;
  };
}
