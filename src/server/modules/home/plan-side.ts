/**
 * The plan side's home page: per plan, its latest evaluation year, the sheets the caller could list on the 評価
 * screen (policies.canSeeSheet; a department editor's own departments only) counted by state.
 */
import type { SheetStatus } from "../../../domain/labels/evaluation.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { isPlanOffice } from "../../platform/policies/roles.js";
import { policies } from "../../platform/policies.js";
import { departmentDeadlinesOf } from "../evaluations/deadlines-repository.js";
import { listGradesOfPlanYear } from "../evaluations/repository.js";
import { yearStructure } from "../evaluations/year-structure.js";
import { getMyDepartment } from "../indicators/aggregates.js";
import * as plansRepo from "../plans/repository.js";
import { midYearSections } from "./mid-year-side.js";
import { type HomeItem, type HomeSection, homeItem, linkTo } from "./presenter.js";
import * as repo from "./repository.js";

const NOT_SUBMITTED: readonly string[] = ["not_started", "draft"];

export async function planSections(tx: Executor, auth: AuthContext): Promise<HomeSection[]> {
  policies.readPlans(auth);
  const plans = await plansRepo.listPlans(tx, auth.municipalityId);
  const rounds = await repo.roundsNewestFirst(tx, auth.municipalityId);
  const sections: HomeSection[] = [];
  for (const plan of plans) {
    // the work is in the year still open (nothing closes a year yet, so every earlier year is open too: the newest
    // open one is the current round); a viewer reads results, so its link is the newest year's 総括表
    const round = rounds.find((r) => r.planId === plan.id && (auth.role === "viewer" || r.status === "open"));
    if (!round) continue;
    const items = await roundItems(tx, auth, plan.id, round.fiscalYear);
    sections.push({
      key: `plan:${plan.id}:${round.fiscalYear}`,
      title: plan.title,
      fiscalYear: round.fiscalYear,
      items,
      deadlines: round.status === "open" ? await deadlinesFor(tx, auth, round) : [],
    });
  }
  // the mid-year reports under way follow the yearly evaluation's sections
  sections.push(...(await midYearSections(tx, auth, plans)));
  return sections;
}

/**
 * The deadlines the caller works to: a department its 提出期限 (its own where one is set), the plan office both.
 * A viewer only reads results.
 */
async function deadlinesFor(
  tx: Executor,
  auth: AuthContext,
  round: { id: string; submissionDue: string | null; confirmationDue: string | null },
) {
  if (auth.role === "viewer") return [];
  const overrides = await departmentDeadlinesOf(tx, auth.municipalityId, [round.id]);
  const own =
    auth.role === "department_editor" ? overrides.find((o) => auth.departmentIds.includes(o.departmentId)) : undefined;
  const submission = own?.submissionDue ?? round.submissionDue;
  const out: { label: string; day: string }[] = [];
  if (submission) out.push({ label: own ? "提出期限（自分の課）" : "提出期限", day: submission });
  if (isPlanOffice(auth) && round.confirmationDue) out.push({ label: "確認期限", day: round.confirmationDue });
  return out;
}

async function roundItems(tx: Executor, auth: AuthContext, planId: string, fiscalYear: number): Promise<HomeItem[]> {
  // one after the other: inside a transaction they share one connection
  const sheets = await listGradesOfPlanYear(tx, auth.municipalityId, planId, fiscalYear);
  const structure = await yearStructure(tx, auth.municipalityId, planId, fiscalYear);
  const mineOnly = policies.listsOwnSheetsOnly(auth);
  const shown = sheets.filter((s) => {
    const departments = structure.departmentsOf(s.itemId);
    if (!policies.canSeeSheet(auth, departments)) return false;
    return !mineOnly || departments.some((d) => auth.departmentIds.includes(d));
  });
  const countOf = (status: SheetStatus) => shown.filter((s) => s.status === status).length;
  const list = (status?: SheetStatus) => linkTo("/evaluations", { planId, fy: fiscalYear, status });
  if (auth.role === "viewer") {
    return [homeItem("summary_latest", countOf("accepted"), linkTo("/summary", { planId, fy: fiscalYear }))];
  }
  if (isPlanOffice(auth)) {
    const late = new Set(
      shown.filter((s) => NOT_SUBMITTED.includes(s.status)).flatMap((s) => structure.departmentsOf(s.itemId)),
    );
    return [
      homeItem("sheets_submitted", countOf("submitted"), list("submitted"), true),
      homeItem("sheets_returned", countOf("returned"), list("returned")),
      homeItem("sheets_not_started", countOf("not_started"), list("not_started")),
      homeItem("sheets_draft", countOf("draft"), list("draft")),
      homeItem("departments_late", late.size, list()),
    ];
  }
  // a department editor: its own sheets, the returned ones first (they wait for it), then the indicators of 自分の課
  // without an actual of the year being evaluated (the sheets' grades are suggested from them)
  const mine = await getMyDepartment(tx, auth, planId, fiscalYear);
  const myDepartment = linkTo("/my-department", { planId, fy: fiscalYear });
  return [
    homeItem("sheets_returned", countOf("returned"), list("returned"), true),
    homeItem("sheets_not_started", countOf("not_started"), list("not_started"), true),
    homeItem("sheets_draft", countOf("draft"), list("draft"), true),
    homeItem("sheets_submitted", countOf("submitted"), list("submitted")),
    homeItem("sheets_accepted", countOf("accepted"), list("accepted")),
    homeItem("actuals_missing", mine.counts.noActual, myDepartment, true),
  ];
}
