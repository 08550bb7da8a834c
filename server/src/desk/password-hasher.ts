/**
 * Hashes and checks agents' passwords. The server's is Argon2id (argon2-password-hasher.ts, a native module); it is
 * handed to the app, so the app itself stays on Web-standard APIs.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Shortest password an agent may choose (OWASP ASVS 2.1.1 asks at least 12). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Why a chosen password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email: string; previous?: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `use at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.toLowerCase().includes(context.email.split("@")[0]!.toLowerCase())) {
    return "do not use your email address in the password";
  }
  if (context.previous !== undefined && password === context.previous) return "choose a password you have not used";
  if (new Set(password).size < 5) return "use more different characters";
  return null;
}
