/**
 * ホーム's mid-year report (中間報告) sections: per plan with an open mid-year round, the progress sheets the caller
 * could list on the 中間報告 screen (a department editor's own departments only) counted by what waits for whom.
 * Viewers get none: nothing waits for them until the report is read.
 */
import type { MidYearSheetStatus } from "../../../domain/labels/mid-year.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { isPlanOffice } from "../../platform/policies/roles.js";
import { policies } from "../../platform/policies.js";
import { yearStructure } from "../evaluations/year-structure.js";
import * as midYearRepo from "../mid-year/repository.js";
import type * as plansRepo from "../plans/repository.js";
import { type HomeSection, homeItem, linkTo } from "./presenter.js";

export const MID_YEAR_SECTION_SUFFIX = "中間報告";

export async function midYearSections(
  tx: Executor,
  auth: AuthContext,
  plans: plansRepo.PlanRow[],
): Promise<HomeSection[]> {
  if (auth.role === "viewer") return [];
  const rounds = await midYearRepo.listOpenRounds(tx, auth.municipalityId);
  const sections: HomeSection[] = [];
  for (const plan of plans) {
    for (const round of rounds.filter((r) => r.planId === plan.id)) {
      // one after the other: inside a transaction they share one connection
      const sheets = await midYearRepo.listSheetsOfRound(tx, auth.municipalityId, round.id);
      const structure = await yearStructure(tx, auth.municipalityId, plan.id, round.fiscalYear);
      const shown = sheets.filter((s) => policies.canSeeMidYearSheet(auth, structure.departmentsOf(s.itemId)));
      const countOf = (...statuses: MidYearSheetStatus[]) =>
        shown.filter((s) => statuses.includes(s.status as MidYearSheetStatus)).length;
      const list = (status?: MidYearSheetStatus) =>
        linkTo("/mid-year", { planId: plan.id, fy: round.fiscalYear, status });
      const items = isPlanOffice(auth)
        ? [
            homeItem("mid_year_submitted", countOf("submitted"), list("submitted"), true),
            homeItem("mid_year_unsubmitted", countOf("not_started", "draft", "returned"), list()),
          ]
        : [
            homeItem("mid_year_returned", countOf("returned"), list("returned"), true),
            homeItem("mid_year_to_fill", countOf("not_started", "draft"), list(), true),
            homeItem("mid_year_submitted", countOf("submitted"), list("submitted")),
          ];
      sections.push({
        key: `mid-year:${plan.id}:${round.fiscalYear}`,
        title: `${plan.title} ${MID_YEAR_SECTION_SUFFIX}`,
        fiscalYear: round.fiscalYear,
        // the mid-year round has no deadlines of its own yet: those of the yearly round are on its section
        deadlines: [],
        items,
      });
    }
  }
  return sections;
}
