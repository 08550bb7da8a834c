import { detectionCase } from "../support/capture-detection-case";

detectionCase("small", /Letter height/, "Move closer: the two lines of <<< are too small to read.");
