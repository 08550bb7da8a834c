import { hintCase } from "../support/capture-hint-case";

hintCase("glare", "Glare", "Glare on the page: tilt it slightly away from the light.");
