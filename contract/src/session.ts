/**
 * Verification sessions: created by the integrator's backend, completed by the customer through a link, reviewed at
 * the desk, delivered back by webhook and API.
 *
 * created -> in_progress (link opened) -> submitted (customer confirmed) -> approved | rejected | retake_requested
 * (desk); retake_requested -> submitted again; expired when the link's time runs out before submitting.
 */
export const SESSION_STATUSES = [
  "created",
  "in_progress",
  "submitted",
  "approved",
  "rejected",
  "retake_requested",
  "expired",
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Statuses in which the customer's link still accepts a capture. */
export const OPEN_STATUSES: readonly SessionStatus[] = ["created", "in_progress", "retake_requested"];

/** The header that carries the customer's session token on API calls (the link's token never goes in a URL query). */
export const SESSION_TOKEN_HEADER = "X-Session-Token";

/** What the customer's page learns about its session (no personal data: the page holds the result itself). */
export interface CustomerSession {
  status: SessionStatus;
  reference: string;
  locale: string;
  expiresAt: string;
  readsLeft: number;
  /** Where to send the customer once submitted (with ?session=<id>&status=submitted), when the integrator gave one. */
  redirectUrl: string | null;
  sessionId: string;
  /** Set when a desk agent asked for a new photo: the agent's reason, shown to the customer. */
  retakeReason: string | null;
  /** A phone has taken over this session through a cross-device handoff link. */
  phoneConnected: boolean;
}

/** A cross-device handoff link for a phone (shown as a QR code), valid until `expiresAt`. */
export interface HandoffLink {
  url: string;
  expiresAt: string;
}

/** Returned with a read charged to a session: which capture to confirm, and how many reads remain. */
export interface CaptureReceipt {
  captureId: string;
  readsLeft: number;
}

/** POST /api/passport's answer: the normalized result, plus the capture receipt when the read was charged to a session. */
export type PassportReadResponse = import("./result").PassportResult & { capture?: CaptureReceipt };
