import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/domain/**/*.test.ts", "src/web/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // type-level tests: tsc over *.test-d.ts and everything they import (the web app and the server's types)
        test: {
          name: "types",
          include: [],
          typecheck: { enabled: true, only: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        test: {
          name: "integration",
          include: ["src/server/**/*.test.ts", "test/integration/**/*.test.ts"],
          environment: "node",
          // each file's database is a copy of a template migrated once per run (test/helpers/database-templates.ts)
          globalSetup: ["test/database-templates-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.spec.ts"],
          environment: "node",
          globalSetup: ["test/database-templates-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
