/**
 * The demo's committee review, so that a new user sees it at once: the constituent-plan marks of the demo's measures
 * (set before 第1版 is frozen), 令和6年度 closed (its one unwritten project left 未評価), the 市民福祉推進委員会 with
 * 委員 四季 (iin) in term, a 高齢小委員会 and the internal 推進会議, and one opinion with the city's answer.
 */
import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client.js";
import { committeeOpinions, planItems, users } from "../db/schema/index.js";
import { requestOpinions } from "../modules/committees/opinion-requests.js";
import * as committeesRepo from "../modules/committees/repository.js";
import * as evaluationsRepo from "../modules/evaluations/repository.js";
import { freezeFedValues } from "../modules/fed-indicators/freeze.js";
import { findCurrentRevision } from "../modules/revisions/repository.js";
import { recordAudit } from "../platform/audit.js";
import { demoLoadRecord } from "./demo-support.js";

/** Which constituent plans each demo measure belongs to (its projects inherit them for routing). */
const MEASURE_MARKS: Record<string, string[]> = {
  包括的な相談支援体制の整備: ["地"],
  地域の支え合い活動の推進: ["地", "高"],
  高齢者の在宅生活の支援: ["高"],
  障害のある人の地域生活の支援: ["障"],
  災害時の要配慮者支援: ["地", "高", "障"],
  参加支援と就労支援: ["地", "障"],
  健康づくりと介護予防: ["高"],
};

/** The year the first start closes for the committees' review (and publishes to residents). */
export const DEMO_CLOSED_YEAR = 2024;
const CLOSED_YEAR = DEMO_CLOSED_YEAR;

export async function markDemoMeasures(tx: Executor, municipalityId: string, planId: string) {
  for (const [title, marks] of Object.entries(MEASURE_MARKS)) {
    await tx
      .update(planItems)
      .set({ constituentPlans: marks })
      .where(
        and(eq(planItems.municipalityId, municipalityId), eq(planItems.planId, planId), eq(planItems.title, title)),
      );
  }
}

async function userIdOf(tx: Executor, municipalityId: string, loginId: string) {
  const [u] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.municipalityId, municipalityId), eq(users.loginId, loginId)));
  if (!u) throw new Error(`demo account ${loginId} missing`);
  return u.id;
}

/** Closes 令和6年度 as the plan office would, then seats the committees and records one answered opinion. */
export async function loadDemoCommittees(tx: Executor, municipalityId: string, planId: string) {
  const keikaku = await userIdOf(tx, municipalityId, "keikaku");
  const iin = await userIdOf(tx, municipalityId, "iin");
  const round = await evaluationsRepo.findRound(tx, municipalityId, planId, CLOSED_YEAR);
  if (!round) throw new Error("demo round missing");
  for (const sheet of await evaluationsRepo.listSheetsOfRound(tx, municipalityId, round.id)) {
    if (sheet.status === "accepted") continue;
    await evaluationsRepo.updateSheet(tx, municipalityId, sheet.id, sheet.version, {
      status: "not_evaluated",
      notEvaluatedReason: "令和6年度は準備期間のため評価の対象外とした。",
      updatedBy: keikaku,
    });
  }
  const revision = await findCurrentRevision(tx, municipalityId, planId);
  await evaluationsRepo.updateRound(tx, municipalityId, round.id, {
    status: "closed",
    closedAt: new Date(),
    closedBy: keikaku,
    closedRevisionId: revision?.id ?? null,
  });
  await freezeFedValues(tx, municipalityId, planId, CLOSED_YEAR);

  const seat = async (kind: string, name: string, marks: string[], sortOrder: number, members: string[]) => {
    const c = await committeesRepo.insertCommittee(tx, { municipalityId, planId, kind, name, marks, sortOrder });
    await committeesRepo.replaceMembers(
      tx,
      municipalityId,
      c.id,
      members.map((userId) => ({ userId, termFrom: "2024-04-01", termTo: null })),
    );
    return c;
  };
  await seat("internal_council", "地域共生社会推進会議", [], 0, [keikaku]);
  const full = await seat("committee", "市民福祉推進委員会", [], 1, [iin]);
  await seat("subcommittee", "高齢小委員会", ["高"], 2, []);
  // as closing the year on screen does: the members in term are asked for their opinions (a notice on their bell)
  await requestOpinions(tx, municipalityId, planId, CLOSED_YEAR);

  const [item] = await tx
    .select({ id: planItems.id })
    .from(planItems)
    .where(and(eq(planItems.municipalityId, municipalityId), eq(planItems.title, "生活支援コーディネーターの配置")));
  const [opinion] = await tx
    .insert(committeeOpinions)
    .values({
      municipalityId,
      committeeId: full.id,
      planId,
      fiscalYear: CLOSED_YEAR,
      itemId: item?.id ?? null,
      authorId: iin,
      body: "通いの場の立ち上げ支援は評価できる。立ち上げた後に続けられているかも確かめてほしい。",
      status: "submitted",
      submittedAt: new Date(),
      response: "令和7年度から、立ち上げ後1年間は生活支援コーディネーターが訪問して継続を支援します。",
      responseStatus: "reflected",
      respondedBy: keikaku,
      respondedAt: new Date(),
    })
    .returning();
  if (!opinion) throw new Error("insert returned nothing");
  await recordAudit(tx, demoLoadRecord(municipalityId, "committee_opinion", opinion.id, { committeeId: full.id }));
}
