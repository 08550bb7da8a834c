import type { PassportResult } from "contract/result";
import type { ReviewDecision } from "contract/review/decision";
import type { ReviewFieldKey } from "contract/review/review-fields";
import { useMemo, useState } from "react";
import { useObjectUrl } from "../../lib/use-object-url";
import { BannerList } from "./banner-list";
import { DecisionForm } from "./decision-form";
import { EditsSummary } from "./edits-summary";
import { ExportTools } from "./export-tools";
import { FieldEditForm } from "./field-edit-form";
import { buildFieldRows } from "./field-rows";
import { FieldTable } from "./field-table";
import { MrzOverlay } from "./mrz-overlay";
import { MrzTranscript } from "./mrz-transcript";
import { PortraitView } from "./portrait-view";
import { recordOutcome } from "./recent-captures";
import { RecentCapturesList } from "./recent-captures-list";
import { useFieldEdits } from "./use-field-edits";
import { useRememberCapture } from "./use-remember-capture";
import { WarningBadges } from "./warning-badges";

interface DeskReviewProps {
  result: PassportResult;
  image: Blob;
  onRetake: () => void;
}

/** The agent's desk: image with MRZ overlay, fields, warnings, edits with reasons, decision, export. */
export function DeskReview({ result, image, onRetake }: DeskReviewProps) {
  const imageUrl = useObjectUrl(image);
  const rows = useMemo(() => buildFieldRows(result), [result]);
  const [active, setActive] = useState<ReviewFieldKey | null>(null);
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const edits = useFieldEdits(rows);
  const { editingRow } = edits;
  useRememberCapture(result);

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
          <FieldTable rows={rows} edited={edits.values} active={active} onActivate={setActive} onEdit={edits.open} />
          {editingRow && (
            <FieldEditForm
              key={editingRow.key}
              field={editingRow.key}
              read={editingRow.value}
              current={edits.values.get(editingRow.key) ?? editingRow.value}
              onSave={edits.save}
              onCancel={edits.close}
            />
          )}
          <EditsSummary diffs={edits.diffs} />
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
            edits={edits.edits}
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
