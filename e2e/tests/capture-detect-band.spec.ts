import { detectionCase } from "../support/capture-detection-case";

detectionCase(
  "above-band",
  /marked band/,
  "Move the passport so that its two lines of <<< sit inside the marked band.",
);
