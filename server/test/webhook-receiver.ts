import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The payload when the signature verified with the receiver's secret; null when it did not. */
  verified: unknown;
}

/**
 * A webhook receiver on loopback, as an integrator would write it: verifies the Standard Webhooks signature with the
 * secret it was given, and answers with the statuses it is told to (then 200).
 */
export async function startWebhookReceiver(options: { secret?: string; statuses?: number[] } = {}) {
  const received: ReceivedWebhook[] = [];
  const statuses = [...(options.statuses ?? [])];
  let secret = options.secret;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified: unknown = null;
      try {
        verified = secret ? new Webhook(secret).verify(body, req.headers as Record<string, string>) : null;
      } catch {
        verified = null;
      }
      received.push({ headers: req.headers, body, verified });
      res.statusCode = statuses.shift() ?? 200;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    setSecret(value: string) {
      secret = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
