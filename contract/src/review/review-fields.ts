import type { MrzFieldName } from "../mrz/types";
import type { DocumentFields } from "../result";

/** The fields the review lists, in reading order: the document's fields plus the MRZ's optional data. */
export const REVIEW_FIELDS = [
  "surname",
  "givenNames",
  "number",
  "nationality",
  "birthDate",
  "sex",
  "expiryDate",
  "issuingCountry",
  "type",
  "optionalData1",
  "optionalData2",
] as const;

export type ReviewFieldKey = (typeof REVIEW_FIELDS)[number];

export type DocumentFieldKey = keyof DocumentFields;

/** Which MRZ field carries each review field (fullName has no MRZ field of its own). */
export const MRZ_NAME_OF: Record<ReviewFieldKey, MrzFieldName> = {
  surname: "surname",
  givenNames: "givenNames",
  number: "documentNumber",
  nationality: "nationality",
  birthDate: "birthDate",
  sex: "sex",
  expiryDate: "expiryDate",
  issuingCountry: "issuingState",
  type: "documentCode",
  optionalData1: "optionalData1",
  optionalData2: "optionalData2",
};

const FIELD_OF_MRZ = new Map<MrzFieldName, ReviewFieldKey>(
  REVIEW_FIELDS.map((key) => [MRZ_NAME_OF[key], key] as const),
);

/** The review field an MRZ field (or a check digit guarding it) belongs to; null for the composite check. */
export function reviewFieldOfMrz(name: MrzFieldName | "composite" | "filler"): ReviewFieldKey | null {
  if (name === "composite" || name === "filler") return null;
  return FIELD_OF_MRZ.get(name) ?? null;
}

/** Resolves a warning's `field`, which may name a document field or an MRZ field. */
export function reviewFieldOfWarning(field: string | undefined): ReviewFieldKey | null {
  if (!field) return null;
  if ((REVIEW_FIELDS as readonly string[]).includes(field)) return field as ReviewFieldKey;
  if (field === "fullName") return "surname";
  return FIELD_OF_MRZ.get(field as MrzFieldName) ?? null;
}

export function isDocumentField(key: ReviewFieldKey): key is ReviewFieldKey & DocumentFieldKey {
  return key !== "optionalData1" && key !== "optionalData2";
}
