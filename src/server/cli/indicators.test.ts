import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cliDatabaseForFile } from "../../../test/helpers/cli.js";
import type { Database } from "../db/client.js";
import { municipalities, plans } from "../db/schema/index.js";
import { DEMO_MUNICIPALITY } from "../demo/demo-plan.js";
import { ensureDemoMunicipality } from "../demo/load-demo.js";
import { actualPutSchema, indicatorInputSchema } from "../modules/indicators/schema.js";
import { createIndicator, putActual } from "../modules/indicators/service.js";
import * as plansRepo from "../modules/plans/repository.js";
import { operatorIn } from "./operator.js";

let planId: string;

/** Seeds indicators through the same service as the API, then closes the database for the CLI process. */
async function seed(database: Database) {
  // the demo plan not yet approved: indicators are added in place, as the API tests do
  await ensureDemoMunicipality(database.db, { indicators: false, baseline: false });
  const db = database.db;
  const [m] = await db.select().from(municipalities).where(eq(municipalities.code, DEMO_MUNICIPALITY.code));
  if (!m) throw new Error("no demo municipality");
  const [plan] = await db.select().from(plans).where(eq(plans.municipalityId, m.id));
  if (!plan) throw new Error("no demo plan");
  planId = plan.id;
  const items = await plansRepo.listItems(db, m.id, plan.id);
  const itemId = items.find((i) => i.code === "1-2-1")?.id as string;
  const actor = { ...operatorIn(m), ip: "cli-test" };
  const activity = (name: string, source2025: string) =>
    createIndicator(
      db,
      actor,
      plan.id,
      indicatorInputSchema.parse({
        itemId,
        kind: "activity",
        name,
        targets: [{ fiscalYear: 2025, source: source2025 }],
      }),
    );
  const a = await activity("通いの場の数", "15か所以上");
  const b = await activity("支援体制", "試行実施");
  await putActual(db, actor, a.id, 2025, null, actualPutSchema.parse({ kind: "number", value: "１２" }));
  await putActual(db, actor, b.id, 2025, null, actualPutSchema.parse({ kind: "milestone", step: "実施" }));
}

const { cli } = cliDatabaseForFile("cli-indicators", { prepare: seed });

describe("indicators CLI", () => {
  it("prints each indicator with its target (typed and as written), actual and attainment", async () => {
    const out = await cli("indicators", "--plan", planId, "--fiscal-year", "令和7年度", "--json");
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({
      plan: { id: planId },
      fiscalYear: 2025,
      counts: { indicators: 2, met: 1, notMet: 1, decidable: 2 },
    });
    expect(json.indicators).toEqual([
      expect.objectContaining({
        name: "通いの場の数",
        item: expect.objectContaining({ code: "1-2-1", level: "事業" }),
        departments: ["高齢支援課"],
        target: {
          source: "15か所以上",
          formatted: "15か所以上",
          typed: { kind: "numeric", comparator: "gte", value: 15, unit: "か所" },
        },
        actual: expect.objectContaining({ kind: "number", value: 12, display: "12か所" }),
        attainment: { status: "notMet", rate: 0.8, reason: expect.stringContaining("届いていません") },
      }),
      expect.objectContaining({
        name: "支援体制",
        target: expect.objectContaining({ typed: { kind: "milestone", step: "試行実施", rank: 4 } }),
        actual: expect.objectContaining({ kind: "milestone", step: "実施" }),
        attainment: expect.objectContaining({ status: "met", rate: null }),
      }),
    ]);

    const text = await cli("indicators", "--plan", planId, "--fiscal-year", "2025");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("令和7年度 指標の達成状況");
    expect(text.stdout).toContain("通いの場の数\t15か所以上\t12か所\t未達成\t80.0%");
  }, 60_000);

  it("answers usage errors with a message and a non-zero code", async () => {
    const noYear = await cli("indicators", "--plan", planId, "--json");
    expect(noYear.code).toBe(2);
    expect(JSON.parse(noYear.stdout).error).toMatch(/--fiscal-year/);
    const unknown = await cli("indicators", "--plan", crypto.randomUUID(), "--fiscal-year", "2025", "--json");
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout).error).toMatch(/見つかりません/);
  }, 60_000);
});
