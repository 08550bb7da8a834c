import { parseMrz } from "contract/mrz/parse-mrz";
import type { PassportResult } from "contract/result";
import { icaoSpecimenLines } from "contract/specimen-passports";
import { documentFromMrz } from "../src/mrz-result/document-from-mrz";
import { mrzWarnings } from "../src/mrz-result/mrz-warnings";

/**
 * What a provider answers for a clean photo of the ICAO 9303 TD3 specimen (ERIKSSON, L898902C3), read with the real
 * MRZ parser and warning rules: its expiry (2012) gives a critical `expired` warning.
 */
export function specimenRead(today = new Date()): Partial<PassportResult> {
  const mrz = parseMrz(icaoSpecimenLines());
  return { mrz, document: documentFromMrz(mrz), warnings: mrzWarnings(mrz, { today }) };
}
