export const DECISION_OUTCOMES = ["approve", "reject", "retake"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The agent's verdict on a capture. */
export interface ReviewDecision {
  outcome: DecisionOutcome;
  reason: string;
  /** ISO timestamp. */
  at: string;
}

export type DecisionProblem = "outcome-required" | "reason-required";

export function validateDecision(outcome: DecisionOutcome | null, reason: string): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (outcome === null) problems.push("outcome-required");
  if (reason.trim() === "") problems.push("reason-required");
  return problems;
}
