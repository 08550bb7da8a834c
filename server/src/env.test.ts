import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const ok = (source: Record<string, string>) => {
  const result = parseEnv(source);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.env;
};

describe("parseEnv", () => {
  it("defaults to the offline engine on port 8787 with no credentials", () => {
    const env = ok({});
    expect(env.OCR_PROVIDER).toBe("local");
    expect(env.PORT).toBe(8787);
    expect(env.TENCENTCLOUD_ENDPOINT).toBe("https://ocr.tencentcloudapi.com");
    expect(env.UPSTREAM_TIMEOUT_MS).toBe(10_000);
    expect(env.CORS_ALLOW_ORIGINS).toEqual([]);
  });

  it("defaults to tencent when both credentials are set, and local can still be forced", () => {
    const creds = { TENCENTCLOUD_SECRET_ID: "AKIDx", TENCENTCLOUD_SECRET_KEY: "k" };
    expect(ok(creds).OCR_PROVIDER).toBe("tencent");
    expect(ok({ ...creds, OCR_PROVIDER: "local" }).OCR_PROVIDER).toBe("local");
  });

  it("reads every public variable", () => {
    const env = ok({
      TENCENTCLOUD_SECRET_ID: "AKIDx",
      TENCENTCLOUD_SECRET_KEY: "k",
      TENCENTCLOUD_SESSION_TOKEN: "token",
      TENCENTCLOUD_REGION: "ap-singapore",
      TENCENTCLOUD_ENDPOINT: "http://127.0.0.1:9000",
      UPSTREAM_TIMEOUT_MS: "2500",
      PORT: "9999",
      CORS_ALLOW_ORIGINS: "https://a.example, https://b.example",
      RATE_LIMIT_MAX: "5",
      RATE_LIMIT_WINDOW_MS: "1000",
      TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8, fd00::/8, loopback",
      ALLOWED_HOSTS: "kyc.example.com, .partner.example",
      UPSTREAM_MAX_PER_MINUTE: "60",
      UPSTREAM_MAX_PER_DAY: "2000",
      MAX_REQUESTS_PER_CLIENT: "2",
      HEADERS_TIMEOUT_MS: "5000",
      BODY_READ_TIMEOUT_MS: "20000",
      QUEUE_TIMEOUT_MS: "8000",
      API_RATE_LIMIT_MAX: "100",
      CUSTOMER_RATE_LIMIT_MAX: "50",
      OPERATOR_TOKEN: "0123456789abcdef0123456789abcdef",
    });
    expect(env).toMatchObject({
      TENCENTCLOUD_SESSION_TOKEN: "token",
      TENCENTCLOUD_REGION: "ap-singapore",
      TENCENTCLOUD_ENDPOINT: "http://127.0.0.1:9000",
      UPSTREAM_TIMEOUT_MS: 2500,
      PORT: 9999,
      CORS_ALLOW_ORIGINS: ["https://a.example", "https://b.example"],
      RATE_LIMIT_MAX: 5,
      RATE_LIMIT_WINDOW_MS: 1000,
      ALLOWED_HOSTS: ["kyc.example.com", ".partner.example"],
      UPSTREAM_MAX_PER_MINUTE: 60,
      UPSTREAM_MAX_PER_DAY: 2000,
      MAX_REQUESTS_PER_CLIENT: 2,
      HEADERS_TIMEOUT_MS: 5000,
      BODY_READ_TIMEOUT_MS: 20000,
      QUEUE_TIMEOUT_MS: 8000,
      API_RATE_LIMIT_MAX: 100,
      CUSTOMER_RATE_LIMIT_MAX: 50,
      OPERATOR_TOKEN: "0123456789abcdef0123456789abcdef",
    });
    expect(env.TRUSTED_PROXIES.map((r) => r.prefix)).toEqual([32, 8, 8, 8, 128]);
  });

  it("has a ceiling on upstream spend and deadlines by default", () => {
    expect(ok({})).toMatchObject({
      UPSTREAM_MAX_PER_MINUTE: 300,
      UPSTREAM_MAX_PER_DAY: 10_000,
      MAX_REQUESTS_PER_CLIENT: 4,
      HEADERS_TIMEOUT_MS: 10_000,
      BODY_READ_TIMEOUT_MS: 30_000,
      QUEUE_TIMEOUT_MS: 15_000,
      TRUSTED_PROXIES: [],
      ALLOWED_HOSTS: [],
    });
  });

  it("explains what replaces TRUST_PROXY, and names bad proxies, hosts and a short operator token", () => {
    const result = parseEnv({
      TRUST_PROXY: "true",
      TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal, 10.0.0.0/40",
      ALLOWED_HOSTS: "kyc.example.com, https://kyc.example.com",
      OPERATOR_TOKEN: "short",
    });
    expect(result.ok ? [] : result.problems).toEqual([
      "ALLOWED_HOSTS: ALLOWED_HOSTS must be host names (example.com, .example.com for subdomains too) or *",
      'TRUSTED_PROXIES: "proxy.internal" is not an IP address, a CIDR range (10.0.0.0/8, fd00::/8) or loopback/private/linklocal',
      'TRUSTED_PROXIES: "10.0.0.0/40" is not an IP address, a CIDR range (10.0.0.0/8, fd00::/8) or loopback/private/linklocal',
      "TRUST_PROXY: TRUST_PROXY is no longer supported: list your reverse proxies in TRUSTED_PROXIES instead (e.g. 127.0.0.1)",
      "OPERATOR_TOKEN: OPERATOR_TOKEN must be at least 32 characters (e.g. openssl rand -hex 32)",
    ]);
  });

  it("names every problem at once, never echoing a secret", () => {
    const result = parseEnv({
      OCR_PROVIDER: "azure",
      TENCENTCLOUD_SECRET_ID: "AKIDsupersecret",
      PORT: "http",
      TENCENTCLOUD_ENDPOINT: "ftp://x",
      UPSTREAM_TIMEOUT_MS: "-1",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join("\n");
    for (const name of ["OCR_PROVIDER", "PORT", "TENCENTCLOUD_ENDPOINT", "UPSTREAM_TIMEOUT_MS"]) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain("AKIDsupersecret");
  });

  it("wants both credentials or neither", () => {
    const result = parseEnv({ TENCENTCLOUD_SECRET_ID: "AKIDsupersecret" });
    expect(result).toEqual({
      ok: false,
      problems: ["TENCENTCLOUD_SECRET_KEY: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set together"],
    });
  });

  it("refuses OCR_PROVIDER=tencent without credentials", () => {
    const result = parseEnv({ OCR_PROVIDER: "tencent" });
    expect(result).toEqual({
      ok: false,
      problems: ["OCR_PROVIDER: OCR_PROVIDER=tencent needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY"],
    });
  });
});

describe("server start with bad configuration", () => {
  it("prints what is wrong and exits non-zero", () => {
    const entry = fileURLToPath(new URL("./index.ts", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", entry], {
      env: { PATH: process.env.PATH, PORT: "not-a-port", TENCENTCLOUD_SECRET_KEY: "shh-secret" },
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Invalid configuration");
    expect(run.stderr).toContain("PORT");
    expect(run.stderr).not.toContain("shh-secret");
  });
});
