import { Hono } from "hono";
import type { PassportProvider } from "../passport/provider";
import type { OperatorLog } from "./operator-log";
import { hasOperatorToken } from "./operator-token";
import type { UploadGateStatus } from "./upload-gate";

export interface HealthDeps {
  provider: PassportProvider;
  uploads: () => UploadGateStatus;
  operatorLog: OperatorLog;
  /** OPERATOR_TOKEN: who may see the detail. */
  operatorToken?: string | undefined;
}

/** Seconds a caller should wait before asking a server that is not ready again. */
const NOT_READY_RETRY_SECONDS = 5;

/**
 * GET /api/health: `{ provider, ready }` for everyone (200 ready, 503 + Retry-After not). With the operator's token,
 * also where the provider reads and what it reports, the uploads being read / waiting / processed, and the last
 * failures the operator must fix. Anonymous callers learn nothing of the setup (issue 17, docs/decisions/0702).
 */
export function healthRoute(deps: HealthDeps) {
  return new Hono().get("/", async (c) => {
    const health = await deps.provider.health();
    if (!health.ready) c.header("Retry-After", String(NOT_READY_RETRY_SECONDS));
    const status = health.ready ? 200 : 503;
    if (!(await hasOperatorToken(c.req.header("authorization"), deps.operatorToken))) {
      return c.json({ provider: health.provider, ready: health.ready }, status);
    }
    return c.json({ ...health, uploads: deps.uploads(), operatorEvents: deps.operatorLog.recent() }, status);
  });
}
