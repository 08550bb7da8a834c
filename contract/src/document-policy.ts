import { ageOn, calendarDate, dayNumber } from "./calendar-date";
import type { DocumentFields } from "./result";

/**
 * What the operator accepts as a document, beyond reading it: the customer's flow stops on a failure with a clear
 * message, and the server refuses to submit such a read (the attempt stays stored for the desk).
 */
export interface DocumentPolicy {
  /** Refuse a document whose expiry date has passed (the expiry day itself is still valid). */
  rejectExpired: boolean;
  /** The holder's least age in whole years; 0 accepts any age. */
  minAge: number;
  /** ICAO nationality codes accepted (e.g. "NLD", "D"); empty accepts every nationality not denied. */
  allowNationalities: string[];
  /** ICAO nationality codes refused. */
  denyNationalities: string[];
}

export const DEFAULT_DOCUMENT_POLICY: DocumentPolicy = {
  rejectExpired: true,
  minAge: 0,
  allowNationalities: [],
  denyNationalities: [],
};

/** Why a document fails the policy; each is an error code of the catalogue (the server's answer to submitting it). */
export type PolicyFailure = "document_expired" | "holder_under_age" | "nationality_not_accepted";

/** An ICAO code as the MRZ writes it ("D<<") and as people write it ("D"): compared without filler. */
const code = (value: string) => value.toUpperCase().replace(/</g, "");

/**
 * The policy's failures for a read document on `today`, in the order a person should hear them. Unknown or
 * unreadable dates and nationality fail nothing here: they are for the read's own warnings and the desk.
 */
export function policyFailures(document: DocumentFields, policy: DocumentPolicy, today: Date): PolicyFailure[] {
  const failures: PolicyFailure[] = [];
  const expiry = calendarDate(document.expiryDate);
  if (policy.rejectExpired && expiry && expiry.day < dayNumber(today)) failures.push("document_expired");
  const birth = calendarDate(document.birthDate);
  if (policy.minAge > 0 && birth && ageOn(birth, today) < policy.minAge) failures.push("holder_under_age");
  const nationality = document.nationality ? code(document.nationality) : null;
  if (nationality) {
    const denied = policy.denyNationalities.some((c) => code(c) === nationality);
    const allowed =
      policy.allowNationalities.length === 0 || policy.allowNationalities.some((c) => code(c) === nationality);
    if (denied || !allowed) failures.push("nationality_not_accepted");
  }
  return failures;
}
