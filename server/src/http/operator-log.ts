import type { ErrorCode } from "contract/error-catalogue";

/** A failure the operator must fix (credentials, account, configuration), as the log and the operator's view show it. */
export interface OperatorEvent {
  time: string;
  requestId: string;
  /** Our catalogued code. */
  code: ErrorCode;
  /** The catalogue's message for it: what to check. */
  detail: string;
  /** The upstream's own error code, when there was one (e.g. ResourceUnavailable.InArrears). */
  upstreamCode?: string;
  upstreamRequestId?: string;
}

export type OperatorEventSink = (event: OperatorEvent) => void;

const KEPT = 20;

/** Sends each operator event to `sink` (the log) and keeps the last few for GET /api/health's operator detail. */
export function operatorLog(sink: OperatorEventSink) {
  const recent: OperatorEvent[] = [];
  return {
    record(event: OperatorEvent): void {
      sink(event);
      recent.push(event);
      if (recent.length > KEPT) recent.shift();
    },
    recent: (): OperatorEvent[] => [...recent],
  };
}

export type OperatorLog = ReturnType<typeof operatorLog>;
