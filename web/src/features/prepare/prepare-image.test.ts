import { describe, expect, it } from "vitest";
import { PrepareError, prepareImage } from "./prepare-image";

// The parts of prepareImage that run before any worker: type sniffing by magic bytes, and cancel.
describe("prepareImage", () => {
  it("refuses a PDF by its bytes even when it claims to be a JPEG, naming what it is", async () => {
    const pdf = new Blob([new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")], { type: "image/jpeg" });
    const error = await prepareImage(pdf).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrepareError);
    expect(error).toMatchObject({ code: "unsupported_media_type", message: expect.stringContaining("PDF") });
  });

  it("refuses bytes that are no image at all", async () => {
    const error = await prepareImage(new Blob([new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])])).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unsupported_media_type", message: expect.stringContaining("not an image") });
  });

  it("stops at once when already cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      prepareImage(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])]), { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});
