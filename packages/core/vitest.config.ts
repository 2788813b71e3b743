import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // A forgotten `.only` must fail CI rather than silently skip the rest.
    allowOnly: false,
  },
});
