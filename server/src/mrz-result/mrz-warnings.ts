import { SPECIMEN_CODES } from "contract/mrz/country-codes";
import { dataCorrections, type ReportDoubt, reportDoubts } from "contract/mrz/report-doubts";
import type { MrzField, MrzFieldName, MrzReport } from "contract/mrz/types";
import type { Warning } from "contract/warning";
import { makeWarning, type WarningCode } from "contract/warning-catalogue";

export interface MrzWarningOptions {
  /** The day expiry and age are judged against (default: now). */
  today?: Date;
  /** "Expiring soon" threshold in days (default 90). */
  expiringSoonDays?: number;
}

/** What every rule sees: the report, the day, and the doubts the report supports (computed once). */
interface RuleInput {
  report: MrzReport;
  today: Date;
  soonDays: number;
  doubts: readonly ReportDoubt[];
  field(name: MrzFieldName): MrzField | undefined;
}

/** One kind of finding: the warnings it gives on a report, in order. */
type Rule = (input: RuleInput) => Warning[];

const CHECK_CODES: Partial<Record<MrzFieldName, WarningCode>> = {
  documentNumber: "check_digit_failed_document_number",
  birthDate: "check_digit_failed_birth_date",
  expiryDate: "check_digit_failed_expiry_date",
  optionalData1: "check_digit_failed_optional_data",
  optionalData2: "check_digit_failed_optional_data",
};

const DAY_MS = 86_400_000;

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** ISO date with possible "XX" parts -> { year, month|null, day|null }. */
function parts(iso: string): { year: number; month: number | null; day: number | null } {
  const [y, m, d] = iso.split("-");
  return { year: Number(y), month: m === "XX" ? null : Number(m), day: d === "XX" ? null : Number(d) };
}

function describe(field: MrzField): string {
  return `line ${String(field.line + 1)}, columns ${String(field.start + 1)}-${String(field.end)}`;
}

/** The warning that tells a person about one doubt. */
function doubtWarning(doubt: ReportDoubt): Warning {
  switch (doubt.kind) {
    case "correction_uncertain": {
      const [only] = doubt.fields;
      return makeWarning("mrz_correction_uncertain", {
        ...(doubt.fields.length === 1 && only ? { field: only } : {}),
        details: { fields: doubt.fields.join(", "), gap: Math.round(doubt.gap * 100) / 100 },
      });
    }
    case "lookalike":
      return makeWarning("mrz_lookalike_ambiguous", {
        field: doubt.field,
        details: { read: doubt.read, alternative: doubt.alternative, line: doubt.line + 1, column: doubt.column + 1 },
      });
    case "name_corrected":
      return makeWarning("name_corrected", {
        field: doubt.field,
        details: { read: doubt.read, corrected: doubt.corrected },
      });
    case "name_irregular":
      return makeWarning("name_irregular", { field: doubt.field, details: { read: doubt.read } });
    case "country_code_corrected":
      return makeWarning("country_code_corrected", {
        field: doubt.field,
        details: { read: doubt.read, corrected: doubt.corrected },
      });
    case "unknown_country_code":
      return makeWarning("unknown_country_code", {
        field: doubt.field,
        message: `The country code "${doubt.code}" (${describe(doubt.at)}) is not on the ICAO 9303 list; it may be misread.`,
        details: { code: doubt.code },
      });
    case "field_invalid":
      return makeWarning("mrz_field_invalid", { field: doubt.field, details: { read: doubt.read } });
    case "invalid_date":
      return makeWarning("invalid_date", { field: doubt.field, details: { read: doubt.read } });
  }
}

/** A rule that reports the doubts of the given kinds, in the order the report's doubts list them. */
const doubtsOf =
  (...kinds: ReportDoubt["kind"][]): Rule =>
  ({ doubts }) =>
    doubts.filter((d) => kinds.includes(d.kind)).map(doubtWarning);

const normalised: Rule = ({ report }) =>
  report.normalised ? [makeWarning("mrz_normalised", { details: { lines: report.originalLines.length } })] : [];

const failedChecks: Rule = ({ report }) =>
  report.checks.flatMap((check) => {
    if (check.valid) return [];
    const code = check.field === "composite" ? "composite_failed" : CHECK_CODES[check.field];
    if (code === undefined) return [];
    return [
      makeWarning(code, {
        field: check.field,
        details: { expected: check.expected, found: check.found, line: check.line + 1, column: check.column + 1 },
      }),
    ];
  });

const unverifiable: Rule = ({ report }) => {
  if (report.valid) return [];
  const failed = report.checks.filter((c) => !c.valid).map((c) => c.field);
  return [makeWarning("mrz_unverifiable", { details: { failedChecks: failed.join(", ") } })];
};

const corrected: Rule = ({ report }) => {
  const data = dataCorrections(report);
  if (data.length === 0) return [];
  const changes = data.map(
    (c) => `${c.field} line ${String(c.line + 1)} col ${String(c.column + 1)}: ${c.from}->${c.to}`,
  );
  return [makeWarning("mrz_corrected", { details: { count: data.length, changes: changes.join("; ") } })];
};

const specimen: Rule = ({ field }) => {
  const code = (["issuingState", "nationality"] as const)
    .map((n) => field(n)?.value)
    .find((v) => v != null && SPECIMEN_CODES.has(v));
  return code ? [makeWarning("specimen_document", { details: { code } })] : [];
};

/** Per field, in MRZ order: a name that may be cut short, a field holding characters it cannot hold. */
const fieldContents: Rule = ({ report, doubts }) =>
  report.fields.flatMap((f) => [
    ...(f.truncated ? [makeWarning("name_truncated", { field: f.name, details: { read: f.raw } })] : []),
    ...doubts.filter((d) => d.kind === "field_invalid" && d.field === f.name).map(doubtWarning),
  ]);

const birthDateUnknownPart: Rule = ({ field }) => {
  const birth = field("birthDate");
  if (!birth?.value?.includes("XX")) return [];
  return [makeWarning("birth_date_unknown_part", { field: "birthDate", details: { birthDate: birth.value } })];
};

const expiry: Rule = ({ field, today, soonDays }) => {
  const f = field("expiryDate");
  if (!f?.value || f.state === "failed" || f.value.includes("XX")) return [];
  const todayMs = utcDay(today);
  const { year, month, day } = parts(f.value);
  const daysLeft = Math.round((Date.UTC(year, (month ?? 1) - 1, day ?? 1) - todayMs) / DAY_MS);
  if (daysLeft < 0) {
    return [
      makeWarning("expired", {
        field: "expiryDate",
        message: `The document expired on ${f.value}.`,
        details: { expiryDate: f.value, today: new Date(todayMs).toISOString().slice(0, 10) },
      }),
    ];
  }
  if (daysLeft > soonDays) return [];
  return [
    makeWarning("expiring_soon", {
      field: "expiryDate",
      message: `The document expires on ${f.value}, in ${String(daysLeft)} days.`,
      details: { expiryDate: f.value, daysLeft, thresholdDays: soonDays },
    }),
  ];
};

const under18: Rule = ({ field, today }) => {
  const birth = field("birthDate");
  if (!birth?.value || birth.state === "failed") return [];
  const { year, month, day } = parts(birth.value);
  // With an unknown month or day, the earliest possible birthday: flagged only when surely under 18.
  const todayMs = utcDay(today);
  if (Date.UTC(year + 18, (month ?? 1) - 1, day ?? 1) <= todayMs) return [];
  return [
    makeWarning("under_18", {
      field: "birthDate",
      details: { birthDate: birth.value, today: new Date(todayMs).toISOString().slice(0, 10) },
    }),
  ];
};

/** The rules, in the order their warnings are listed. */
const RULES: readonly Rule[] = [
  normalised,
  failedChecks,
  unverifiable,
  corrected,
  doubtsOf("correction_uncertain"),
  doubtsOf("lookalike"),
  doubtsOf("name_corrected", "name_irregular"),
  doubtsOf("country_code_corrected", "unknown_country_code"),
  specimen,
  fieldContents,
  doubtsOf("invalid_date"),
  birthDateUnknownPart,
  expiry,
  under18,
];

/** Every finding the MRZ itself supports: failed checks, corrections, the report's doubts, codes, names and dates. */
export function mrzWarnings(report: MrzReport, options: MrzWarningOptions = {}): Warning[] {
  const today = options.today ?? new Date();
  const input: RuleInput = {
    report,
    today,
    soonDays: options.expiringSoonDays ?? 90,
    doubts: reportDoubts(report, { today }),
    field: (name) => report.fields.find((f) => f.name === name),
  };
  return RULES.flatMap((rule) => rule(input));
}
