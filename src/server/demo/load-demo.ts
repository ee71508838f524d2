import { eq } from "drizzle-orm";
import { sheetFieldValues } from "../../domain/evaluation-sheet.js";
import { DEFAULT_LADDER } from "../../domain/indicators/milestones.js";
import { parseTarget } from "../../domain/indicators/target.js";
import type { Db, Executor } from "../db/client.js";
import {
  indicatorActuals,
  indicatorMeasureLinks,
  indicators,
  indicatorTargets,
  municipalities,
  userDepartments,
  users,
} from "../db/schema/index.js";
import * as departmentsRepo from "../modules/departments/repository.js";
import * as evaluationsRepo from "../modules/evaluations/repository.js";
import { typingOf } from "../modules/indicators/typing.js";
import * as plansRepo from "../modules/plans/repository.js";
import { ensureBaseline } from "../modules/revisions/service.js";
import { recordAudit, recordAuditBatch } from "../platform/audit.js";
import { checkNewPassword } from "../platform/auth/password-policy.js";
import { hashPassword } from "../platform/auth/passwords.js";
import { DEMO_CLOSED_YEAR, loadDemoCommittees, markDemoMeasures } from "./demo-committees.js";
import { enrolDemoAccounts } from "./demo-mfa.js";
import {
  DEMO_DEPARTMENTS,
  DEMO_GOALS,
  DEMO_GRADE_SCALE,
  DEMO_INDICATORS,
  DEMO_MUNICIPALITY,
  DEMO_PASSWORD,
  DEMO_PLAN,
  DEMO_USERS,
  type DemoProject,
} from "./demo-plan.js";
import { publishDemoPlan, publishDemoYear } from "./demo-publication.js";
import { DEMO_SUPPORT_USERS, demoLoadRecord, loadDemoSupport } from "./demo-support.js";

/** Loads the demo municipality once; a database that has it already is left as it is. */
export async function ensureDemoMunicipality(
  db: Db,
  opts: { indicators?: boolean; baseline?: boolean; participation?: boolean; committees?: boolean } = {},
): Promise<{ created: boolean; municipalityId: string }> {
  const [existing] = await db.select().from(municipalities).where(eq(municipalities.code, DEMO_MUNICIPALITY.code));
  if (existing) return { created: false, municipalityId: existing.id };
  // the demo accounts follow the password rule like every other account
  for (const u of [...DEMO_USERS, ...DEMO_SUPPORT_USERS]) await checkNewPassword(DEMO_PASSWORD, u.loginId);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const municipalityId = await db.transaction(async (tx) => {
    const [m] = await tx.insert(municipalities).values(DEMO_MUNICIPALITY).returning();
    if (!m) throw new Error("insert returned nothing");
    const planId = await loadInto(tx, m.id, passwordHash, opts.indicators ?? true);
    // the committee review closes 令和6年度, so it is asked for by the server's first start only: the tests' demo keeps
    // the year open (they close it themselves); the measures' marks go into 第1版 with the rest of the structure
    const committees = (opts.committees ?? false) && (opts.baseline ?? true);
    if (committees) await markDemoMeasures(tx, m.id, planId);
    // the demo plan has been evaluated, so its structure is frozen as 第1版, as opening its first year would have
    if (opts.baseline ?? true) {
      await ensureBaseline(tx, { municipalityId: m.id, userId: null, loginId: "system" }, planId);
      // and published to residents from that revision: the public site has something to show on first start
      await publishDemoPlan(tx, m.id, planId);
    }
    // the programme's numbers (placements, unmet needs, the registry) come with the indicators they feed, unless told
    await loadDemoSupport(tx, m.id, passwordHash, opts.participation ?? opts.indicators ?? true);
    await enrolDemoAccounts(tx, m.id);
    if (committees) {
      await loadDemoCommittees(tx, m.id, planId);
      // the year the committees reviewed is closed: its results go on the public site with the plan
      await publishDemoYear(tx, m.id, planId, DEMO_CLOSED_YEAR);
    }
    return m.id;
  });
  return { created: true, municipalityId };
}

async function loadInto(tx: Executor, municipalityId: string, passwordHash: string, withIndicators: boolean) {
  const deptIds = new Map<string, string>();
  for (const name of DEMO_DEPARTMENTS) {
    deptIds.set(name, (await departmentsRepo.insertDepartment(tx, municipalityId, name)).id);
  }
  const userIds = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const [row] = await tx
      .insert(users)
      .values({ municipalityId, loginId: u.loginId, displayName: u.displayName, role: u.role, passwordHash })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    userIds.set(u.loginId, row.id);
    for (const d of u.departments) {
      await tx
        .insert(userDepartments)
        .values({ municipalityId, userId: row.id, departmentId: deptIds.get(d) as string });
    }
  }

  const plan = await plansRepo.insertPlan(tx, municipalityId, { ...DEMO_PLAN, gradeScale: DEMO_GRADE_SCALE });
  const projects: { itemId: string; project: DemoProject }[] = [];
  const itemByCode = new Map<string, string>();
  for (const [g, goal] of DEMO_GOALS.entries()) {
    const goalItem = await addItem(tx, municipalityId, plan.id, null, 0, g, `${g + 1}`, goal.title);
    for (const [m, measure] of goal.measures.entries()) {
      const code = `${g + 1}-${m + 1}`;
      const measureItem = await addItem(tx, municipalityId, plan.id, goalItem, 1, m, code, measure.title);
      for (const [p, project] of measure.projects.entries()) {
        if ("relistOf" in project) {
          const itemId = itemByCode.get(project.relistOf);
          if (!itemId) throw new Error(`demo relisting of unknown ${project.relistOf}`);
          await plansRepo.insertPlacement(tx, municipalityId, plan.id, itemId, measureItem, p, true);
          continue;
        }
        const projectCode = `${code}-${p + 1}`;
        const item = await plansRepo.insertItem(tx, municipalityId, plan.id, {
          level: 2,
          code: projectCode,
          title: project.title,
          summary: project.summary,
          isNew: project.isNew ?? false,
          isPriority: project.isPriority ?? false,
          category: project.category ?? null,
          planPage: String(20 + g * 10 + m * 3 + p),
          constituentPlans: [],
        });
        await plansRepo.insertPlacement(tx, municipalityId, plan.id, item.id, measureItem, p, false);
        await plansRepo.setItemDepartments(
          tx,
          municipalityId,
          item.id,
          project.departments.map((d) => deptIds.get(d) as string),
        );
        itemByCode.set(projectCode, item.id);
        projects.push({ itemId: item.id, project });
      }
    }
  }

  // FY2024: evaluated and accepted. FY2025: opened, the first sheets drafted, some submitted.
  const keikaku = userIds.get("keikaku") as string;
  for (const fiscalYear of [2024, 2025]) {
    const round = await evaluationsRepo.insertRound(tx, municipalityId, plan.id, fiscalYear);
    const sheets = await evaluationsRepo.insertSheets(
      tx,
      projects.map(({ itemId, project }, index) => {
        const done = fiscalYear === 2024 && project.grade2024 !== null;
        const submitted2025 = fiscalYear === 2025 && index % 4 === 1;
        return {
          municipalityId,
          roundId: round.id,
          planId: plan.id,
          fiscalYear,
          itemId,
          status: done ? "accepted" : submitted2025 ? "submitted" : "not_started",
          previousStatus: fiscalYear === 2025 ? project.results2024 || null : "前計画期間から継続して実施",
          targetFirst: "関係機関との連携を強化し、事業を着実に実施する",
          targetSecond: "継続",
          results: done ? project.results2024 : submitted2025 ? "上半期の実施状況を記載（デモ）" : null,
          grade: done ? project.grade2024 : submitted2025 ? "B" : null,
          reason: done
            ? "計画どおり実施できた点と、残った課題を踏まえて評価した。"
            : submitted2025
              ? "上半期の実績による。"
              : null,
          issues: done ? "関係機関との情報共有の仕組みを整える。" : null,
          departmentNames: project.departments,
          updatedBy: keikaku,
          submittedAt: done || submitted2025 ? new Date() : null,
        };
      }),
    );
    // the demo's sheets start with a history entry, as sheets written through the screen do
    await recordAuditBatch(
      tx,
      sheets.map((sheet) =>
        demoLoadRecord(municipalityId, "evaluation_sheet", sheet.id, {
          status: sheet.status,
          ...sheetFieldValues(sheet),
        }),
      ),
    );
  }
  for (const [position, d] of withIndicators ? DEMO_INDICATORS.entries() : []) {
    const itemId = itemByCode.get(d.projectCode);
    if (!itemId) throw new Error(`demo indicator of unknown ${d.projectCode}`);
    const [indicator] = await tx
      .insert(indicators)
      .values({
        municipalityId,
        planId: plan.id,
        itemId,
        kind: "activity",
        name: d.name,
        baselineSource: d.baseline || null,
        baselineFiscalYear: d.baseline ? 2023 : null,
        position,
      })
      .returning();
    if (!indicator) throw new Error("insert returned nothing");
    await tx.insert(indicatorTargets).values(
      Object.entries(d.targets).map(([fy, source]) => ({
        municipalityId,
        indicatorId: indicator.id,
        fiscalYear: Number(fy),
        source,
        ...typingOf(parseTarget(source, DEFAULT_LADDER)),
      })),
    );
    if (d.fedBy) {
      await tx.insert(indicatorMeasureLinks).values({
        municipalityId,
        indicatorId: indicator.id,
        measureKey: d.fedBy.measureKey,
        breakdownRow: d.fedBy.breakdownRow ?? null,
        updatedBy: keikaku,
      });
    }
    if (d.actual2024) {
      await tx.insert(indicatorActuals).values({
        municipalityId,
        indicatorId: indicator.id,
        fiscalYear: 2024,
        kind: d.actual2024.kind,
        value: d.actual2024.kind === "number" ? d.actual2024.value : null,
        step: d.actual2024.kind === "milestone" ? d.actual2024.step : null,
        updatedBy: keikaku,
      });
    }
  }
  await recordAudit(
    tx,
    demoLoadRecord(municipalityId, "municipality", municipalityId, { plan: plan.id, projects: projects.length }),
  );
  return plan.id;
}

async function addItem(
  tx: Executor,
  municipalityId: string,
  planId: string,
  parentId: string | null,
  level: number,
  position: number,
  code: string,
  title: string,
) {
  const item = await plansRepo.insertItem(tx, municipalityId, planId, {
    level,
    code,
    title,
    summary: null,
    isNew: false,
    isPriority: false,
    category: null,
    planPage: null,
    constituentPlans: [],
  });
  await plansRepo.insertPlacement(tx, municipalityId, planId, item.id, parentId, position, false);
  return item.id;
}
