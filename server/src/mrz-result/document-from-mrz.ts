import type { MrzFieldName, MrzReport } from "contract/mrz/types";
import type { DocumentFields } from "contract/result";

/**
 * The document fields as the MRZ gives them, whatever their state (warnings say which failed). Dates are ISO;
 * an unknown day or month stays "XX" as in the report. An unspecified sex ("<") is "X", as the printed page shows it.
 */
export function documentFromMrz(report: MrzReport): DocumentFields {
  const value = (name: MrzFieldName) => report.fields.find((f) => f.name === name)?.value ?? null;
  const surname = value("surname");
  const givenNames = value("givenNames");
  const fullName = [surname, givenNames].filter((p): p is string => p !== null).join(" ") || null;
  const sexField = report.fields.find((f) => f.name === "sex");
  let sex: DocumentFields["sex"] = null;
  if (sexField?.raw === "<") sex = "X";
  else if (sexField?.value === "M" || sexField?.value === "F" || sexField?.value === "X") sex = sexField.value;
  return {
    type: value("documentCode"),
    number: value("documentNumber"),
    surname,
    givenNames,
    fullName,
    nationality: value("nationality"),
    issuingCountry: value("issuingState"),
    birthDate: value("birthDate"),
    expiryDate: value("expiryDate"),
    sex,
  };
}
