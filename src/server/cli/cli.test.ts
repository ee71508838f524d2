import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliDatabaseForFile } from "../../../test/helpers/cli.js";
import { seedPath } from "../../../test/helpers/seeds.js";

const seed = seedPath("000_0609a957ecd4939b.txt");

// a nested folder that does not exist yet, as data/postgres on a fresh clone: each command starts the server
// (the first one makes its folder) and stops it after
const { cli, cliProcess } = cliDatabaseForFile("cli", { subfolder: path.join("data", "postgres") });

describe("operator CLI", () => {
  it("imports (dry run, then for real, then again), prints the summary and verifies the audit chain", async () => {
    // the command line itself, as operators start it, on the fresh clone's folder; the other commands run in this
    // process through the same function
    const dry = await cliProcess("import", seed, "--municipality", "999001", "--dry-run", "--json");
    expect(dry.code).toBe(0);
    expect(dry.json).toMatchObject({ items: 68, goals: 7, created: false, dryRun: true });
    expect(dry.json.plan.id).toBeNull();
    expect(dry.json.warnings.length).toBeGreaterThan(10);
    for (const w of dry.json.warnings) expect(Object.keys(w).sort()).toEqual(["kind", "line", "message"]);
    expect(dry.json.unparsed).toEqual([]);
    const table = dry.json.departments as { name: string; status: string }[];
    expect(table.find((d) => d.name === "各課")).toMatchObject({ status: "collective" });
    expect(table.filter((d) => d.status === "new")).toHaveLength(18); // of another city: the demo has 2 of the 20

    // the document names departments the municipality does not have: nothing is imported until the operator says
    const unasked = await cli("import", seed, "--municipality", "999001", "--json");
    expect(unasked.code).toBe(2);
    expect(unasked.json.error).toMatch(/未登録の課があります（健康福祉計画課、.*--new-departments/);
    const real = await cli("import", seed, "--municipality", "999001", "--new-departments", "create", "--json");
    expect(real.json).toMatchObject({ items: 68, created: true });
    const again = await cli("import", seed, "--municipality", "999001", "--json");
    expect(again.json).toMatchObject({ created: false, alreadyImported: true, plan: { id: real.json.plan.id } });

    const summary = await cli("summary", "--plan", real.json.plan.id, "--fiscal-year", "2024", "--json");
    expect(summary.code).toBe(0);
    expect(summary.json.total).toMatchObject({
      counts: { AA: 2, A: 32, B: 30, C: 3, D: 1 },
      ungraded: 0,
      percentages: { AA: 2.9, A: 47.1, B: 44.1, C: 4.4, D: 1.5 },
    });
    expect(summary.json.groups).toHaveLength(7 + 24);
    expect(summary.json.groups[0]).toMatchObject({ level: "基本目標", code: "1", counts: { A: 4, B: 7 }, ungraded: 0 });

    const verify = await cli("audit", "verify", "--json");
    expect(verify.json).toMatchObject({ ok: true, firstBad: null });
    expect(verify.json.records).toBeGreaterThan(68);
  }, 120_000);

  it("answers usage errors and unknown municipalities with a message and a non-zero code", async () => {
    const unknown = await cli("import", seed, "--municipality", "000000", "--json");
    expect(unknown.code).toBe(2);
    expect(unknown.json.error).toMatch(/登録されていません/);
    const noPlan = await cli("summary", "--json");
    expect(noPlan.code).toBe(2);
    // the exit code reaches the shell
    const noPlanProcess = await cliProcess("summary", "--json");
    expect(noPlanProcess.code).toBe(2);
    expect(noPlanProcess.json.error).toBe(noPlan.json.error);
  }, 60_000);
});
