import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/** Integration files that replace a module with vi.mock: they need a module graph of their own. */
const MOCKING_FILES = [
  "src/server/modules/auth/login-attempts.test.ts",
  "src/server/modules/imports/upload-limits.test.ts",
];

export default defineConfig({
  test: {
    // vitest's default is one worker less than the cores: one on a 2-core CI machine, which left the second core
    // idle (PGlite runs inside the worker; a browser test's Chromium mostly waits on it). Two at least keep both busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
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
          exclude: MOCKING_FILES,
          environment: "node",
          // each file's database is a copy of a template migrated once per run (test/helpers/database-templates.ts)
          globalSetup: ["test/database-templates-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The files of a worker share one module graph: the server's modules are imported once per worker instead
          // of once per file (import time of a 16-file sample: 100 s → 16 s). Each file still has its own app and
          // database; a file that replaces a module (vi.mock) runs in the isolated project below.
          isolate: false,
        },
      },
      {
        test: {
          name: "integration-isolated",
          include: MOCKING_FILES,
          environment: "node",
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
          // one browser file at a time: two at once (the accessibility walk beside a sign-in) left a sign-in waiting
          // past its 15 s on PostgreSQL in CI; the integration files still use both workers
          fileParallelism: false,
          // one module graph for every browser file (as the integration project): the server is imported once
          isolate: false,
          // with isolate off, projects of one group share workers and must agree on their number: the browser
          // files (one at a time) run as a group of their own, after the others (as vitest ran them before)
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
