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
      TRUST_PROXY: "true",
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
      TRUST_PROXY: true,
    });
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
