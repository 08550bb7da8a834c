import type { FieldEdit } from "contract/review/field-edits";
import { useId, useState } from "react";
import { useStrings } from "../../i18n/i18n";
import { deskReviewStrings } from "../../i18n/strings/desk-review";
import { reviewStrings } from "../../i18n/strings/review";
import type { FieldRow } from "./field-rows";
import { fieldsAsText } from "./fields-as-text";

interface ExportToolsProps {
  rows: readonly FieldRow[];
  edits: readonly FieldEdit[];
  /** Where the server's export of the whole session (read, review, audit trail) downloads from. */
  exportHref: string;
}

/** Download the stored session as JSON (the download is audited), or copy the fields with edits applied. */
export function ExportTools({ rows, edits, exportHref }: ExportToolsProps) {
  const t = useStrings(reviewStrings);
  const d = useStrings(deskReviewStrings);
  const id = useId();
  const [status, setStatus] = useState("");

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
      <div className="review-buttons">
        <a className="button secondary" href={exportHref} download>
          {d["tools.download"]}
        </a>
        <button type="button" className="secondary" onClick={() => void copyFields()}>
          {t["tools.copy"]}
        </button>
      </div>
      <p role="status" className="review-note">
        {status}
      </p>
    </section>
  );
}
