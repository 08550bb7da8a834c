import { hintCase } from "../support/capture-hint-case";

hintCase("dark", "Brightness", "Too dark: move to a brighter place.");
