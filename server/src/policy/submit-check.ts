import type { CustomerConfig } from "contract/customer-config";
import { policyFailures } from "contract/document-policy";
import type { PassportResult } from "contract/result";
import { retakeRequest } from "contract/warning-policy";
import { AppError } from "../errors";

/** The operator's policies the server enforces when the customer submits a read. */
export type SubmitPolicy = Pick<CustomerConfig, "documentPolicy" | "warningPolicy">;

/**
 * Refuses to submit a read the customer's page must not have let through: a document the operator's policy refuses
 * (expired, under age, nationality), or a photo with a warning the operator blocks. The read itself stays stored.
 */
export function assertSubmittable(result: PassportResult, policy: SubmitPolicy, today: Date): void {
  const [failure] = policyFailures(result.document, policy.documentPolicy, today);
  if (failure) throw new AppError(failure);
  const retake = retakeRequest(result.warnings, policy.warningPolicy);
  if (retake && !retake.canContinue) {
    const codes = retake.warnings.map((w) => w.code).join(", ");
    throw new AppError("retake_required", {
      message: `This photo has a problem the service does not accept (${codes}): take the photo again.`,
    });
  }
}
