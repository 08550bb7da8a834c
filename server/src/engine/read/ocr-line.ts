/** One recognised text line: characters of the MRZ alphabet and, for each, the recogniser's confidence 0..1. */
export interface OcrLine {
  text: string;
  confidences: number[];
}
