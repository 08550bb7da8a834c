import type { DocumentFields } from "contract/result";
import { format, useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import { documentBanners } from "./document-banners";

/** Expired, expiring soon and under 18, as judged on today's date. */
export function BannerList({ document, today }: { document: DocumentFields; today: Date }) {
  const t = useStrings(reviewStrings);
  const banners = documentBanners(document, today);
  if (banners.length === 0) return null;
  return (
    <ul className="review-banners">
      {banners.map((banner) => (
        <li key={banner.kind} className="review-banner" data-kind={banner.kind}>
          <span aria-hidden="true">{banner.kind === "expired" ? "✖ " : "⚠ "}</span>
          {banner.kind === "expired" && format(t["banner.expired"], { date: banner.expiryDate, days: banner.daysAgo })}
          {banner.kind === "expiring-soon" &&
            format(t["banner.expiring-soon"], { date: banner.expiryDate, days: banner.daysLeft })}
          {banner.kind === "under-18" && format(t["banner.under-18"], { age: banner.age })}
        </li>
      ))}
    </ul>
  );
}
