import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/helpers/cli.js";
import { freshDatabase } from "../../../test/helpers/test-app.js";

const seed = (name: string) => new URL(`../../../../shared/seeds/${name}`, import.meta.url).pathname;

let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

const cli = (...args: string[]) => runCli(env, ...args);

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const fresh = await freshDatabase();
    await fresh.database.close();
    env = { ...process.env, DATABASE_URL: fresh.url };
    cleanup = fresh.dropDatabase;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-cli-plan-"));
    env = { ...process.env, TSUNAGU_DATA_DIR: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
afterAll(async () => {
  await cleanup?.();
});

const SHAPE = [
  "activities",
  "alreadyImported",
  "created",
  "departments",
  "dryRun",
  "indicators",
  "items",
  "kind",
  "plan",
  "targets",
  "unparsed",
  "warnings",
];

describe("operator CLI, plan documents", () => {
  it("imports a 実施計画 and checks an indicator table, printing plan, counts, targets, warnings and unused lines", async () => {
    // the demo has 福祉政策課 and 福祉相談課; the plan's other 担当課 are registered as the operator says
    const plan = await cli(
      "import",
      seed("002_d34aff6a9cbdb26d.txt"),
      "--municipality",
      "999001",
      "--new-departments",
      "create",
      "--json",
    );
    expect(plan.code).toBe(0);
    expect(Object.keys(plan.json).sort()).toEqual(SHAPE);
    expect(plan.json).toMatchObject({
      kind: "implementation-plan",
      plan: { title: "狛江市第1次地域共生社会推進基本計画 実施計画", startFiscalYear: 2024, endFiscalYear: 2026 },
      items: 92,
      activities: 139,
      indicators: 118,
      created: true,
      dryRun: false,
    });
    expect(plan.json.plan.id).toMatch(/^[0-9a-f-]{36}$/);
    const outcomes = Object.fromEntries(
      plan.json.departments.map((d: { name: string; outcome: string }) => [d.name, d.outcome]),
    );
    expect(outcomes).toMatchObject({ 福祉政策課: "existing", 高齢障がい課: "created" });
    expect(Object.keys(plan.json.targets).sort()).toEqual(["asNeeded", "blank", "milestone", "numeric", "text"]);
    const t = plan.json.targets;
    expect(t.numeric + t.milestone + t.asNeeded + t.text + t.blank).toBe(118 * 3);
    expect(plan.json.warnings.length).toBeGreaterThan(20);
    for (const w of plan.json.warnings) expect(Object.keys(w).sort()).toEqual(["kind", "line", "message"]);
    expect(plan.json.unparsed.length).toBeGreaterThan(0);
    for (const u of plan.json.unparsed) expect(Object.keys(u).sort()).toEqual(["line", "text"]);

    const table = await cli(
      "import",
      seed("001_654a87ab66aebbaf.txt"),
      "--municipality",
      "999001",
      "--dry-run",
      "--json",
    );
    expect(table.code).toBe(0);
    expect(Object.keys(table.json).sort()).toEqual(SHAPE);
    expect(table.json).toMatchObject({
      kind: "indicator-table",
      plan: { id: null, startFiscalYear: 2022, endFiscalYear: 2031 },
      items: 7,
      activities: 0,
      indicators: 13,
      targets: { numeric: 13, milestone: 0, asNeeded: 0, text: 0, blank: 0 },
      created: false,
      alreadyImported: false,
      dryRun: true,
      warnings: [],
    });
  }, 120_000);
});
