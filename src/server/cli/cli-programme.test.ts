import { describe, expect, it } from "vitest";
import { cliDatabaseForFile } from "../../../test/helpers/cli.js";
import { seedPath } from "../../../test/helpers/seeds.js";

const { cli } = cliDatabaseForFile("cli-programme");

/** `import <003> --municipality 999001 <options> --json`, as an operator imports into the demo city */
const importOta = (...options: string[]) =>
  cli("import", seedPath("003_85eef98ea598c221.txt"), "--municipality", "999001", ...options, "--json");

describe("operator CLI, the programme registry", () => {
  it("checks, refuses unknown departments unasked, then imports the 13 projects of seed 003", async () => {
    const dry = await importOta("--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.json).toMatchObject({ kind: "programme", projects: 13, categories: 14, dryRun: true, created: false });
    expect(dry.json.warnings).toEqual([expect.objectContaining({ kind: "no_content", line: 185 })]);
    expect(dry.json.unparsed.length).toBeGreaterThan(100);
    const unknown = dry.json.departments.filter((d: { status: string }) => d.status === "new");
    expect(unknown.map((d: { name: string }) => d.name)).toContain("障がい者総合サポートセンター");

    const unasked = await importOta();
    expect(unasked.code).toBe(2);
    expect(unasked.stdout).toContain("障がい者総合サポートセンター");
    expect((await importOta("--dry-run")).json.alreadyImported).toBe(false);

    const done = await importOta("--new-departments", "skip");
    expect(done.code).toBe(0);
    expect(done.json).toMatchObject({ kind: "programme", projects: 13, created: true });
    expect(done.json.registry.projects.find((p: { number: number }) => p.number === 8)).toMatchObject({
      name: "大田区若者サポートセンターフラットおおた",
      categories: ["参加支援事業"],
      integrated: true,
    });
    expect((await importOta()).json).toMatchObject({ created: false, alreadyImported: true });
  });
});
