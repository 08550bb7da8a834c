import type { PassportResult } from "contract/result";
import { useEffect, useMemo, useRef, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import { useObjectUrl } from "../../lib/use-object-url";
import { BannerList } from "./banner-list";
import { DecisionForm } from "./decision-form";
import { ExportTools } from "./export-tools";
import { FieldEditForm } from "./field-edit-form";
import { buildFieldRows } from "./field-rows";
import { FieldTable } from "./field-table";
import { MrzOverlay } from "./mrz-overlay";
import { MrzTranscript } from "./mrz-transcript";
import { PortraitView } from "./portrait-view";
import { recordOutcome, rememberCapture } from "./recent-captures";
import { RecentCapturesList } from "./recent-captures-list";
import type { ReviewDecision } from "./review-decision";
import { currentValues, editDiff, type FieldEdit } from "./review-edits";
import type { ReviewFieldKey } from "./review-fields";
import { WarningBadges } from "./warning-badges";

interface DeskReviewProps {
  result: PassportResult;
  image: Blob;
  onRetake: () => void;
}

/** The agent's desk: image with MRZ overlay, fields, warnings, edits with reasons, decision, export. */
export function DeskReview({ result, image, onRetake }: DeskReviewProps) {
  const t = useStrings(reviewStrings);
  const imageUrl = useObjectUrl(image);
  const rows = useMemo(() => buildFieldRows(result), [result]);
  const [active, setActive] = useState<ReviewFieldKey | null>(null);
  const [edits, setEdits] = useState<FieldEdit[]>([]);
  const [editing, setEditing] = useState<ReviewFieldKey | null>(null);
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const returnFocus = useRef<HTMLButtonElement | null>(null);
  const values = useMemo(() => currentValues(edits), [edits]);
  const diffs = useMemo(() => editDiff(edits), [edits]);
  const editingRow = rows.find((row) => row.key === editing) ?? null;

  useEffect(() => {
    const doc = result.document;
    rememberCapture({
      requestId: result.requestId,
      at: new Date().toISOString(),
      name: doc.fullName ?? [doc.surname, doc.givenNames].filter(Boolean).join(" "),
      number: doc.number ?? "",
      outcome: null,
    });
  }, [result]);

  const closeEditor = () => {
    setEditing(null);
    // The editor unmounts first; then focus goes back to the row's Edit button.
    queueMicrotask(() => returnFocus.current?.focus());
  };

  return (
    <div className="review review-desk">
      <BannerList document={result.document} today={new Date()} />
      <div className="review-columns">
        <div className="review-column">
          <MrzOverlay result={result} image={image} imageUrl={imageUrl} active={active} onActivate={setActive} />
          {result.mrz && <MrzTranscript report={result.mrz} active={active} onActivate={setActive} />}
          {result.portrait && <PortraitView portrait={result.portrait} />}
        </div>
        <div className="review-column">
          <FieldTable
            rows={rows}
            edited={values}
            active={active}
            onActivate={setActive}
            onEdit={(field, button) => {
              returnFocus.current = button;
              setEditing(field);
            }}
          />
          {editingRow && (
            <FieldEditForm
              key={editingRow.key}
              field={editingRow.key}
              read={editingRow.value}
              current={values.get(editingRow.key) ?? editingRow.value}
              onSave={(edit) => {
                setEdits((previous) => [...previous, edit]);
                closeEditor();
              }}
              onCancel={closeEditor}
            />
          )}
          <section className="review-edits" aria-labelledby="review-edits-heading">
            <h3 id="review-edits-heading">{t["edits.heading"]}</h3>
            {diffs.length === 0 ? (
              <p>{t["edits.none"]}</p>
            ) : (
              <ul>
                {diffs.map((diff) => (
                  <li key={diff.field}>
                    {format(t["edits.entry"], {
                      field: t[`field.${diff.field}`],
                      read: diff.read ?? t["fields.empty"],
                      value: diff.value,
                    })}
                    <ul>
                      {diff.reasons.map((reason, index) => (
                        // Reasons can repeat; their position is their identity.
                        // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
                        <li key={index}>{format(t["edits.reason"], { reason })}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <WarningBadges warnings={result.warnings} />
          <DecisionForm
            decision={decision}
            onDecide={(next) => {
              setDecision(next);
              recordOutcome(result.requestId, next.outcome);
            }}
            onRetake={onRetake}
          />
          <ExportTools
            result={result}
            rows={rows}
            edits={edits}
            decision={decision}
            image={image}
            onRetake={onRetake}
          />
          <RecentCapturesList currentId={result.requestId} />
        </div>
      </div>
    </div>
  );
}
