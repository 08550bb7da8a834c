import { describe, expect, it } from "vitest";
import { betterCamera, pickBestCamera, scoreCamera, shouldMirror } from "./camera-scoring";

describe("scoreCamera / pickBestCamera", () => {
  it("prefers the back camera by facingMode over a higher-resolution front camera", () => {
    const front = { deviceId: "f", label: "Front Camera", facingMode: ["user"], maxWidth: 4032, maxHeight: 3024 };
    const back = { deviceId: "b", label: "Back Camera", facingMode: ["environment"], maxWidth: 1920, maxHeight: 1080 };
    expect(pickBestCamera([front, back])?.deviceId).toBe("b");
  });

  it("uses labels when capabilities are missing (Safari, Firefox)", () => {
    const cams = [
      { deviceId: "1", label: "FaceTime HD Camera" },
      { deviceId: "2", label: "camera2 0, facing back" },
    ];
    expect(pickBestCamera(cams)?.deviceId).toBe("2");
  });

  it("avoids ultra-wide, tele and infrared lenses among several back cameras", () => {
    const cams = [
      { deviceId: "uw", label: "Back Ultra Wide Camera", facingMode: ["environment"] },
      { deviceId: "ir", label: "Integrated IR Camera", facingMode: ["environment"] },
      { deviceId: "main", label: "Back Camera", facingMode: ["environment"] },
      { deviceId: "tele", label: "Back Telephoto Camera", facingMode: ["environment"] },
    ];
    expect(pickBestCamera(cams)?.deviceId).toBe("main");
  });

  it("prefers the lower Android camera index (the main module) and more pixels", () => {
    expect(scoreCamera({ deviceId: "a", label: "camera2 0, facing back" })).toBeGreaterThan(
      scoreCamera({ deviceId: "b", label: "camera2 2, facing back" }),
    );
    expect(scoreCamera({ deviceId: "a", label: "USB", maxWidth: 3840, maxHeight: 2160 })).toBeGreaterThan(
      scoreCamera({ deviceId: "b", label: "USB", maxWidth: 1280, maxHeight: 720 }),
    );
  });

  it("returns undefined for no cameras and keeps the first on ties", () => {
    expect(pickBestCamera([])).toBeUndefined();
    expect(
      pickBestCamera([
        { deviceId: "x", label: "" },
        { deviceId: "y", label: "" },
      ])?.deviceId,
    ).toBe("x");
  });
});

describe("shouldMirror", () => {
  it("mirrors only a user-facing camera", () => {
    expect(shouldMirror("user", "")).toBe(true);
    expect(shouldMirror("environment", "Front")).toBe(false);
    expect(shouldMirror(undefined, "FaceTime HD Camera")).toBe(true);
    expect(shouldMirror(undefined, "Back Camera")).toBe(false);
    expect(shouldMirror(undefined, "USB Document Camera")).toBe(false);
  });
});

describe("betterCamera", () => {
  const front = { deviceId: "f", label: "Front Camera", facingMode: ["user"] };
  const back = { deviceId: "b", label: "Back Camera", facingMode: ["environment"] };

  it("switches from the browser's front camera to the better back camera", () => {
    expect(betterCamera([front, back], "f")?.deviceId).toBe("b");
  });

  it("keeps the camera in use when it is the best, or when it is not in the list", () => {
    expect(betterCamera([front, back], "b")).toBeUndefined();
    expect(betterCamera([front, back], "gone")).toBeUndefined();
    expect(betterCamera([front, back], undefined)).toBeUndefined();
  });

  it("keeps the camera in use on a tie", () => {
    const twin = { ...back, deviceId: "b2" };
    expect(betterCamera([back, twin], "b2")).toBeUndefined();
  });
});
