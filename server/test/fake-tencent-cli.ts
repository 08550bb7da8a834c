/**
 * Runs the fake Tencent upstream until killed (e2e uses it through tsx):
 *   tsx test/fake-tencent-cli.ts --port 8797 [--secret-id ID --secret-key KEY]
 * Credentials default to FAKE_TENCENT_SECRET_ID / FAKE_TENCENT_SECRET_KEY, else the e2e pair below.
 */
import { parseArgs } from "node:util";
import { startFakeTencent } from "./fake-tencent";

export const E2E_SECRET_ID = "AKIDfakeE2Etencent";
export const E2E_SECRET_KEY = "fake-e2e-secret-key";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8797" },
    host: { type: "string", default: "127.0.0.1" },
    "secret-id": { type: "string" },
    "secret-key": { type: "string" },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be an integer 0..65535, got ${values.port}`);
  process.exit(2);
}
const secretId = values["secret-id"] ?? process.env.FAKE_TENCENT_SECRET_ID ?? E2E_SECRET_ID;
const secretKey = values["secret-key"] ?? process.env.FAKE_TENCENT_SECRET_KEY ?? E2E_SECRET_KEY;

const fake = await startFakeTencent({ port, host: values.host, secrets: { [secretId]: secretKey } });
console.log(`fake tencent listening on ${fake.url} (control API under /__fake/)`);
const stop = () => {
  fake.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
