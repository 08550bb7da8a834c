import type { PassportResult } from "contract/result";
import type { ReviewFieldKey } from "contract/review/review-fields";
import type { ReviewState } from "contract/review/review-state";
import { type ReactNode, useMemo, useState } from "react";
import { useObjectUrl } from "../../lib/use-object-url";
import { BannerList } from "./banner-list";
import { DecisionForm, type DecisionInput } from "./decision-form";
import { editedFields } from "./edited-fields";
import { EditsSummary } from "./edits-summary";
import { ExportTools } from "./export-tools";
import { FieldEditForm, type FieldEditInput } from "./field-edit-form";
import { buildFieldRows } from "./field-rows";
import { FieldTable } from "./field-table";
import { MrzOverlay } from "./mrz-overlay";
import { MrzTranscript } from "./mrz-transcript";
import { PortraitView } from "./portrait-view";
import { useFieldEditor } from "./use-field-editor";
import { type AcknowledgementInput, WarningAcknowledgements } from "./warning-acknowledgements";
import { WarningBadges } from "./warning-badges";

export interface DeskReviewProps {
  result: PassportResult;
  image: Blob;
  /** The review stored with the session: edits, acknowledgements, approvals, decision. */
  review: ReviewState;
  /** The signed-in agent holds the claim and the session waits for a decision: edits and decisions are offered. */
  canChange: boolean;
  agentId: string;
  requireSecondReviewer: boolean;
  /** An agent's email by id (the review names agents by id). */
  agentEmail: (id: string) => string;
  exportHref: string;
  onEdit: (edit: FieldEditInput) => Promise<void>;
  onAcknowledge: (acknowledgement: AcknowledgementInput) => Promise<void>;
  onDecide: (decision: DecisionInput) => Promise<void>;
  /** Shown below the tools (the session's audit trail). */
  children?: ReactNode;
}

/**
 * The agent's review of a stored session: image with MRZ overlay, fields with their edits re-checked, warnings,
 * critical ones acknowledged with reasons, the decision, export. Every change is saved on the server.
 */
export function DeskReview({
  result,
  image,
  review,
  canChange,
  agentId,
  requireSecondReviewer,
  agentEmail,
  exportHref,
  onEdit,
  onAcknowledge,
  onDecide,
  children,
}: DeskReviewProps) {
  const imageUrl = useObjectUrl(image);
  const rows = useMemo(() => buildFieldRows(result), [result]);
  const edited = useMemo(() => editedFields(review.edits), [review.edits]);
  const [active, setActive] = useState<ReviewFieldKey | null>(null);
  const editor = useFieldEditor(rows);
  const { editingRow } = editor;

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
            edited={edited}
            active={active}
            onActivate={setActive}
            {...(canChange ? { onEdit: editor.open } : {})}
          />
          {canChange && editingRow && (
            <FieldEditForm
              key={editingRow.key}
              field={editingRow.key}
              read={editingRow.value}
              current={edited.get(editingRow.key)?.value ?? editingRow.value}
              mrz={result.mrz}
              onSave={async (edit) => {
                await onEdit(edit);
                editor.close();
              }}
              onCancel={editor.close}
            />
          )}
          <EditsSummary edits={review.edits} />
          <WarningBadges warnings={result.warnings} />
          <WarningAcknowledgements
            warnings={result.warnings}
            review={review}
            canChange={canChange}
            agentEmail={agentEmail}
            onAcknowledge={onAcknowledge}
          />
          <DecisionForm
            warnings={result.warnings}
            review={review}
            agentId={agentId}
            requireSecondReviewer={requireSecondReviewer}
            canDecide={canChange}
            agentEmail={agentEmail}
            onDecide={onDecide}
          />
          <ExportTools rows={rows} edits={review.edits} exportHref={exportHref} />
          {children}
        </div>
      </div>
    </div>
  );
}
