/**
 * Tencent MLIDPassportOCR `Response` -> the normalized PassportResult. The provider's fields are kept as read; the MRZ
 * (CodeSet/CodeCrc) goes through our own MRZ engine, which checks it and cross-checks the provider's fields against it.
 */

import { MrzFormatError } from "contract/mrz/mrz-format-error";
import { parseMrz } from "contract/mrz/parse-mrz";
import type { MrzReport } from "contract/mrz/types";
import type { DocumentFields, PassportResult, VisualZone } from "contract/result";
import type { Warning } from "contract/warning";
import { makeWarning, tencentWarning } from "contract/warning-catalogue";
import { z } from "zod";
import { AppError } from "../../errors";
import { crossCheck } from "../../mrz-result/cross-check";
import { mrzWarnings } from "../../mrz-result/mrz-warnings";

/** Confidences below this raise a low_confidence warning on the field. */
export const LOW_CONFIDENCE = 0.8;

const text = z.string().optional();
const warnCode = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const warnList = z.array(warnCode).nullish();

const responseSchema = z.looseObject({
  RequestId: text,
  ID: text,
  Name: text,
  Surname: text,
  GivenName: text,
  Type: text,
  DateOfBirth: text,
  DateOfExpiration: text,
  Sex: text,
  IssuingCountry: text,
  Nationality: text,
  CodeSet: text,
  CodeCrc: text,
  Image: z.string().nullish(),
  Warn: warnList,
  WarnCardInfos: warnList,
  AdvancedInfo: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
  PassportRecognizeInfos: z.record(z.string(), z.unknown()).nullish(),
});

type TencentResponse = z.output<typeof responseSchema>;

export interface MapOptions {
  requestId: string;
  /** The portrait was asked for (RetImage). */
  portrait: boolean;
  /** For expiry and age checks; default now. */
  today?: Date;
}

const clean = (value: string | undefined | null): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** YYYYMMDD -> YYYY-MM-DD when it is a real calendar date. */
export function isoFromCompactDate(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const valid =
    date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
  return valid ? `${y}-${m}-${d}` : null;
}

function mapSex(value: string | undefined): DocumentFields["sex"] {
  switch (value?.trim().toUpperCase()) {
    case "M":
    case "男":
      return "M";
    case "F":
    case "女":
      return "F";
    case "X":
    case "<":
      return "X";
    default:
      return null;
  }
}

const VISUAL_ZONE_KEYS: ReadonlyArray<readonly [string, keyof VisualZone]> = [
  ["Type", "type"],
  ["IssuingCountry", "issuingCountry"],
  ["PassportID", "number"],
  ["Surname", "surname"],
  ["GivenName", "givenNames"],
  ["Name", "fullName"],
  ["BirthPlace", "birthPlace"],
  ["Nationality", "nationality"],
  ["DateOfBirth", "birthDate"],
  ["DateOfIssuance", "issueDate"],
  ["DateOfExpiration", "expiryDate"],
  ["Sex", "sex"],
  ["Signature", "signature"],
  ["IssuePlace", "issuePlace"],
  ["IssuingAuthority", "issuingAuthority"],
];

export function mapVisualZone(infos: Record<string, unknown> | null | undefined): VisualZone | null {
  if (!infos) return null;
  const zone: VisualZone = {};
  for (const [from, to] of VISUAL_ZONE_KEYS) {
    const value = infos[from];
    if (typeof value === "string" && value.trim()) zone[to] = value.trim();
  }
  return Object.keys(zone).length > 0 ? zone : null;
}

const CONFIDENCE_KEYS: Readonly<Record<string, keyof PassportResult["confidence"]>> = {
  ID: "number",
  Name: "fullName",
  Surname: "surname",
  GivenName: "givenNames",
  Type: "type",
  DateOfBirth: "birthDate",
  DateOfExpiration: "expiryDate",
  Sex: "sex",
  Nationality: "nationality",
  IssuingCountry: "issuingCountry",
  CodeSet: "mrz",
  CodeCrc: "mrz",
  MRZ: "mrz",
};

function confidenceValue(raw: unknown): number | null {
  const value = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>).Confidence : raw;
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(number) || number < 0) return null;
  if (number <= 1) return number;
  return number <= 100 ? number / 100 : null;
}

/**
 * AdvancedInfo: a JSON string of per-field confidences (`{"ID":{"Confidence":"0.9500"}}`), an object, "1", "" or absent.
 * Anything that is not a confidence map yields no confidences.
 */
export function parseConfidence(advancedInfo: TencentResponse["AdvancedInfo"]): PassportResult["confidence"] {
  let info: unknown = advancedInfo;
  if (typeof info === "string") {
    if (!info.trim().startsWith("{")) return {};
    try {
      info = JSON.parse(info);
    } catch {
      return {};
    }
  }
  if (typeof info !== "object" || info === null || Array.isArray(info)) return {};
  const confidence: PassportResult["confidence"] = {};
  for (const [key, raw] of Object.entries(info)) {
    const field = CONFIDENCE_KEYS[key];
    const value = confidenceValue(raw);
    if (!field || value === null) continue;
    const previous = confidence[field];
    confidence[field] = previous === undefined ? value : Math.min(previous, value);
  }
  return confidence;
}

/** The portrait as Tencent sends it (base64, sometimes a data URL): kept only when it really is a JPEG or PNG. */
export function mapPortrait(image: string | null | undefined): PassportResult["portrait"] {
  const base64 = image?.trim().replace(/^data:image\/[a-z]+;base64,/i, "");
  if (!base64) return null;
  if (base64.startsWith("/9j/")) return { mediaType: "image/jpeg", base64 };
  if (base64.startsWith("iVBORw0KGgo")) return { mediaType: "image/png", base64 };
  return null;
}

function readTencentMrz(
  codeSet: string | null,
  codeCrc: string | null,
  warnings: Warning[],
  today: Date | undefined,
): MrzReport | null {
  if (!codeSet && !codeCrc) {
    warnings.push(
      makeWarning("mrz_unreadable", { message: "The recognition service returned no machine readable zone." }),
    );
    return null;
  }
  try {
    return parseMrz([codeSet ?? "", codeCrc ?? ""], today ? { today } : {});
  } catch (error) {
    if (!(error instanceof MrzFormatError)) throw error;
    // The engine's message quotes the lines (personal data): keep the catalogue's words instead.
    warnings.push(makeWarning("mrz_unreadable"));
    return null;
  }
}

/** Throws 502 upstream_unexpected_response when the Response does not have the documented types. */
export function mapTencentResponse(raw: Record<string, unknown>, options: MapOptions): PassportResult {
  const parsed = responseSchema.safeParse(raw);
  if (!parsed.success) {
    const requestId = typeof raw.RequestId === "string" ? raw.RequestId : undefined;
    throw new AppError("upstream_unexpected_response", {
      ...(requestId ? { upstreamRequestId: requestId } : {}),
      cause: parsed.error.issues.map((i) => i.path.join(".")),
    });
  }
  const response = parsed.data;
  const warnings: Warning[] = [];

  const date = (value: string | undefined, field: "birthDate" | "expiryDate"): string | null => {
    const value_ = clean(value);
    if (!value_) return null;
    const iso = isoFromCompactDate(value_);
    if (!iso) {
      warnings.push({
        ...makeWarning("invalid_date", {
          field,
          message: `The ${field === "birthDate" ? "date of birth" : "expiry date"} returned by the recognition service is not a real date.`,
          details: { value: value_ },
        }),
        source: "tencent",
      });
    }
    return iso;
  };

  const document: DocumentFields = {
    type: clean(response.Type),
    number: clean(response.ID),
    surname: clean(response.Surname),
    givenNames: clean(response.GivenName),
    fullName: clean(response.Name),
    nationality: clean(response.Nationality),
    issuingCountry: clean(response.IssuingCountry),
    birthDate: date(response.DateOfBirth, "birthDate"),
    expiryDate: date(response.DateOfExpiration, "expiryDate"),
    sex: mapSex(response.Sex),
  };
  const visualZone = mapVisualZone(response.PassportRecognizeInfos);

  const seen = new Set<number>();
  for (const code of [...(response.Warn ?? []), ...(response.WarnCardInfos ?? [])]) {
    if (seen.has(code)) continue;
    seen.add(code);
    warnings.push(tencentWarning(code));
  }

  const confidence = parseConfidence(response.AdvancedInfo);
  for (const [field, value] of Object.entries(confidence)) {
    if (value < LOW_CONFIDENCE) {
      warnings.push({
        ...makeWarning("low_confidence", { field, details: { confidence: value, threshold: LOW_CONFIDENCE } }),
        source: "tencent",
      });
    }
  }

  const mrz = readTencentMrz(clean(response.CodeSet), clean(response.CodeCrc), warnings, options.today);
  if (mrz) {
    warnings.push(...mrzWarnings(mrz, options.today ? { today: options.today } : {}));
    warnings.push(...crossCheck(mrz, { provider: document, visualZone }));
  }

  return {
    provider: "tencent",
    requestId: options.requestId,
    upstreamRequestId: clean(response.RequestId),
    document,
    visualZone,
    confidence,
    mrz,
    mrzBand: null,
    image: null,
    warnings,
    portrait: options.portrait ? mapPortrait(response.Image) : null,
  };
}
