import { base64Length, MAX_BASE64_CHARS, MAX_IMAGE_BYTES, megabytes } from "contract/image-limits";
import { type AcceptedMediaType, sniffImage } from "contract/sniff-image";
import { z } from "zod";
import { AppError } from "../errors";
import { decodeBase64 } from "./base64";

export interface ImageIntake {
  image: Uint8Array;
  mediaType: AcceptedMediaType;
  portrait: boolean;
}

const jsonBody = z.object({
  imageBase64: z.string().min(1, "imageBase64 is empty"),
  portrait: z.boolean().optional(),
});

const truthy = (value: unknown) => value === true || value === "true" || value === "1";

/**
 * Reads the image from `multipart/form-data` (field `image`, a file) or JSON `{ imageBase64, portrait? }`,
 * enforces the upstream's size limit and checks the type by magic bytes. `portrait` may also come as a query flag.
 */
export async function readImageIntake(request: Request): Promise<ImageIntake> {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const queryPortrait = truthy(new URL(request.url).searchParams.get("portrait"));
  let intake: { image: Uint8Array; portrait: boolean };
  if (contentType.startsWith("multipart/form-data")) intake = await fromMultipart(request);
  else if (contentType.startsWith("application/json")) intake = await fromJson(request);
  else {
    throw new AppError("unsupported_content_type");
  }
  return { ...checkImage(intake.image), portrait: intake.portrait || queryPortrait };
}

async function fromMultipart(request: Request): Promise<{ image: Uint8Array; portrait: boolean }> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch (cause) {
    throw new AppError("malformed_multipart", { cause });
  }
  const file = form.get("image");
  if (!(file instanceof Blob)) {
    throw new AppError("image_missing");
  }
  if (file.size > MAX_IMAGE_BYTES) throw tooLarge(file.size);
  return { image: new Uint8Array(await file.arrayBuffer()), portrait: truthy(form.get("portrait")) };
}

async function fromJson(request: Request): Promise<{ image: Uint8Array; portrait: boolean }> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch (cause) {
    throw new AppError("malformed_json", { cause });
  }
  const parsed = jsonBody.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    throw new AppError("invalid_body", { message: `The request body is not what was expected (${detail}).` });
  }
  const base64 = stripDataUrl(parsed.data.imageBase64);
  if (base64.length > MAX_BASE64_CHARS) {
    throw new AppError("image_too_large", {
      message: `The image is ${megabytes(base64.length)} as base64; the limit is ${megabytes(MAX_BASE64_CHARS)}. Compress or resize it and try again.`,
    });
  }
  const image = decodeBase64(base64);
  if (!image) throw new AppError("invalid_base64");
  return { image, portrait: parsed.data.portrait ?? false };
}

function stripDataUrl(value: string): string {
  const match = /^data:[\w/+.-]+;base64,/i.exec(value);
  return (match ? value.slice(match[0].length) : value).replace(/\s+/g, "");
}

function tooLarge(bytes: number): AppError {
  return new AppError("image_too_large", {
    message: `The image is ${megabytes(bytes)} (${megabytes(base64Length(bytes))} as base64); the limit is ${megabytes(MAX_BASE64_CHARS)} as base64. Compress or resize it and try again.`,
  });
}

function checkImage(image: Uint8Array): { image: Uint8Array; mediaType: AcceptedMediaType } {
  if (image.length === 0) throw new AppError("image_empty");
  if (image.length > MAX_IMAGE_BYTES) throw tooLarge(image.length);
  const sniffed = sniffImage(image);
  if (!sniffed.accepted) {
    const what = sniffed.detected ? `a ${sniffed.detected} file` : "not a PNG, JPEG or BMP image";
    throw new AppError("unsupported_media_type", {
      message: `This is ${what}. Send a PNG, JPEG or BMP photo of the passport.`,
    });
  }
  return { image, mediaType: sniffed.mediaType };
}
