import { type AgentRole, CSRF_HEADER, type SignedInAgent } from "contract/desk";
import { Hono, type MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { AppError } from "../errors";
import { jsonBody } from "../http/json-body";
import type { AgentAuth, AgentSession } from "./agent-auth";

export type DeskEnv = { Variables: { agentSession: AgentSession } };

export interface DeskAuthDeps {
  auth: AgentAuth;
  /** Identifies the client address for per-address sign-in limits. */
  clientKey: (c: Parameters<MiddlewareHandler>[0]) => string;
  /** Send the cookie only over https (true when the public URL is https). */
  secureCookies: boolean;
}

const cookieName = (secure: boolean) => (secure ? "__Host-kyc_desk" : "kyc_desk");

const SignInBody = z.strictObject({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) });
const PasswordBody = z.strictObject({ current: z.string().min(1).max(1024), next: z.string().min(1).max(1024) });

/** Timing-safe comparison of two short strings. */
function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Every /api/desk route but sign-in: a signed-in agent (cookie), the session's CSRF token on every state-changing
 * request, and a changed password before anything but changing it, reading who one is, and signing out.
 */
export function requireAgent(deps: DeskAuthDeps): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    const session = await deps.auth.authenticate(getCookie(c, cookieName(deps.secureCookies)));
    if (!session) throw new AppError("not_signed_in");
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const sent = c.req.header(CSRF_HEADER) ?? "";
      if (!sameSecret(sent, session.csrfToken)) throw new AppError("csrf_failed");
    }
    const path = c.req.path;
    const allowedBeforeChange = path.endsWith("/me") || path.endsWith("/password") || path.endsWith("/sign-out");
    if (session.agent.mustChangePassword && !allowedBeforeChange) throw new AppError("password_change_required");
    c.set("agentSession", session);
    c.header("Cache-Control", "no-store");
    await next();
  };
}

export function requireRole(role: AgentRole): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    if (c.get("agentSession").agent.role !== role) throw new AppError("role_required");
    await next();
  };
}

const me = (session: AgentSession): SignedInAgent => ({
  id: session.agent.id,
  email: session.agent.email,
  role: session.agent.role,
  mustChangePassword: session.agent.mustChangePassword,
  csrfToken: session.csrfToken,
});

/** /api/desk: sign-in, who am I, password change, sign-out. */
export function deskAuthRoutes(deps: DeskAuthDeps) {
  const guard = requireAgent(deps);
  return new Hono<DeskEnv>()
    .post("/sign-in", async (c) => {
      const body = await jsonBody(c.req.raw, SignInBody);
      const signedIn = await deps.auth.signIn({ ...body, addressKey: deps.clientKey(c) });
      setCookie(c, cookieName(deps.secureCookies), signedIn.sessionToken, {
        httpOnly: true,
        secure: deps.secureCookies,
        sameSite: "Strict",
        path: "/",
        expires: signedIn.expiresAt,
      });
      c.header("Cache-Control", "no-store");
      return c.json(me({ agent: signedIn.agent, csrfToken: signedIn.csrfToken, tokenHash: new Uint8Array() }), 200);
    })
    .get("/me", guard, (c) => c.json(me(c.get("agentSession")), 200))
    .post("/password", guard, async (c) => {
      const body = await jsonBody(c.req.raw, PasswordBody);
      await deps.auth.changePassword(c.get("agentSession"), body.current, body.next);
      return c.json(
        me({ ...c.get("agentSession"), agent: { ...c.get("agentSession").agent, mustChangePassword: false } }),
        200,
      );
    })
    .post("/sign-out", guard, async (c) => {
      await deps.auth.signOut(c.get("agentSession"));
      deleteCookie(c, cookieName(deps.secureCookies), { path: "/", secure: deps.secureCookies });
      return c.body(null, 204);
    });
}
