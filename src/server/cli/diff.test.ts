import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cliDatabaseForFile } from "../../../test/helpers/cli.js";
import { municipalities } from "../db/schema/index.js";
import { DEMO_MUNICIPALITY } from "../demo/demo-plan.js";
import { ensureDemoMunicipality } from "../demo/load-demo.js";
import * as plansRepo from "../modules/plans/repository.js";
import { itemPatchSchema } from "../modules/plans/schema.js";
import { updateItem } from "../modules/plans/service.js";
import { getDiff } from "../modules/revisions/diff.js";
import { approveRevision, startRevision } from "../modules/revisions/service.js";
import { operatorIn } from "./operator.js";

let planId: string;
let renamedId: string;
let expected: unknown;

// Each command is a separate process that opens the database and runs the migrations (several seconds on PGlite).

/** Prepares a plan with revisions 1 (baseline) and 2 (one rename) through the services. */
const { cli } = cliDatabaseForFile("cli-diff", {
  prepare: async (database) => {
    await ensureDemoMunicipality(database.db);
    const db = database.db;
    const [m] = await db.select().from(municipalities).where(eq(municipalities.code, DEMO_MUNICIPALITY.code));
    if (!m) throw new Error("no demo");
    const operator = operatorIn(m);
    const [plan] = await plansRepo.listPlans(db, m.id);
    if (!plan) throw new Error("no demo plan");
    planId = plan.id;
    const { revision } = await startRevision(db, { ...operator, ip: null }, planId, { label: "令和7年度改定" });
    const item = (await plansRepo.listItems(db, m.id, planId)).find((i) => i.level === 2);
    if (!item) throw new Error("no project");
    renamedId = item.id;
    await updateItem(db, operator, planId, item.id, item.version, itemPatchSchema.parse({ title: "名称を変えた事業" }));
    await approveRevision(db, operator, planId, revision.number, revision.version);
    expected = JSON.parse(JSON.stringify(await getDiff(db, operator, planId, { from: 1, to: 2 })));
  },
});

describe("operator CLI: diff", () => {
  it("prints the diff as JSON, the same as the service answers the API", async () => {
    const res = await cli("diff", "--plan", planId, "--from", "1", "--to", "2", "--json");
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(json).toEqual(expected);
    expect(json.summary).toMatchObject({ renamed: 1, added: 0, removed: 0, moved: 0, changed: 0, targetsChanged: 0 });
    expect(json.changes).toEqual([
      expect.objectContaining({ type: "renamed", itemId: renamedId, field: "title", after: "名称を変えた事業" }),
    ]);
    expect(json.from).toMatchObject({ number: 1, label: "策定時" });
    expect(json.to).toMatchObject({ number: 2, label: "令和7年度改定" });

    const live = JSON.parse((await cli("diff", "--plan", planId, "--from", "2", "--to", "draft", "--json")).stdout);
    expect(live.changes).toEqual([]);
    expect(live.to).toMatchObject({ status: "live", number: null });

    const text = await cli("diff", "--plan", planId, "--from", "1", "--to", "2");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("種別\t番号\t名称\t項目\t変更前\t変更後");
    expect(text.stdout).toContain("名称変更");
  }, 180_000);

  it("answers usage errors and unknown revisions with a message and a non-zero code", async () => {
    const bad = await cli("diff", "--plan", planId, "--from", "x", "--to", "2", "--json");
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error).toMatch(/版番号/);
    const missing = await cli("diff", "--plan", planId, "--from", "1", "--to", "9", "--json");
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error).toMatch(/第9版/);
  }, 180_000);
});
