/**
 * Importing the Komae 実施計画 (seed 002) over HTTP. Expected counts were read from the document (5 基本目標, 35 施策,
 * 92 重点取組 sheets of which 5 are (再掲), 139 取組内容 rows).
 */
import { and, eq, sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { signedInApp } from "../../../../test/helpers/fixtures.js";
import {
  countImportedRows,
  registerEveryNewName,
  targetRowsOf as rowsOfTargets,
} from "../../../../test/helpers/plan-import.js";
import { seed } from "../../../../test/helpers/seeds.js";
import { DEFAULT_LADDER } from "../../../domain/indicators/milestones.js";
import { classifyTargets, isBlankTarget } from "../../../domain/indicators/target.js";
import { auditLog, indicators, planItemPlacements, planItems, plans } from "../../db/schema/index.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { sealAuditLog } from "../../platform/audit-sealer.js";

const komae = seed("002_d34aff6a9cbdb26d.txt");

const app = signedInApp({ office: "keikaku" });

const counts = () => countImportedRows(app.t.database.db);
const targetRowsOf = (planId: string) => rowsOfTargets(app.t.database.db, planId);

describe("importing a 実施計画 (seed 002)", () => {
  let planId: string;
  let report: any;
  let previewReport: any;

  it("previews without writing: counts as printed, every warning with its line, every unused line", async () => {
    const before = await counts();
    const preview = await app.office.post("/api/imports/preview", new Uint8Array(komae));
    expect(preview.status).toBe(200);
    expect(preview.body.planId).toBeNull();
    expect(preview.body.report).toMatchObject({
      kind: "implementation-plan",
      encoding: "utf-8",
      plan: { title: "狛江市第1次地域共生社会推進基本計画 実施計画", startFiscalYear: 2024, endFiscalYear: 2026 },
      goals: 5,
      measures: 35,
      items: 92,
      activities: 139,
      // 5 (再掲) sheets and 12 (再掲) rows are placements of their original; 9 rows of re-listed sheets are shown
      // through their original sheet; one (再掲) row names no original ("あんしん粕江", line 1080)
      relistings: { initiatives: 5, activities: 12, throughInitiative: 9, unresolved: 1 },
      matrix: { departments: 8, cells: 106 },
      alreadyImported: false,
    });
    const r = preview.body.report;
    expect(r.warnings.length).toBeGreaterThan(20);
    for (const w of r.warnings) {
      expect(Object.keys(w).sort()).toEqual(["kind", "line", "message"]);
      expect(w.line).toBeGreaterThan(0);
    }
    expect(r.warnings).toContainEqual(expect.objectContaining({ kind: "relist_unresolved", line: 1080 }));
    expect(r.unparsed.map((u: { line: number }) => u.line)).toContain(3); // the cover page
    // the 担当課 of sheets and activities, matched to the municipality's (the demo has 福祉政策課 and 福祉相談課)
    const dept = (name: string) => r.departments.find((d: { name: string }) => d.name === name);
    expect(dept("福祉政策課")).toMatchObject({ status: "existing", department: { name: "福祉政策課" } });
    expect(dept("高齢障がい課")).toMatchObject({ status: "new", department: null, mentions: 109, firstLine: 537 });
    expect(r.departments.filter((d: { status: string }) => d.status === "new")).toHaveLength(6);
    previewReport = r;
    expect(await counts()).toEqual(before);
  });

  it("commits in one transaction: a re-listing is a second placement of the original, never a copy", async () => {
    const before = await counts();
    const res = await app.office.post("/api/imports", new Uint8Array(komae), {
      "x-file-name": encodeURIComponent("狛江.txt"),
      ...registerEveryNewName(previewReport),
    });
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(true);
    planId = res.body.planId;
    report = res.body.report;
    const db = app.t.database.db;

    const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
    expect(plan).toMatchObject({
      kind: "実施計画",
      startFiscalYear: 2024,
      endFiscalYear: 2026,
      levelNames: ["基本目標", "施策", "重点取組", "取組内容"],
      evaluationLevel: 2,
      milestoneLadder: null,
    });
    expect(plan?.constituentPlans.map((c) => c.code)).toEqual(["地", "後", "高", "障"]);
    expect(plan?.gradeScale.map((g) => g.code)).toEqual(["AA", "A", "B", "C", "D"]);

    const items = await db.select().from(planItems).where(eq(planItems.planId, planId));
    const byLevel = [0, 1, 2, 3].map((l) => items.filter((i) => i.level === l).length);
    // 92 sheets - 5 re-listed = 87 重点取組; 139 rows - 12 re-listed - 9 shown through their sheet's original = 118
    expect(byLevel).toEqual([5, 35, 87, 118]);
    const placements = await db.select().from(planItemPlacements).where(eq(planItemPlacements.planId, planId));
    expect(placements).toHaveLength(items.length + 17);
    expect(placements.filter((p) => p.relisted)).toHaveLength(17);

    // 4-3-1 (再掲) is 4-1-1 shown under 施策 4-3: one row, two placements
    const original = items.filter((i) => i.code === "4-1-1");
    expect(original).toHaveLength(1);
    expect(items.filter((i) => i.code === "4-3-1")).toHaveLength(0);
    const mine = placements.filter((p) => p.itemId === original[0]?.id);
    expect(mine).toHaveLength(2);
    const parentCodes = mine.map((p) => [items.find((i) => i.id === p.parentItemId)?.code, p.relisted]);
    expect(parentCodes).toEqual(
      expect.arrayContaining([
        ["4-1", false],
        ["4-3", true],
      ]),
    );
    expect((original[0]?.source as any)?.relistedAt[0]).toMatchObject({ line: 789, code: "4-3-1" });

    // fields of a sheet, its activity's own departments, the ★ of a measure, the unresolved re-listing
    const first = items.find((i) => i.code === "1-1-1");
    expect(first).toMatchObject({
      title: "福祉のつなぐシート登録システムの民間事業者等への拡大の推進",
      category: "拡充",
      majorMeasure: "包括的な支援に関すること",
      constituentPlans: ["地"],
    });
    expect(first?.summary).toMatch(/^福祉のつなぐシート登録システムを活用して/);
    expect((first?.source as any)?.line).toBe(322);
    expect(items.find((i) => i.code === "2-7")?.constituentPlans).toEqual(["障", "★"]);
    const unresolved = items.find((i) => (i.source as any)?.line === 1080);
    expect(unresolved).toMatchObject({ level: 3, title: "あんしん粕江の職員が重層的支援会議等に参加" });
    expect((unresolved?.source as any)?.relist).toEqual({ unresolved: true });

    const planDetail = (await app.office.get(`/api/plans/${planId}`)).body;
    const tree = planDetail.items.find((i: any) => i.code === "4-1-1");
    expect(tree.placements).toHaveLength(2);
    const dept = await app.office.get("/api/departments");
    const names = (dept.body.departments ?? []).map((d: any) => d.name);
    expect(names).toEqual(expect.arrayContaining(["福祉政策課", "まちづくり推進課"]));

    // one indicator per activity row of its own, one target per fiscal year, typed like classifyTargets does
    const rows = await targetRowsOf(planId);
    expect(rows).toHaveLength(118 * 3);
    expect(new Set(rows.map((r) => r.indicatorKind))).toEqual(new Set(["activity"]));
    const classified = classifyTargets(
      rows.map((r) => r.source),
      DEFAULT_LADDER,
    ).counts;
    const byKind = (k: string) => rows.filter((r) => r.kind === k && !(k === "text" && isBlankTarget(r.source))).length;
    expect({
      numeric: byKind("numeric"),
      milestone: byKind("milestone"),
      asNeeded: byKind("asNeeded"),
      text: byKind("text"),
      blank: rows.filter((r) => isBlankTarget(r.source)).length,
    }).toEqual({
      numeric: classified.numeric,
      milestone: classified.milestone,
      asNeeded: classified.asNeeded,
      text: classified.text,
      blank: classified.blank,
    });
    expect(report.targets).toEqual({
      numeric: classified.numeric,
      milestone: classified.milestone,
      asNeeded: classified.asNeeded,
      text: classified.text,
      blank: classified.blank,
    });
    expect(report.indicators).toBe(118);
    expect(report.freeTextTargets).toContain("社会資源の発掘");
    expect(rows.find((r) => r.source === "15事業者以上")).toMatchObject({
      indicatorName: "市内登録事業者数",
      fiscalYear: 2024,
      kind: "numeric",
      comparator: "gte",
      value: 15,
      unit: "事業者",
      step: null,
    });
    expect(rows.find((r) => r.kind === "milestone")).toMatchObject({
      step: expect.any(String),
      rank: expect.any(Number),
    });

    // one audit record for the whole import and one per department registered, in an intact chain
    const after = await counts();
    expect(after.audit - before.audit).toBe(1 + 6);
    expect(after.imports - before.imports).toBe(1);
    await sealAuditLog(db);
    const [audit] = await db.select().from(auditLog).orderBy(sql`${auditLog.seq} desc nulls last`).limit(1);
    expect(audit).toMatchObject({ action: "import", entityType: "import" });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("the 重点取組 level gets the yearly sheets; the 総括表 lists that level only", async () => {
    const opened = await app.office.post(`/api/plans/${planId}/evaluations`, { fiscalYear: 2024 });
    expect(opened.status).toBe(201);
    expect(opened.body.round.sheets).toBe(87);
    const summary = (await app.office.get(`/api/plans/${planId}/summary?fiscalYear=2024&include=rows`)).body.summary;
    expect(summary.groups).toHaveLength(5 + 35);
    expect(summary.total).toMatchObject({ projects: 87, ungraded: 87 });
    const projects = summary.lines.filter((l: any) => l.kind === "project");
    expect(projects).toHaveLength(92); // the 5 re-listed sheets are shown twice, counted once
    expect(new Set(projects.map((l: any) => l.level))).toEqual(new Set([2]));
    expect(summary.lines.find((l: any) => l.kind === "subtotal" && l.level === 1).label).toBe("小計");
  });

  it("imports the same document once: again (even with a BOM) returns the plan and writes nothing", async () => {
    const before = await counts();
    const again = await app.office.post("/api/imports", new Uint8Array(komae));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, planId, report: { alreadyImported: true } });
    const bom = await app.office.post("/api/imports", new Uint8Array([0xef, 0xbb, 0xbf, ...komae]));
    expect(bom.body).toMatchObject({ created: false, planId });
    expect(await counts()).toEqual(before);
  });

  it("accepts the plan saved as Shift_JIS", async () => {
    // Windows saves — (U+2014, not in Shift_JIS) as ― (0x815C), so the text, and the document, differ
    const sjis = iconv.encode(komae.toString("utf8").replaceAll("\u2014", "\u2015"), "cp932");
    const res = await app.office.post("/api/imports", new Uint8Array(sjis));
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({
      encoding: "shift_jis",
      goals: 5,
      measures: 35,
      items: 92,
      activities: 139,
      indicators: 118,
      targets: report.targets,
    });
  });

  it("imports a document with a garbled line and reports the line", async () => {
    const lines = komae.toString("utf8").split("\n");
    expect(lines[328]).toMatch(/^福祉のつなぐシート登録システムの活用民間事業者等の拡大/);
    lines[328] = "��縺薙ｌ縺ｯ譁�ｭ怜喧縺托ｼ";
    const res = await app.office.post("/api/imports", new TextEncoder().encode(lines.join("\n")));
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({ goals: 5, measures: 35, items: 92, activities: 138 });
    expect(res.body.report.unparsed).toContainEqual({ line: 329, text: lines[328] });
  });
});

describe("a 実施計画 whose activity tables disagree on their fiscal-year columns", () => {
  const sheet = (code: string, title: string, years: string, activity: string) => [
    `取組No.\t${code}\t重点取組\t${title}`,
    "担当課\t福祉政策課\t大施策\t相談支援に関すること",
    "区分\t拡充",
    "①事業概要",
    `${title}を進めます。`,
    "②施策に関する具体的な事業や取組",
    `事業(取組)内容\t成果(活動)指標\t\t${years}`,
    activity,
  ];
  const R7_R9 = "R 7\tR 8\tR 9";
  const text = [
    "テスト市福祉計画 実施計画",
    "年度\t令和7(2025)",
    "基本目標\t安心して暮らせるまち",
    "施策No.\t1-1\t施策\t相談支援を充実します。",
    ...sheet("1-1-1", "相談窓口の拡充", R7_R9, "窓口の設置 担当課：福祉政策課\t窓口数\t③目標(値)\t1か所\t2か所\t3か所"),
    ...sheet(
      "1-1-2",
      "訪問支援の実施",
      "R 6\tR 7\tR 8",
      "訪問の実施 担当課：福祉政策課\t訪問件数\t③目標(値)\t10件\t20件\t30件",
    ),
    ...sheet("1-1-3", "居場所の設置", R7_R9, "居場所の運営 担当課：福祉政策課\t—\t③目標(値)\t検討\t試行\t実施"),
  ].join("\n");

  it("keeps the plan's period, reports the odd table and files its targets under no year", async () => {
    const res = await app.office.post("/api/imports", new TextEncoder().encode(text));
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({
      plan: { startFiscalYear: 2025, endFiscalYear: 2027 },
      fiscalYears: [2025, 2026, 2027],
    });
    expect(res.body.report.warnings).toEqual([
      { kind: "fiscal_year_mismatch", line: 19, message: expect.stringContaining("「R6 R7 R8」") },
    ]);
    const planId = res.body.planId;
    const [plan] = await app.t.database.db.select().from(plans).where(eq(plans.id, planId));
    expect([plan?.startFiscalYear, plan?.endFiscalYear]).toEqual([2025, 2027]);
    const rows = await targetRowsOf(planId);
    expect(rows.map((r) => [r.indicatorName, r.fiscalYear, r.source]).sort()).toEqual(
      [
        ["窓口数", 2025, "1か所"],
        ["窓口数", 2026, "2か所"],
        ["窓口数", 2027, "3か所"],
        ["—", 2025, "検討"],
        ["—", 2026, "試行"],
        ["—", 2027, "実施"],
      ].sort(),
    );
    const [visits] = await app.t.database.db
      .select()
      .from(indicators)
      .where(and(eq(indicators.planId, planId), eq(indicators.name, "訪問件数")));
    expect((visits?.source as any)?.unfiledTargets).toEqual([
      { fiscalYear: 2024, source: "10件" },
      { fiscalYear: 2025, source: "20件" },
      { fiscalYear: 2026, source: "30件" },
    ]);
  });
});
