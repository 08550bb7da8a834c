/**
 * The rules for a password an agent chooses at the desk: the server enforces them, the desk's form checks them first
 * and words each problem in the agent's language.
 */

/** Shortest password an agent may choose (OWASP ASVS 2.1.1 asks at least 12). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = "too-short" | "too-long" | "contains-email" | "reused" | "too-few-characters";

/** Why a chosen password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  context: { email: string; previous?: string | undefined },
): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "too-short";
  if (password.length > MAX_PASSWORD_LENGTH) return "too-long";
  const local = context.email.split("@")[0]?.toLowerCase() ?? "";
  if (local !== "" && password.toLowerCase().includes(local)) return "contains-email";
  if (context.previous !== undefined && password === context.previous) return "reused";
  if (new Set(password).size < 5) return "too-few-characters";
  return null;
}
