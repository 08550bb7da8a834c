import type { PassportResult } from "contract/result";
import { useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";

type Portrait = NonNullable<PassportResult["portrait"]>;

/** The identity photo the provider cut from the page (a data: URL; CSP allows data: images). */
export function PortraitView({ portrait }: { portrait: Portrait }) {
  const t = useStrings(reviewStrings);
  return (
    <section className="review-portrait" aria-labelledby="review-portrait-heading">
      <h3 id="review-portrait-heading">{t["portrait.heading"]}</h3>
      <img src={`data:${portrait.mediaType};base64,${portrait.base64}`} alt={t["portrait.alt"]} />
    </section>
  );
}
