import type { PassportResult } from "contract/result";
import { useEffect } from "react";
import { rememberCapture } from "./recent-captures";

/** Adds the reviewed read to the desk's recent captures (in memory, this tab only), with no decision yet. */
export function useRememberCapture(result: PassportResult): void {
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
}
