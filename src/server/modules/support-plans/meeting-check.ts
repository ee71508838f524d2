import type { PlanKind } from "../../../domain/labels/support-plans.js";
import type { Executor } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";

/**
 * The one place a plan's approving meeting is checked. What it should check (and will, once the meetings table
 * exists in this schema): the meeting is of this municipality, held on or before the approval day, of the right kind
 * (an outreach plan at a 支援会議 under art. 106-6 of the Social Welfare Act, a support plan at a 重層的支援会議), and
 * has the case on its agenda. Until then it checks nothing beyond the request's shape (a meeting id is required and
 * is a uuid, which the schema has already enforced): the id is stored as given.
 */
export async function checkApprovalMeeting(
  _tx: Executor,
  _actor: RequestActor,
  _approval: { caseId: string; kind: PlanKind; meetingId: string; approvedOn: string },
): Promise<void> {}
