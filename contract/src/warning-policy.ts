import type { Warning } from "./warning";
import { FAILED_CHECK_CODES, isWarningCode, WARNING_CODES, type WarningCode } from "./warning-catalogue";

/**
 * What the customer's flow does when a read carries a warning, per warning code (the operator's choice):
 * - `block`: ask for a new photo; the customer cannot go on with this one, and the server refuses to submit it.
 * - `retake`: ask for a new photo at once, with the reason and the fix; the customer may continue anyway.
 * - `allow`: no question; the warning is for the desk.
 */
export const WARNING_ACTIONS = ["block", "retake", "allow"] as const;
export type WarningAction = (typeof WARNING_ACTIONS)[number];

export type WarningPolicy = Record<WarningCode, WarningAction>;

/** Warnings a new photo can cure: the photo's quality, a forgery signal of the photo, or a doubtful read. */
const RETAKE_WORTHY: readonly WarningCode[] = [
  "tencent_border_incomplete",
  "tencent_photocopy",
  "tencent_recapture",
  "tencent_edited",
  "tencent_covered_inside",
  "tencent_covered",
  "tencent_reflection",
  "tencent_blur",
  "blur",
  "glare_mrz",
  "glare_portrait",
  "photocopy_grayscale",
  "screen_recapture",
  "mrz_too_small",
  "document_too_small",
  ...FAILED_CHECK_CODES,
  "mrz_unreadable",
  "mrz_field_invalid",
  "invalid_date",
  "low_confidence",
  "mrz_visual_mismatch",
  "mrz_provider_mismatch",
];

/** By default a retake-worthy warning asks for a new photo and lets the customer continue; the rest is the desk's. */
export const DEFAULT_WARNING_POLICY: WarningPolicy = Object.fromEntries(
  WARNING_CODES.map((code) => [code, RETAKE_WORTHY.includes(code) ? "retake" : "allow"]),
) as WarningPolicy;

/** The action for one warning; a code this build does not know is left to the desk. */
export function warningAction(policy: WarningPolicy, code: string): WarningAction {
  return isWarningCode(code) ? policy[code] : "allow";
}

/** What the customer is asked after a read: the warnings to retake for, and whether continuing is allowed. */
export interface RetakeRequest {
  warnings: Warning[];
  canContinue: boolean;
}

/** The retake question for a read's warnings (null when none asks for one); one entry per code, in read order. */
export function retakeRequest(warnings: readonly Warning[], policy: WarningPolicy): RetakeRequest | null {
  const seen = new Set<string>();
  const asked = warnings.filter((w) => {
    if (warningAction(policy, w.code) === "allow" || seen.has(w.code)) return false;
    seen.add(w.code);
    return true;
  });
  if (asked.length === 0) return null;
  return { warnings: asked, canContinue: asked.every((w) => warningAction(policy, w.code) === "retake") };
}
