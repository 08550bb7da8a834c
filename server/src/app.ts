import { Hono } from "hono";
import { AppError } from "./errors";
import type { PassportProvider } from "./passport/provider";

export interface AppDeps {
  provider: PassportProvider;
}

export function createApp(deps: AppDeps) {
  const app = new Hono()
    .get("/api/health", async (c) => {
      const health = await deps.provider.health();
      return c.json(health, health.ready ? 200 : 503);
    })
    .onError((err, c) => {
      if (err instanceof AppError) return c.json(err.toBody(), err.status);
      return c.json(
        new AppError(500, "internal_error", "Something went wrong on our side. Please try again.").toBody(),
        500,
      );
    });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
