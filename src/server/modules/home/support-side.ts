/**
 * The support side's home page: counts over the scopes of the lists they stand for (policies.referralListScope,
 * caseListScope, the agency's disclosed tasks, the caller's own meeting seats). Counts only: no person is read.
 */
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUSES } from "../../../domain/labels/support.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { isAgencyStaff } from "../../platform/policies/roles.js";
import { policies } from "../../platform/policies.js";
import { countFollowUpsDue } from "../placements/repository.js";
import { disclosedAgencyTasks } from "../support-plans/agency-tasks.js";
import { taskOverdue } from "../support-plans/presenter.js";
import { type HomeSection, homeItem, linkTo, supportSection } from "./presenter.js";
import * as repo from "./repository.js";

const referralList = (box: string, status: string) => linkTo("/support/referrals", { box, status });

/** A registered provider: the referrals its agency sent, by status (it only sends, and reads the outcome). */
export async function providerSections(tx: Executor, auth: AuthContext, today: string): Promise<HomeSection[]> {
  const scope = policies.referralListScope(auth);
  const counts = await repo.referralCounts(tx, auth.municipalityId, scope, auth.agencyId as string, today);
  const items = REFERRAL_STATUSES.map((status) => {
    const item = homeItem("referrals_sent", counts.sentByStatus.get(status) ?? 0, referralList("sent", status));
    return { ...item, label: `${item.label}（${REFERRAL_STATUS_LABELS[status]}）` };
  });
  return [supportSection("referrals", items)];
}

/** Agency staff (the coordinators and the other agencies): referrals, the agency's tasks, reviews, meetings. */
export async function staffSections(tx: Executor, auth: AuthContext, today: string): Promise<HomeSection[]> {
  if (!isAgencyStaff(auth)) return [];
  const scope = policies.referralListScope(auth);
  const referrals = await repo.referralCounts(tx, auth.municipalityId, scope, auth.agencyId as string, today);
  // the coordinators oversee every referral's due date; an agency the ones it received
  const overdueBox = scope.all ? "all" : "received";
  const { shown: tasks } = await disclosedAgencyTasks(tx, auth);
  const reviews = await repo.casesWithReviewOverdue(tx, auth.municipalityId, policies.caseListScope(auth), today);
  const followUps = await countFollowUpsDue(tx, auth.municipalityId, today, policies.followUpScope(auth).agencyId);
  const seats = await repo.upcomingSeats(tx, auth.municipalityId, auth.userId, today);
  const meetingList = linkTo("/support/meetings");
  return [
    supportSection("referrals", [
      homeItem("referrals_received", referrals.received, referralList("received", "sent"), true),
      homeItem("referrals_overdue", referrals.overdue, referralList(overdueBox, "overdue"), true),
    ]),
    supportSection("tasks", [
      homeItem("tasks_overdue", tasks.filter((t) => taskOverdue(t.task, today)).length, linkTo("/support/tasks"), true),
      homeItem("tasks_open", tasks.length, linkTo("/support/tasks")),
    ]),
    supportSection("cases", [
      homeItem("reviews_overdue", reviews, linkTo("/support/cases", { review: "overdue" }), true),
      homeItem("placement_follow_ups_due", followUps, linkTo("/support/placements/follow-ups"), true),
    ]),
    supportSection("meetings", [
      homeItem("pledges_to_sign", seats.unpledged, meetingList, true),
      homeItem("meetings_upcoming", seats.upcoming, meetingList),
    ]),
  ];
}

/**
 * The support side's administrator: its side's active accounts without a second factor, which the support side must
 * use: accounts not yet signed in for the first time (or reset), the administrator's to follow up.
 */
export async function supportAdminSections(tx: Executor, auth: AuthContext): Promise<HomeSection[]> {
  const count = await repo.accountsWithoutSecondFactor(tx, auth.municipalityId, [
    "support_admin",
    "support_staff",
    "provider",
  ]);
  return [supportSection("accounts", [homeItem("accounts_without_second_factor", count, linkTo("/users"), true)])];
}
