/**
 * The desk's API (/api/desk) as the browser sees it: JSON shapes (times as ISO strings), the CSRF header, roles,
 * the inbox, a stored session with its review and audit trail.
 */
import type { PassportResult } from "./result";
import type { ReviewState } from "./review/review-state";
import type { SessionStatus } from "./session";

/** Every state-changing /api/desk request carries the signed-in session's CSRF token in this header. */
export const CSRF_HEADER = "X-CSRF-Token";

export const AGENT_ROLES = ["agent", "supervisor"] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** The signed-in agent (sign-in, GET /me, password change). */
export interface SignedInAgent {
  id: string;
  email: string;
  role: AgentRole;
  /** A one-time password is in use: nothing but changing it (and signing out) is allowed. */
  mustChangePassword: boolean;
  csrfToken: string;
}

/** An agent a supervisor can assign a session to (GET /agents). */
export interface AgentSummary {
  id: string;
  email: string;
  role: AgentRole;
}

/** Settings supervisors change at the desk. */
export interface DeskSettings {
  /** Approvals of a read with any critical warning need a second, different reviewer. */
  requireSecondReviewer: boolean;
}

export interface InboxItem {
  id: string;
  reference: string;
  status: SessionStatus;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  claimedBy: { id: string; email: string } | null;
  awaitingSecondReview: boolean;
  /** The API key's name, or "desk" for walk-ins captured at the desk. */
  origin: string;
  erased: boolean;
}

export interface Inbox {
  counts: Record<SessionStatus, number>;
  items: InboxItem[];
  nextCursor: string | null;
}

/** Who did something to a session. */
export type AuditActor = "agent" | "customer" | "integrator" | "system";

export const AUDIT_ACTIONS = [
  "created",
  "opened",
  "handoff_started",
  "handoff_redeemed",
  "read",
  "submitted",
  "expired",
  "erased",
  "viewed",
  "claimed",
  "released",
  "assigned",
  "edited",
  "acknowledged",
  "approved",
  "decided",
  "exported",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One append-only entry of a session's audit trail. */
export interface AuditEvent {
  id: string;
  at: string;
  actor: AuditActor;
  agent: { id: string; email: string } | null;
  action: AuditAction;
  /** Before/after values, reasons; gone once the session is erased. */
  detail: Record<string, unknown> | null;
}

/** A session as the desk sees it (no personal data: that is in the capture's result). */
export interface DeskSession {
  id: string;
  reference: string;
  status: SessionStatus;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  openedAt: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  erasedAt: string | null;
  customerConfirmed: boolean | null;
  submittedCaptureId: string | null;
  maxReads: number;
  readsUsed: number;
  claimedBy: { id: string; email: string } | null;
  /** The API key's name, or "desk" for a walk-in. */
  origin: string;
}

export interface DeskCapture {
  id: string;
  createdAt: string;
  mediaType: string | null;
  erasedAt: string | null;
}

/** GET /api/desk/sessions/:id: what the review screen shows. */
export interface DeskSessionDetail {
  session: DeskSession;
  /** The read under review: the submitted one, else the latest attempt. */
  capture: DeskCapture | null;
  result: PassportResult | null;
  captures: DeskCapture[];
  review: ReviewState;
  audit: AuditEvent[];
}

/** POST /api/desk/sessions/:id/decision's answer. */
export interface DecisionAnswer {
  review: ReviewState;
  status: SessionStatus;
}

/** POST /api/desk/sessions: a walk-in's session, claimed by the agent, and the token its capture is sent with. */
export interface WalkInSession {
  id: string;
  token: string;
}
