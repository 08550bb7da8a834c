import type { ReactNode } from "react";
import { useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";

/**
 * A section of the desk review that holds a list: its heading (`<name>.heading`), then the list, or the
 * `<name>.none` line when it is empty. `name` also makes the section's class and its heading's id.
 */
export function ReviewListSection({
  name,
  empty,
  children,
}: {
  name: "edits" | "warnings";
  empty: boolean;
  children: ReactNode;
}) {
  const t = useStrings(reviewStrings);
  return (
    <section className={`review-${name}`} aria-labelledby={`review-${name}-heading`}>
      <h3 id={`review-${name}-heading`}>{t[`${name}.heading`]}</h3>
      {empty ? <p>{t[`${name}.none`]}</p> : children}
    </section>
  );
}
