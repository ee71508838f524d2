import type { PlanKind } from "../../../domain/labels/support-plans.js";
import type { Executor } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { ValidationError } from "../../platform/errors.js";
import * as meetingsRepo from "../meetings/repository.js";

/** The legal basis of the meeting kind that approves each kind of plan. */
const APPROVING_BASIS: Record<PlanKind, { basis: string; words: string }> = {
  // before consent, under the confidentiality of art. 106-6 of the Social Welfare Act
  outreach: { basis: "art106_6", words: "アウトリーチ支援プランは支援会議（社会福祉法第106条の6）で承認してください" },
  // with consent: the 重層的支援会議 agrees the plan
  support: { basis: "consent", words: "支援プランは重層的支援会議で承認してください" },
};

const refuse = (message: string) => new ValidationError([{ field: "meetingId", message }]);

/**
 * The one place a plan's approving meeting is checked: a meeting of this municipality, of the kind whose legal basis
 * fits the plan (an outreach plan at a 支援会議 under art. 106-6, a support plan at a 重層的支援会議), held on or
 * before the approval day, with the case on its agenda (not taken off it). Field-named 400s otherwise.
 */
export async function checkApprovalMeeting(
  tx: Executor,
  actor: RequestActor,
  approval: { caseId: string; kind: PlanKind; meetingId: string; approvedOn: string },
): Promise<void> {
  const meeting = await meetingsRepo.findMeeting(tx, actor.municipalityId, approval.meetingId);
  if (!meeting) throw refuse("承認した会議が見つかりません");
  const kind = await meetingsRepo.findKind(tx, actor.municipalityId, meeting.kindId);
  const wanted = APPROVING_BASIS[approval.kind];
  if (kind?.legalBasis !== wanted.basis) throw refuse(wanted.words);
  if (meeting.heldOn > approval.approvedOn) throw refuse("承認日は会議の開催日以降にしてください");
  const subjects = await meetingsRepo.listSubjects(tx, actor.municipalityId, meeting.id);
  if (!subjects.some((s) => s.caseId === approval.caseId && !s.removedAt))
    throw refuse("この会議の議題にこのケースがありません。会議の議題に加えてから承認を記録してください");
}
