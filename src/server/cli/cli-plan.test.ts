import { describe, expect, it } from "vitest";
import { cliDatabaseForFile } from "../../../test/helpers/cli.js";
import { seedPath } from "../../../test/helpers/seeds.js";

const { cli } = cliDatabaseForFile("cli-plan");

/** `import <seed document> --municipality 999001 <options> --json`, as an operator imports into the demo city */
const importSeed = (name: string, ...options: string[]) =>
  cli("import", seedPath(name), "--municipality", "999001", ...options, "--json");

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
    const plan = await importSeed("002_d34aff6a9cbdb26d.txt", "--new-departments", "create");
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

    const table = await importSeed("001_654a87ab66aebbaf.txt", "--dry-run");
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
