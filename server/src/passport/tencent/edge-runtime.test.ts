import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** The provider must run on edge runtimes (Workers, Deno, Bun): web-standard APIs only in its source. */
const dir = fileURLToPath(new URL(".", import.meta.url));
const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

describe("tencent provider source", () => {
  it("has the files this test is meant to guard", () => {
    expect(sources).toEqual(
      expect.arrayContaining(["sign.ts", "client.ts", "errors.ts", "map-response.ts", "provider.ts"]),
    );
  });

  it.each(sources)("%s uses no Node-only modules or globals", (file) => {
    const code = readFileSync(`${dir}/${file}`, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const imports = [...code.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    for (const specifier of imports) expect(specifier).toMatch(/^(\.{1,2}\/|contract\/|zod$)/);
    expect(code).not.toMatch(/\b(Buffer|process|require|__dirname)\b/);
  });
});
