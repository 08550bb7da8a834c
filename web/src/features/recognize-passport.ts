import { useMutation } from "@tanstack/react-query";
import type { PassportResult } from "server/passport/result";
import { unwrap } from "../lib/api-error";

export async function recognizePassport(image: Blob, signal?: AbortSignal): Promise<PassportResult> {
  const form = new FormData();
  form.set("image", image, "passport");
  return unwrap<PassportResult>(await fetch("/api/passport", { method: "POST", body: form, signal }));
}

export function useRecognizePassport() {
  return useMutation({ mutationFn: (image: Blob) => recognizePassport(image) });
}
