/**
 * The submitted opinions and answers a plan-side reader sees outside the committee's own page: in the year's
 * 評価結果報告書 and on an item's page in the revisions that follow. The plan office sees every committee's; a member
 * in term the committee's own; a department editor the opinions on the items its departments own (it acts on them).
 * Drafts never leave their writer.
 */
import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Executor } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { type CommitteeView, type OpinionView, peopleOf, presentCommittee, presentOpinion } from "./presenter.js";
import * as repo from "./repository.js";

export interface CommitteeOpinions {
  committee: CommitteeView;
  opinions: OpinionView[];
}

interface Scope {
  planId: string;
  /** the opinions to consider (already of the plan; drafts are dropped here) */
  opinions: repo.OpinionRow[];
  /** the departments owning an item, to let a department editor see the opinions on its own items */
  departmentsOf: (itemId: string) => string[];
  itemOf: (itemId: string) => { code: string | null; title: string } | null;
}

export async function readableOpinions(db: Executor, auth: AuthContext, scope: Scope): Promise<CommitteeOpinions[]> {
  const today = todayInJapan();
  const committees = await repo.listCommittees(db, auth.municipalityId, scope.planId);
  const memberships = new Map(
    (await repo.membershipsOf(db, auth.municipalityId, auth.userId)).map((m) => [m.committeeId, m]),
  );
  const reads = new Set(
    committees.filter((c) => policies.committeeBasis(auth, memberships.get(c.id) ?? null, today)).map((c) => c.id),
  );
  const visible = scope.opinions.filter(
    (o) =>
      o.status === "submitted" &&
      (reads.has(o.committeeId) ||
        (auth.role === "department_editor" &&
          o.itemId !== null &&
          policies.canSeeSheet(auth, scope.departmentsOf(o.itemId)))),
  );
  const names = await repo.namesOf(db, auth.municipalityId, peopleOf(visible));
  return committees
    .map((c) => ({
      committee: presentCommittee(c, null, today),
      opinions: visible
        .filter((o) => o.committeeId === c.id)
        .map((o) => presentOpinion(o, names, o.itemId ? scope.itemOf(o.itemId) : null)),
    }))
    .filter((c) => c.opinions.length > 0 || reads.has(c.committee.id));
}

/** An item's submitted opinions of every closed year, for its page in the revisions that follow. */
export async function opinionsOnItem(
  db: Executor,
  auth: AuthContext,
  planId: string,
  item: { id: string; code: string | null; title: string; departmentIds: string[] },
) {
  const opinions = await repo.listSubmittedOpinionsOfItem(db, auth.municipalityId, planId, item.id);
  const groups = await readableOpinions(db, auth, {
    planId,
    opinions,
    departmentsOf: () => item.departmentIds,
    itemOf: () => ({ code: item.code, title: item.title }),
  });
  return groups.filter((g) => g.opinions.length > 0);
}
