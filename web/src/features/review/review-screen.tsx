import type { PassportResult } from "server/passport/result";

export interface ReviewScreenProps {
  mode: "customer" | "desk";
  result: PassportResult;
  image: Blob;
  onRetake: () => void;
}

/** Review of one read: customer confirmation at `/`, the agent's desk at `/desk`. Work in progress (task F). */
export function ReviewScreen({ mode, result, onRetake }: ReviewScreenProps) {
  const doc = result.document;
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">{mode === "customer" ? "Is this you?" : "Review"}</h2>
      <dl>
        <dt>Surname</dt>
        <dd>{doc.surname}</dd>
        <dt>Given names</dt>
        <dd>{doc.givenNames}</dd>
        <dt>Document number</dt>
        <dd>{doc.number}</dd>
      </dl>
      <button type="button" onClick={onRetake}>
        Retake
      </button>
    </section>
  );
}
