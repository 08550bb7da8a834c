/** Request bodies for load runs: a ~1 MB JPEG as our multipart upload, and the same image as a signed upstream call. */
import sharp from "sharp";
import { signTc3 } from "../src/passport/tencent/sign";
import { BENCH_SECRET_ID, BENCH_SECRET_KEY } from "./bench-servers";

/** A real JPEG of at least `minBytes` (noise does not compress, so size follows the pixel count). */
export async function jpegOfAbout(minBytes: number): Promise<Buffer> {
  let width = 128;
  for (;;) {
    const height = Math.round((width * 3) / 4);
    const jpeg = await sharp({
      create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    if (jpeg.length >= minBytes) return jpeg;
    width = Math.ceil(width * Math.sqrt(minBytes / jpeg.length) * 1.02);
  }
}

/** A JPEG of exactly width x height with mild noise: the smallest photo the server pays a call for is 800 x 500. */
export async function jpegOfSize(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 8 } },
  })
    .jpeg({ quality: 70 })
    .toBuffer();
}

export function multipartUpload(image: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = "----benchBoundary7MA4YWxkTrZu0gW";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="passport.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, image, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** What our server sends upstream for this image, signed now (valid for the fake's 5-minute window). */
export async function signedUpstreamCall(
  image: Buffer,
  upstreamUrl: string,
): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const body = JSON.stringify({ ImageBase64: image.toString("base64"), RetImage: false });
  const contentType = "application/json; charset=utf-8";
  const timestamp = Math.floor(Date.now() / 1000);
  const { authorization } = await signTc3({
    secretId: BENCH_SECRET_ID,
    secretKey: BENCH_SECRET_KEY,
    host: new URL(upstreamUrl).hostname,
    contentType,
    body,
    timestamp,
  });
  return {
    body: Buffer.from(body),
    headers: {
      authorization,
      "content-type": contentType,
      "x-tc-action": "MLIDPassportOCR",
      "x-tc-version": "2018-11-19",
      "x-tc-timestamp": String(timestamp),
      "x-tc-language": "en-US",
    },
  };
}
