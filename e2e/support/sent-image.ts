import type { Request } from "@playwright/test";
import sharp from "sharp";
import { multipartFile } from "./multipart";

export interface SentImage {
  bytes: number;
  base64Length: number;
  width: number;
  height: number;
  format: string | undefined;
  hasExif: boolean;
  orientation: number | undefined;
  raw: Buffer;
}

/** Decodes the image inside a POST /api/passport request exactly as it left the browser. */
export async function sentImage(request: Request): Promise<SentImage> {
  const body = request.postDataBuffer();
  if (!body) throw new Error("request had no body");
  const raw = multipartFile(body, (await request.allHeaders())["content-type"] ?? "", "image");
  const meta = await sharp(raw).metadata();
  return {
    bytes: raw.length,
    base64Length: Math.ceil(raw.length / 3) * 4,
    width: meta.width ?? 0,
    height: meta.height ?? 0,
    format: meta.format,
    hasExif: meta.exif !== undefined,
    orientation: meta.orientation,
    raw,
  };
}
