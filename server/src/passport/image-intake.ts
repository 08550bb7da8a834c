import { base64Length, MAX_BASE64_CHARS, MAX_IMAGE_BYTES, megabytes } from "contract/image-limits";
import { type AcceptedMediaType, sniffImage } from "contract/sniff-image";
import { AppError } from "../errors";
import { decodeBase64 } from "./base64";
import { flatString, parseFlatJson } from "./flat-json";
import { parseMultipart } from "./multipart";

export interface ImageIntake {
  image: Uint8Array;
  mediaType: AcceptedMediaType;
  portrait: boolean;
}

const truthy = (value: unknown) => value === true || value === "true" || value === "1";
const latin1 = new TextDecoder("latin1");

/**
 * Reads the image from a body already in memory: `multipart/form-data` (field `image`, a file) or JSON
 * `{ "imageBase64": "...", "portrait": true }` and nothing else; enforces the upstream's size limit and checks the type
 * by magic bytes. `portrait` may also come as a query flag.
 */
export function readImageIntake(body: Uint8Array, contentType: string | undefined, url: string): ImageIntake {
  const type = (contentType ?? "").toLowerCase();
  const queryPortrait = truthy(new URL(url).searchParams.get("portrait"));
  let intake: { image: Uint8Array; portrait: boolean };
  if (type.startsWith("multipart/form-data")) intake = fromMultipart(body, contentType ?? "");
  else if (type.startsWith("application/json")) intake = fromJson(body);
  else throw new AppError("unsupported_content_type");
  return { ...checkImage(intake.image), portrait: intake.portrait || queryPortrait };
}

function fromMultipart(body: Uint8Array, contentType: string): { image: Uint8Array; portrait: boolean } {
  const parts = parseMultipart(body, contentType);
  const file = parts.find((p) => p.name === "image" && p.filename !== null);
  if (!file) throw new AppError("image_missing");
  if (file.body.length > MAX_IMAGE_BYTES) throw tooLarge(file.body.length);
  const portrait = parts.find((p) => p.name === "portrait" && p.filename === null);
  return { image: file.body, portrait: portrait ? truthy(latin1.decode(portrait.body)) : false };
}

function fromJson(body: Uint8Array): { image: Uint8Array; portrait: boolean } {
  const fields = parseFlatJson(body, ["imageBase64", "portrait"]);
  const imageField = fields.get("imageBase64");
  const portraitField = fields.get("portrait");
  if (imageField?.type !== "string") throw invalid("imageBase64: expected a string");
  if (portraitField && portraitField.type !== "boolean") throw invalid("portrait: expected a boolean");
  if (imageField.raw.length === 0) throw invalid("imageBase64: imageBase64 is empty");
  const base64 = stripDataUrl(imageField.escaped ? flatString(imageField) : latin1.decode(imageField.raw));
  if (base64.length > MAX_BASE64_CHARS) {
    throw new AppError("image_too_large", {
      message: `The image is ${megabytes(base64.length)} as base64; the limit is ${megabytes(MAX_BASE64_CHARS)}. Compress or resize it and try again.`,
    });
  }
  const image = decodeBase64(base64);
  if (!image) throw new AppError("invalid_base64");
  return { image, portrait: portraitField?.value ?? false };
}

function stripDataUrl(value: string): string {
  const match = /^data:[\w/+.-]+;base64,/i.exec(value);
  return (match ? value.slice(match[0].length) : value).replace(/\s+/g, "");
}

function invalid(detail: string): AppError {
  return new AppError("invalid_body", { message: `The request body is not what was expected (${detail}).` });
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
