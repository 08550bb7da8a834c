import type { MrzFieldState, MrzFormat } from "contract/mrz/types";
import type { PassportResult, ProviderName } from "contract/result";
import type { ReviewDecision } from "contract/review/decision";
import { currentValues, type FieldEdit } from "contract/review/field-edits";
import type { ReviewFieldKey } from "contract/review/review-fields";
import type { Warning } from "contract/warning";
import type { FieldRow, FieldSource } from "./field-rows";

export const REVIEW_EXPORT_FORMAT = "passport-kyc.review/1";

export interface ExportedField {
  /** As read by the provider. */
  read: string | null;
  /** After the agent's edits (equal to `read` when not edited). */
  value: string | null;
  edited: boolean;
  source: FieldSource | null;
  confidence: number | null;
  mrzState: MrzFieldState | null;
}

export interface ExportedImage {
  mediaType: string;
  base64: string;
}

export interface ReviewExport {
  format: typeof REVIEW_EXPORT_FORMAT;
  exportedAt: string;
  requestId: string;
  upstreamRequestId: string | null;
  provider: ProviderName;
  fields: Partial<Record<ReviewFieldKey, ExportedField>>;
  mrz: { format: MrzFormat; lines: string[]; valid: boolean } | null;
  warnings: Warning[];
  edits: FieldEdit[];
  decision: ReviewDecision | null;
  /** Only when the agent asked for it: the captured image and the returned portrait. */
  image?: ExportedImage;
  portrait?: ExportedImage;
}

export interface ReviewExportInput {
  result: PassportResult;
  rows: readonly FieldRow[];
  edits: readonly FieldEdit[];
  decision: ReviewDecision | null;
  exportedAt: Date;
  /** Present only when the agent chose to include images. */
  image?: ExportedImage;
}

/** The JSON an agent downloads: fields (read and final), warnings, edits, decision; images only when asked. */
export function buildReviewExport(input: ReviewExportInput): ReviewExport {
  const { result, rows, edits, decision, image } = input;
  const values = currentValues(edits);
  const fields: Partial<Record<ReviewFieldKey, ExportedField>> = {};
  for (const row of rows) {
    const edited = values.get(row.key);
    fields[row.key] = {
      read: row.value,
      value: edited ?? row.value,
      edited: edited !== undefined && edited !== row.value,
      source: row.source,
      confidence: row.confidence,
      mrzState: row.mrzState,
    };
  }
  const exported: ReviewExport = {
    format: REVIEW_EXPORT_FORMAT,
    exportedAt: input.exportedAt.toISOString(),
    requestId: result.requestId,
    upstreamRequestId: result.upstreamRequestId,
    provider: result.provider,
    fields,
    mrz: result.mrz ? { format: result.mrz.format, lines: [...result.mrz.lines], valid: result.mrz.valid } : null,
    warnings: result.warnings.map((warning) => ({ ...warning })),
    edits: edits.map((edit) => ({ ...edit })),
    decision: decision ? { ...decision } : null,
  };
  if (image) {
    exported.image = image;
    if (result.portrait) exported.portrait = { ...result.portrait };
  }
  return exported;
}

/** `passport-review-<requestId>.json`, with anything unsafe in a file name replaced. */
export function exportFileName(requestId: string): string {
  return `passport-review-${requestId.replace(/[^A-Za-z0-9_-]/g, "_")}.json`;
}

/** Tab-separated `label<TAB>value` lines of the final values, for pasting into another system. */
export function fieldsAsText(
  rows: readonly FieldRow[],
  edits: readonly FieldEdit[],
  label: (key: ReviewFieldKey) => string,
): string {
  const values = currentValues(edits);
  return rows.map((row) => `${label(row.key)}\t${values.get(row.key) ?? row.value ?? ""}`).join("\n");
}
