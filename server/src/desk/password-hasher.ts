/**
 * Hashes and checks agents' passwords. The server's is Argon2id (argon2-password-hasher.ts, a native module); it is
 * handed to the app, so the app itself stays on Web-standard APIs.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
