import { MAX_BODY_BYTES } from "contract/image-limits";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { RequestIdVariables } from "hono/request-id";
import { AppError } from "../errors";
import { readImageIntake } from "./image-intake";
import type { PassportProvider } from "./provider";

/** POST /api/passport: read one passport image with the configured provider. */
export function passportRoute(provider: PassportProvider) {
  return new Hono<{ Variables: RequestIdVariables }>().post(
    "/",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError("payload_too_large");
      },
    }),
    async (c) => {
      const intake = await readImageIntake(c.req.raw);
      const result = await provider.recognize({ ...intake, requestId: c.get("requestId"), signal: c.req.raw.signal });
      return c.json(result, 200);
    },
  );
}
