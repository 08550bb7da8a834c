import type { z } from "zod";
import { AppError } from "../errors";

/** Parses a JSON request body with `schema`, or throws the catalogued 400 naming every field that is wrong. */
export async function jsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new AppError("malformed_json");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidRequest(parsed.error.issues);
  return parsed.data;
}

/** The catalogued 400 for validation issues, each named by its path. */
export function invalidRequest(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const detail = issues.map((i) => `${i.path.map(String).join(".") || "body"}: ${i.message}`).join("; ");
  return new AppError("invalid_request", { message: `The request is not valid (${detail}).` });
}
