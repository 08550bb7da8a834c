import { detectionCase } from "../support/capture-detection-case";

detectionCase(
  "fractal",
  /Passport page/,
  "No passport page found: show the whole photo page, with the two lines of <<< at the bottom.",
);
