import { eq } from "drizzle-orm";
import type { Db } from "../src/server/db/client.js";
import {
  evaluationRounds,
  evaluationSheets,
  municipalities,
  planItemDepartments,
  planItemPlacements,
  planItems,
} from "../src/server/db/schema/index.js";
import { DEMO_GRADE_SCALE, DEMO_MUNICIPALITY } from "../src/server/demo/demo-plan.js";
import * as departmentsRepo from "../src/server/modules/departments/repository.js";
import * as plansRepo from "../src/server/modules/plans/repository.js";

/** A plan of `projects` projects (10 goals × 20 measures × n) with `years` fiscal years of accepted sheets. */
export async function createSyntheticPlan(db: Db, projects = 2000, years = 10) {
  const [m] = await db.select().from(municipalities).where(eq(municipalities.code, DEMO_MUNICIPALITY.code));
  if (!m) throw new Error("demo municipality missing");
  const municipalityId = m.id;
  const depts = await departmentsRepo.listDepartments(db, municipalityId);
  const plan = await plansRepo.insertPlan(db, municipalityId, {
    title: `ベンチマーク計画 ${projects}事業`,
    kind: "分野別計画",
    startFiscalYear: 2020,
    endFiscalYear: 2020 + years - 1,
    levelNames: ["基本目標", "施策", "事業"],
    gradeScale: DEMO_GRADE_SCALE,
    constituentPlans: [],
  });
  const goals = 10;
  const measuresPerGoal = 20;
  const perMeasure = Math.ceil(projects / (goals * measuresPerGoal));
  const items: (typeof planItems.$inferInsert & { id: string })[] = [];
  const placements: (typeof planItemPlacements.$inferInsert)[] = [];
  const itemDepts: (typeof planItemDepartments.$inferInsert)[] = [];
  const projectIds: string[] = [];
  for (let g = 0; g < goals; g++) {
    const goalId = crypto.randomUUID();
    items.push({ id: goalId, municipalityId, planId: plan.id, level: 0, code: `${g + 1}`, title: `基本目標${g + 1}` });
    placements.push({ municipalityId, planId: plan.id, itemId: goalId, parentItemId: null, position: g });
    for (let s = 0; s < measuresPerGoal; s++) {
      const measureId = crypto.randomUUID();
      items.push({
        id: measureId,
        municipalityId,
        planId: plan.id,
        level: 1,
        code: `${g + 1}-${s + 1}`,
        title: `施策${g + 1}-${s + 1}`,
      });
      placements.push({ municipalityId, planId: plan.id, itemId: measureId, parentItemId: goalId, position: s });
      for (let p = 0; p < perMeasure && projectIds.length < projects; p++) {
        const id = crypto.randomUUID();
        projectIds.push(id);
        items.push({
          id,
          municipalityId,
          planId: plan.id,
          level: 2,
          code: `${g + 1}-${s + 1}-${p + 1}`,
          title: `事業${projectIds.length}`,
          isNew: p % 3 === 0,
          isPriority: p % 2 === 0,
        });
        placements.push({ municipalityId, planId: plan.id, itemId: id, parentItemId: measureId, position: p });
        const dept = depts[projectIds.length % depts.length];
        if (dept) itemDepts.push({ municipalityId, itemId: id, departmentId: dept.id, position: 0 });
      }
    }
  }
  const chunks = async <T>(rows: T[], size: number, insert: (rows: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
  };
  await chunks(items, 500, (r) => db.insert(planItems).values(r));
  await chunks(placements, 500, (r) => db.insert(planItemPlacements).values(r));
  await chunks(itemDepts, 500, (r) => db.insert(planItemDepartments).values(r));
  const codes = DEMO_GRADE_SCALE.map((g) => g.code);
  for (let y = 0; y < years; y++) {
    const [round] = await db
      .insert(evaluationRounds)
      .values({ municipalityId, planId: plan.id, fiscalYear: 2020 + y })
      .returning();
    if (!round) throw new Error("no round");
    const sheets = projectIds.map((itemId, i) => ({
      municipalityId,
      roundId: round.id,
      planId: plan.id,
      fiscalYear: 2020 + y,
      itemId,
      status: i % 10 === 0 ? "draft" : "accepted",
      grade: codes[(i * 7 + y) % codes.length] ?? null,
      results: `実績 ${i}`,
      departmentNames: [],
    }));
    await chunks(sheets, 400, (r) => db.insert(evaluationSheets).values(r));
  }
  return { planId: plan.id, municipalityId };
}
