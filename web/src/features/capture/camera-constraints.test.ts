import { describe, expect, it } from "vitest";
import { constraintLadder, openCamera } from "./camera-constraints";

const named = (name: string) => Object.assign(new Error(name), { name });
const fakeStream = { id: "stream" } as unknown as MediaStream;

describe("constraintLadder", () => {
  it("asks for 1920x1080 from the back camera first, then width only, then anything", () => {
    expect(constraintLadder(undefined)).toEqual([
      { facingMode: { ideal: "environment" }, width: { ideal: 1920 }, height: { ideal: 1080 } },
      { facingMode: { ideal: "environment" }, width: { ideal: 1920 } },
      { facingMode: { ideal: "environment" } },
    ]);
  });

  it("pins a chosen device exactly", () => {
    expect(constraintLadder("abc")[0]).toEqual({
      deviceId: { exact: "abc" },
      width: { ideal: 1920 },
      height: { ideal: 1080 },
    });
  });
});

describe("openCamera", () => {
  it("falls back to width-only when width+height over-constrain (Safari)", async () => {
    const seen: MediaStreamConstraints[] = [];
    const result = await openCamera(async (c) => {
      seen.push(c);
      const video = c.video as MediaTrackConstraints;
      if (video.height) throw named("OverconstrainedError");
      return fakeStream;
    }, undefined);
    expect(result.stream).toBe(fakeStream);
    expect(result.constraints).toEqual({ facingMode: { ideal: "environment" }, width: { ideal: 1920 } });
    expect(seen).toHaveLength(2);
    expect(seen[0]?.audio).toBe(false);
  });

  it("rethrows permission errors at once without trying lesser constraints", async () => {
    let calls = 0;
    await expect(
      openCamera(async () => {
        calls++;
        throw named("NotAllowedError");
      }, undefined),
    ).rejects.toMatchObject({ name: "NotAllowedError" });
    expect(calls).toBe(1);
  });

  it("throws the last over-constraint error when no rung fits", async () => {
    await expect(
      openCamera(async () => {
        throw named("OverconstrainedError");
      }, "dev"),
    ).rejects.toMatchObject({ name: "OverconstrainedError" });
  });
});
