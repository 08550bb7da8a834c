import { hintCase } from "../support/capture-hint-case";

hintCase("far", "Page fills the frame", "Move closer so the page fills the frame.");
