/**
 * The plainest alternative to our server, for `pnpm bench` to compare against: a bare node:http server around
 * Tencent's official Node SDK (tencentcloud-sdk-nodejs-ocr). It takes the same multipart upload, hands the file to
 * MLIDPassportOCR as base64 and answers the SDK's result as JSON: no checks, no limits, no mapping.
 *   node --import tsx bench/bare-sdk-server.ts --upstream http://127.0.0.1:PORT --secret-id ID --secret-key KEY
 * The SDK signs for a real Tencent host name; its agent's lookup sends the connection to the fake on 127.0.0.1.
 */
import { Agent, createServer } from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { parseArgs } from "node:util";
import { ocr } from "tencentcloud-sdk-nodejs-ocr";

const { values } = parseArgs({
  options: { upstream: { type: "string" }, "secret-id": { type: "string" }, "secret-key": { type: "string" } },
});
const upstream = new URL(values.upstream ?? "");
if (upstream.hostname !== "127.0.0.1") throw new Error(`the bare SDK server only talks to 127.0.0.1, not ${upstream}`);

const toLoopback = ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
}) as unknown as LookupFunction;

const client = new ocr.v20181119.Client({
  credential: { secretId: values["secret-id"] ?? "", secretKey: values["secret-key"] ?? "" },
  region: "",
  profile: {
    httpProfile: {
      protocol: "http://",
      endpoint: `ocr.tencentcloudapi.com:${upstream.port}`,
      // Node's global agent keeps connections alive; a custom agent (needed for the lookup) must say so.
      agent: new Agent({ keepAlive: true, lookup: toLoopback }),
      reqTimeout: 20,
    },
  },
});

const server = createServer(async (req, res) => {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = await new Response(Buffer.concat(chunks), {
      headers: { "content-type": req.headers["content-type"] ?? "" },
    }).formData();
    const file = form.get("image");
    if (!(file instanceof Blob)) throw new Error("no image");
    const result = await client.MLIDPassportOCR({
      ImageBase64: Buffer.from(await file.arrayBuffer()).toString("base64"),
      RetImage: false,
    });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(result));
  } catch (error) {
    res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  }
});
server.listen(0, "127.0.0.1", () => {
  console.log(`bare sdk listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
