import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "server",
    include: [
      "src/**/*.test.ts",
      "test/**/*.test.ts",
      "synthetic/**/*.test.ts",
      "models/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    environment: "node",
  },
});
