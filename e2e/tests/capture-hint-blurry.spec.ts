import { hintCase } from "../support/capture-hint-case";

hintCase("blurry", "Sharpness", "Blurry: hold the camera steady and let it focus.");
