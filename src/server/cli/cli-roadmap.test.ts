import { describe, expect, it } from "vitest";
import { cliDatabaseForFile } from "../../../test/helpers/cli.js";
import { seedPath } from "../../../test/helpers/seeds.js";

const { cli } = cliDatabaseForFile("cli-roadmap");

/** `import <004> --municipality 999001 <options> --json`, as an operator imports into the demo city */
const importMeguro = (...options: string[]) =>
  cli("import", seedPath("004_8d3c3d46cf9e4ae1.txt"), "--municipality", "999001", ...options, "--json");

/** counted by hand from the file: lines 51–54, 56–67 / 77–88, the actuals of April – January */
const COUNTS = {
  kind: "roadmap",
  fiscalYear: 2022,
  indicators: 4,
  streams: ["協議会", "措置入院者退院後支援", "普及啓発", "アウトリーチ支援事業", "全体"],
  months: 12,
  progressMonths: 10,
  unparsed: [],
};

describe("operator CLI, a monthly roadmap", () => {
  it("checks seed 004, refuses it without an item, imports it for the item named, and only once", async () => {
    const dry = await importMeguro("--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.json).toMatchObject({ ...COUNTS, dryRun: true, created: false, attachedTo: null });
    expect(dry.json.warnings).toHaveLength(17);
    expect(dry.json.warnings[0]).toMatchObject({ kind: "plan_mismatch", month: "2022-04", stream: "協議会", line: 77 });

    const unattached = await importMeguro();
    expect(unattached.code).toBe(2);
    expect(unattached.json.error).toContain("--item");

    const unknown = await importMeguro("--item", "9-9-9");
    expect(unknown.code).toBe(2);
    expect(unknown.json.error).toContain("項目が見つかりません");
    expect((await importMeguro("--item", "2-2-1", "--project", "1")).code).toBe(2);

    const done = await importMeguro("--item", "2-2-1");
    expect(done.code).toBe(0);
    expect(done.json).toMatchObject({ ...COUNTS, created: true, alreadyImported: false });
    expect(done.json.attachedTo).toEqual({ itemId: expect.any(String) });
    expect((await importMeguro("--item", "2-2-1")).json).toMatchObject({ created: false, alreadyImported: true });
  });

  it("prints the counts in words without --json", async () => {
    const text = await cli("import", seedPath("004_8d3c3d46cf9e4ae1.txt"), "--municipality", "999001", "--dry-run");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "令和4年度 / 指標 4 / 月 12（実績の記載 10） / 取組 協議会・措置入院者退院後支援・普及啓発・アウトリーチ支援事業・全体",
    );
    expect(text.stdout).toContain("警告 17 件、読み取れなかった行 0 行");
  });
});
