import { describe, expect, it } from "vitest";
import { passwordProblem } from "./agent-password";

describe("passwordProblem", () => {
  const email = "ana.berg@bank.test";
  it("names the first rule a password breaks", () => {
    expect(passwordProblem("short", { email })).toBe("too-short");
    expect(passwordProblem("x".repeat(257), { email })).toBe("too-long");
    expect(passwordProblem("my name is ANA.BERG!", { email })).toBe("contains-email");
    expect(passwordProblem("one-time-pass-123", { email, previous: "one-time-pass-123" })).toBe("reused");
    expect(passwordProblem("aaaabbbbcccc", { email })).toBe("too-few-characters");
  });

  it("accepts a long, varied password", () => {
    expect(passwordProblem("correct horse battery staple", { email, previous: "x" })).toBeNull();
  });
});
