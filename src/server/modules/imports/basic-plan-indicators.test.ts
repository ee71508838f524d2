/**
 * Importing the Meguro basic-plan indicator tables (seed 001) over HTTP: 13 indicator rows, every target for
 * 令和13年度末; and the documents no importer reads, refused without a trace.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signedInApp } from "../../../../test/helpers/fixtures.js";
import {
  countImportedRows,
  expectImportRefused,
  targetRowsOf as rowsOfTargets,
} from "../../../../test/helpers/plan-import.js";
import { seed } from "../../../../test/helpers/seeds.js";
import { indicators, planItems, plans } from "../../db/schema/index.js";

const meguroIndicators = seed("001_654a87ab66aebbaf.txt");

const app = signedInApp({ office: "keikaku" });

const counts = () => countImportedRows(app.t.database.db);
const targetRowsOf = (planId: string) => rowsOfTargets(app.t.database.db, planId);

describe("importing a basic plan's indicator tables (seed 001)", () => {
  it("creates 政策 → 施策 with 13 indicators, each with its target for 令和13年度", async () => {
    const res = await app.office.post("/api/imports", new Uint8Array(meguroIndicators));
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({
      kind: "indicator-table",
      plan: { title: "政策1 地域共生社会*の実現の推進", startFiscalYear: 2022, endFiscalYear: 2031 },
      items: 7,
      policies: 2,
      measures: 5,
      indicators: 13,
      targets: { numeric: 13, milestone: 0, asNeeded: 0, text: 0, blank: 0 },
      targetFiscalYears: { 2031: 13 },
      warnings: [],
      alreadyImported: false,
    });
    expect(res.body.report.unparsed.length).toBeGreaterThan(0);
    const planId = res.body.planId;
    const db = app.t.database.db;
    const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
    expect(plan).toMatchObject({ kind: "基本計画", levelNames: ["政策", "施策"], evaluationLevel: 1 });
    const items = await db.select().from(planItems).where(eq(planItems.planId, planId));
    const byLine = [...items].sort((a, b) => (a.source as any).line - (b.source as any).line);
    expect(byLine.map((i) => [i.level, i.code, i.title, (i.source as any).line])).toEqual([
      [0, "1", "地域共生社会*の実現の推進", 3],
      [1, "1-1", "包括的な相談支援体制の充実", 62],
      [1, "1-2", "地域における支え合いの推進", 115],
      [1, "1-3", "生活の安定と自立支援", 174],
      [0, "2", "生涯現役社会・エイジレス社会の推進", 217],
      [1, "2-1", "介護予防*の推進", 269],
      [1, "2-2", "多様な地域・社会参加の場の充実", 320],
    ]);
    const inds = await db.select().from(indicators).where(eq(indicators.planId, planId));
    expect(inds).toHaveLength(13);
    expect(new Set(inds.map((i) => i.kind))).toEqual(new Set(["policy"]));
    expect(inds.find((i) => i.name.startsWith("みんながつながり"))).toMatchObject({
      baselineSource: "36.6%",
      baselineFiscalYear: null,
    });
    const rows = await targetRowsOf(planId);
    expect(rows).toHaveLength(13);
    expect(new Set(rows.map((r) => r.fiscalYear))).toEqual(new Set([2031]));
    expect(rows.find((r) => r.source === "3,000人")).toMatchObject({ kind: "numeric", value: 3000, unit: "人" });

    const again = await app.office.post("/api/imports", new Uint8Array(meguroIndicators));
    expect(again.body).toMatchObject({ created: false, planId });
  });
});

describe("refusing what cannot be imported", () => {
  it("answers 400 in Japanese and stores nothing", async () => {
    const before = await counts();
    const cases: [Uint8Array, RegExp][] = [
      [
        new TextEncoder().encode("会議のメモ\n次回は4月10日\n"),
        /実施計画.*指標の表.*重層的支援体制整備事業.*年間ロードマップ/,
      ],
      [new TextEncoder().encode("取組No.\t\t重点取組\n成果(活動)指標\n"), /実施計画として読み取れませんでした/],
    ];
    for (const [bytes, message] of cases) await expectImportRefused(app.office, bytes, message);
    expect(await counts()).toEqual(before);
  });
});
