import { countryCodeFromText } from "contract/mrz/country-codes";
import type { MrzReport } from "contract/mrz/types";
import type { DocumentFields, VisualZone } from "contract/result";
import type { Warning } from "contract/warning";
import { makeWarning } from "contract/warning-catalogue";
import { documentFromMrz } from "./document-from-mrz";
import { parseVisualZoneDate } from "./visual-zone-date";

export interface CrossCheckSources {
  /** The provider's own field values (e.g. Tencent's ID, Surname, DateOfBirth). */
  provider?: Partial<DocumentFields>;
  /** The visual zone as printed (e.g. Tencent's PassportRecognizeInfos). */
  visualZone?: VisualZone | null;
}

type Comparable =
  | "type"
  | "number"
  | "surname"
  | "givenNames"
  | "nationality"
  | "issuingCountry"
  | "birthDate"
  | "expiryDate"
  | "sex";

const LABELS: Record<Comparable, string> = {
  type: "document type",
  number: "document number",
  surname: "surname",
  givenNames: "given names",
  nationality: "nationality",
  issuingCountry: "issuing country",
  birthDate: "date of birth",
  expiryDate: "expiry date",
  sex: "sex",
};

/** Letters and digits only, diacritics and punctuation dropped. */
function plain(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}

/** The forms an MRZ may give a printed name in (ICAO 9303-3 transliteration: Ä -> AE or A, ß -> SS, ...). */
function nameForms(text: string): string[] {
  const upper = text.toUpperCase();
  const german = upper
    .replace(/[ÄÆ]/g, "AE")
    .replace(/[ÖØŒ]/g, "OE")
    .replace(/Ü/g, "UE")
    .replace(/ß/g, "SS")
    .replace(/Å/g, "AA")
    .replace(/Þ/g, "TH")
    .replace(/Ñ/g, "NXX");
  return [...new Set([plain(upper.replace(/ß/g, "SS").replace(/Æ/g, "AE").replace(/Ø/g, "OE")), plain(german)])];
}

/** True when the text holds letters outside the Latin script: the MRZ transliterates those, so no comparison. */
function nonLatin(text: string): boolean {
  return /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(text);
}

function countryCode(text: string): string | null {
  const code = countryCodeFromText(text);
  if (code !== null) return code;
  const p = plain(text);
  return p === "DEU" ? "D" : null;
}

function sexOf(text: string): "M" | "F" | "X" | null {
  const tokens = new Set(
    text
      .toUpperCase()
      .split(/[^A-Z]+/)
      .filter(Boolean),
  );
  const m = tokens.has("M") || tokens.has("MALE") || tokens.has("H");
  const f = tokens.has("F") || tokens.has("FEMALE");
  const x = tokens.has("X");
  if (Number(m) + Number(f) + Number(x) !== 1) return null;
  return m ? "M" : f ? "F" : "X";
}

/** Compares an ISO date (possibly with XX parts) with the possible readings of another date. */
function datesAgree(mrz: string, readings: readonly string[]): boolean {
  return readings.some((r) => {
    const a = mrz.split("-");
    const b = r.split("-");
    return a.every((part, i) => part.includes("X") || part === b[i]);
  });
}

type Verdict = "same" | "different" | "incomparable";

function compare(field: Comparable, mrz: string | null, other: string | undefined | null, truncated: boolean): Verdict {
  if (mrz === null || other === undefined || other === null || other.trim() === "") return "incomparable";
  switch (field) {
    case "type":
      return plain(other).charAt(0) === mrz.charAt(0) ? "same" : "different";
    case "number": {
      const o = plain(other);
      if (o === mrz) return "same";
      // A TD3 number longer than 9 characters is cut in the MRZ.
      return mrz.length === 9 && o.startsWith(mrz) ? "same" : "different";
    }
    case "surname":
    case "givenNames": {
      if (nonLatin(other)) return "incomparable";
      const m = plain(mrz);
      const forms = nameForms(other);
      if (forms.includes(m)) return "same";
      if (truncated && forms.some((f) => f.startsWith(m))) return "same";
      return "different";
    }
    case "nationality":
    case "issuingCountry": {
      const code = countryCode(other);
      if (code === null) return "incomparable";
      return code === mrz.replace(/<+$/, "") ? "same" : "different";
    }
    case "birthDate":
    case "expiryDate": {
      const readings = /^\d{4}-\d{2}-\d{2}$/.test(other.trim()) ? [other.trim()] : parseVisualZoneDate(other);
      if (readings.length === 0) return "incomparable";
      return datesAgree(mrz, readings) ? "same" : "different";
    }
    case "sex": {
      const s = sexOf(other);
      if (s === null) return "incomparable";
      return s === mrz ? "same" : "different";
    }
  }
}

/**
 * Compares the MRZ with the provider's fields and with the printed visual zone. Each disagreement is one warning
 * carrying both values; values that cannot be compared (a name in another script, a country printed in a form not
 * on the list, an unparseable date) are skipped rather than reported as mismatches.
 */
export function crossCheck(report: MrzReport, sources: CrossCheckSources): Warning[] {
  const mrz = documentFromMrz(report);
  const truncated = report.fields.some((f) => f.truncated);
  const warnings: Warning[] = [];
  const fields: Comparable[] = [
    "type",
    "number",
    "surname",
    "givenNames",
    "nationality",
    "issuingCountry",
    "birthDate",
    "expiryDate",
    "sex",
  ];

  /** One warning per field on which `values` (the provider's or the printed page's) disagree with the MRZ. */
  const reportMismatches = (
    values: Partial<Record<Comparable, string | null | undefined>>,
    code: "mrz_provider_mismatch" | "mrz_visual_mismatch",
    adjective: "recognised" | "printed",
    detailsKey: "provider" | "visualZone",
  ) => {
    for (const field of fields) {
      const other = values[field];
      if (compare(field, mrz[field], other, truncated) !== "different") continue;
      warnings.push(
        makeWarning(code, {
          field,
          message: `The ${adjective} ${LABELS[field]} "${String(other)}" differs from the machine readable zone "${String(mrz[field])}".`,
          details: { mrz: mrz[field], [detailsKey]: other ?? null },
        }),
      );
    }
  };

  if (sources.provider) reportMismatches(sources.provider, "mrz_provider_mismatch", "recognised", "provider");

  const viz = sources.visualZone;
  if (viz) {
    const printed: Record<Comparable, string | undefined> = {
      type: viz.type,
      number: viz.number,
      surname: viz.surname,
      givenNames: viz.givenNames,
      nationality: viz.nationality,
      issuingCountry: viz.issuingCountry,
      birthDate: viz.birthDate,
      expiryDate: viz.expiryDate,
      sex: viz.sex,
    };
    reportMismatches(printed, "mrz_visual_mismatch", "printed", "visualZone");
  }
  return warnings;
}
