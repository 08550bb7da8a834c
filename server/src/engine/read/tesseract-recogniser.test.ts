import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { pgm } from "./tesseract-recogniser";

describe("createRecogniser", () => {
  it("keeps tesseract's diagnostics of a tiny line out of the process's output", () => {
    // A 40 x 6 strip of dots: tesseract prints "Image too small to scale!!" and line statistics for such input
    // unless its debug output is redirected. Run in a child process to see everything it writes.
    const recogniser = pathToFileURL(`${import.meta.dirname}/tesseract-recogniser.ts`).href;
    const script = `(async () => {
      const { createRecogniser, defaultModelDir } = await import(${JSON.stringify(recogniser)});
      const ocr = await createRecogniser({ langPath: defaultModelDir(), lang: "mrz" });
      const data = new Uint8Array(240).fill(255);
      for (let i = 0; i < 12; i++) data[120 + i * 3] = 0;
      const lines = await ocr.readLines({ width: 40, height: 6, data }, "line");
      await ocr.terminate();
      process.stdout.write("lines:" + lines.length);
    })();`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
      // The server package, where tsx resolves (the workspace root runs the tests too).
      cwd: fileURLToPath(new URL("../../..", import.meta.url)),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^lines:\d+$/);
    expect(run.stderr).toBe("");
  }, 70_000);
});

describe("pgm", () => {
  it("writes the grey pixels after a binary PGM header, from a view into a larger buffer", () => {
    const backing = new Uint8Array([9, 9, 0, 64, 128, 255, 1, 2, 9]);
    const bytes = pgm({ width: 3, height: 2, data: backing.subarray(2, 8) });
    expect(bytes.subarray(0, 11).toString("latin1")).toBe("P5\n3 2\n255\n");
    expect([...bytes.subarray(11)]).toEqual([0, 64, 128, 255, 1, 2]);
  });
});
