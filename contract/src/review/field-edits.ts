import type { MrzFieldState } from "../mrz/types";
import type { ReviewFieldKey } from "./review-fields";

/** An agent's change to a field: what was read, what it became, and why. */
export interface FieldEdit {
  field: ReviewFieldKey;
  /** The value as read (before any edit). */
  read: string | null;
  /** The value the agent set. */
  value: string;
  reason: string;
  /** ISO timestamp. */
  at: string;
  /** The agent's id, once stored on the server. */
  by?: string;
  /** The edited value against the MRZ's printed check digit (recheck-field.ts); null without an MRZ. */
  state?: MrzFieldState | null;
}

export type EditProblem = "reason-required" | "value-required" | "unchanged" | "bad-date" | "bad-sex" | "bad-country";

const COUNTRY = /^[A-Z]{1,3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Checks a proposed edit; returns every problem (empty when it can be saved). */
export function validateEdit(
  field: ReviewFieldKey,
  current: string | null,
  value: string,
  reason: string,
): EditProblem[] {
  const problems: EditProblem[] = [];
  const next = value.trim();
  if (next === "") problems.push("value-required");
  else if (next === (current ?? "")) problems.push("unchanged");
  else if ((field === "birthDate" || field === "expiryDate") && !validDate(next)) problems.push("bad-date");
  else if (field === "sex" && !["M", "F", "X"].includes(next)) problems.push("bad-sex");
  else if ((field === "nationality" || field === "issuingCountry") && !COUNTRY.test(next)) problems.push("bad-country");
  if (reason.trim() === "") problems.push("reason-required");
  return problems;
}

/** The value each edited field has now: the last edit wins. */
export function currentValues(edits: readonly FieldEdit[]): Map<ReviewFieldKey, string> {
  const values = new Map<ReviewFieldKey, string>();
  for (const edit of edits) values.set(edit.field, edit.value);
  return values;
}

export interface FieldDiff {
  field: ReviewFieldKey;
  read: string | null;
  value: string;
  /** Every reason given for this field, oldest first. */
  reasons: string[];
}

/** One entry per edited field comparing what was read with its current value; edits that restore the read value drop out. */
export function editDiff(edits: readonly FieldEdit[]): FieldDiff[] {
  const byField = new Map<ReviewFieldKey, FieldDiff>();
  for (const edit of edits) {
    const existing = byField.get(edit.field);
    if (existing) {
      existing.value = edit.value;
      existing.reasons.push(edit.reason);
    } else {
      byField.set(edit.field, { field: edit.field, read: edit.read, value: edit.value, reasons: [edit.reason] });
    }
  }
  return [...byField.values()].filter((diff) => diff.value !== (diff.read ?? ""));
}
