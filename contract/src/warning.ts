/** A finding for a person to review. Warnings never block a result; they are shown as badges. */
export type WarningSeverity = "info" | "warning" | "critical";

/** Where a warning came from: the upstream's own checks, the MRZ engine, a cross-check, or image quality. */
export type WarningSource = "tencent" | "mrz" | "crosscheck" | "quality";

export interface Warning {
  /** Stable code from the catalogue (warnings/catalogue.ts). */
  code: string;
  source: WarningSource;
  severity: WarningSeverity;
  /** Plain-language message a person can act on. */
  message: string;
  /** The plain next step for a person (from the catalogue), e.g. "Retake without glare". */
  action?: string;
  /** The field concerned, when there is one (e.g. "documentNumber"). */
  field?: string;
  /** Both sides of a mismatch, or the measured value against its threshold. */
  details?: Record<string, string | number | boolean | null>;
}
