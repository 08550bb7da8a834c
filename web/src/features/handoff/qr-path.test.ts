import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrPath } from "./qr-path";

describe("qrPath", () => {
  it("draws each dark module once, inside a 4-module quiet zone", () => {
    const { path, size } = qrPath({ size: 2, data: [1, 0, 0, 1] });
    expect(size).toBe(10);
    expect(path).toBe("M4 4h1v1h-1zM5 5h1v1h-1z");
  });

  it("draws a real code of a handoff link: as many squares as dark modules", () => {
    const code = QRCode.create("https://kyc.example/h/M2u3Jd8xYq0bZl4nX1c9VwM2u3Jd8xYq0bZl4nX1c9V", {
      errorCorrectionLevel: "M",
    });
    const dark = Array.from(code.modules.data).filter(Boolean).length;
    const { path, size } = qrPath(code.modules);
    expect(size).toBe(code.modules.size + 8);
    expect(path.split("M").length - 1).toBe(dark);
  });
});
