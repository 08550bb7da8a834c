import type { PassportResult } from "contract/result";
import type { ReviewDecision } from "contract/review/decision";
import type { FieldEdit } from "contract/review/field-edits";
import { useId, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import type { FieldRow } from "./field-rows";
import { buildReviewExport, type ExportedImage, exportFileName, fieldsAsText } from "./review-export";

interface ExportToolsProps {
  result: PassportResult;
  rows: readonly FieldRow[];
  edits: readonly FieldEdit[];
  decision: ReviewDecision | null;
  image: Blob;
  onRetake: () => void;
}

async function blobToExportedImage(blob: Blob): Promise<ExportedImage> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return { mediaType: blob.type || "application/octet-stream", base64: btoa(binary) };
}

/** Download the review as JSON (no image unless asked), copy the fields, or start over. */
export function ExportTools({ result, rows, edits, decision, image, onRetake }: ExportToolsProps) {
  const t = useStrings(reviewStrings);
  const id = useId();
  const [includeImage, setIncludeImage] = useState(false);
  const [status, setStatus] = useState("");

  const exportJson = async () => {
    const exported = buildReviewExport({
      result,
      rows,
      edits,
      decision,
      exportedAt: new Date(),
      ...(includeImage ? { image: await blobToExportedImage(image) } : {}),
    });
    const file = exportFileName(result.requestId);
    const url = URL.createObjectURL(new Blob([JSON.stringify(exported, null, 2)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = file;
    link.click();
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(format(t["tools.exported"], { file }));
  };

  const copyFields = async () => {
    try {
      await navigator.clipboard.writeText(fieldsAsText(rows, edits, (key) => t[`field.${key}`]));
      setStatus(t["tools.copied"]);
    } catch {
      setStatus(t["tools.copyFailed"]);
    }
  };

  return (
    <section className="review-tools" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t["tools.heading"]}</h3>
      <label htmlFor={`${id}-image`}>
        <input
          id={`${id}-image`}
          type="checkbox"
          checked={includeImage}
          onChange={(event) => setIncludeImage(event.currentTarget.checked)}
        />{" "}
        {t["tools.includeImage"]}
      </label>
      <div className="review-buttons">
        <button type="button" onClick={() => void exportJson()}>
          {t["tools.export"]}
        </button>
        <button type="button" onClick={() => void copyFields()}>
          {t["tools.copy"]}
        </button>
        <button type="button" onClick={onRetake}>
          {t["tools.retake"]}
        </button>
      </div>
      <p role="status" className="review-note">
        {status}
      </p>
    </section>
  );
}
