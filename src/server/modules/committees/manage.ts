/**
 * The plan office keeps a plan's committees: kind, name, the constituent-plan marks a committee covers and its
 * members with terms, as one record changed under its version (If-Match). Members are plan-side accounts: the
 * citizens' 推進委員会 and its 小委員会 seat viewers, the internal 推進会議 the city's own staff as well.
 */
import { SIDE_OF_ROLE } from "../../../domain/access/principals.js";
import { todayInJapan } from "../../../domain/japanese-date.js";
import { COMMITTEE_FIELD_LABELS } from "../../../domain/labels/committees.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { loadPlanOr404 } from "../plans/service.js";
import { presentCommittee } from "./presenter.js";
import * as repo from "./repository.js";
import type { CommitteeInput } from "./schema.js";

/** Members must be active plan-side accounts; the citizens' committees seat viewers only. */
async function checkMembers(tx: Executor, municipalityId: string, input: CommitteeInput) {
  const found = new Map(
    (
      await repo.usersWithIds(
        tx,
        municipalityId,
        input.members.map((m) => m.userId),
      )
    ).map((u) => [u.id, u]),
  );
  const problems = input.members.flatMap((m, i) => {
    const u = found.get(m.userId);
    const field = `members.${i}.userId`;
    if (!u || u.disabled || SIDE_OF_ROLE[u.role] !== "plan")
      return [{ field, message: "計画側の利用者を選んでください" }];
    if (input.kind !== "internal_council" && u.role !== "viewer")
      return [{ field, message: "推進委員会・小委員会の委員は閲覧者の利用者を選んでください" }];
    return [];
  });
  if (problems.length) throw new ValidationError(problems);
}

async function uniqueName(tx: Executor, municipalityId: string, planId: string, name: string, self?: string) {
  const same = (await repo.listCommittees(tx, municipalityId, planId)).find((c) => c.name === name && c.id !== self);
  if (same)
    throw new ValidationError([{ field: "name", message: `${COMMITTEE_FIELD_LABELS.name}「${name}」は既にあります` }]);
}

const snapshot = (c: Pick<repo.CommitteeRow, "kind" | "name" | "marks">, members: CommitteeInput["members"]) => ({
  kind: c.kind,
  name: c.name,
  marks: c.marks,
  members: members.map((m) => ({ userId: m.userId, termFrom: m.termFrom, termTo: m.termTo ?? null })),
});

/** The committees of a plan: all of them with members for the plan office, a member's own (in term) otherwise. */
export async function listCommittees(db: Db, actor: RequestActor, planId: string) {
  policies.readPlans(actor);
  await loadPlanOr404(db, actor, planId);
  const today = todayInJapan();
  const all = await repo.listCommittees(db, actor.municipalityId, planId);
  const mine = new Map(
    (await repo.membershipsOf(db, actor.municipalityId, actor.userId)).map((m) => [m.committeeId, m]),
  );
  const visible = all.filter((c) => policies.committeeBasis(actor, mine.get(c.id) ?? null, today) !== null);
  const office = visible.length > 0 && policies.committeeBasis(actor, null, today) === "office";
  const members = office
    ? await repo.listMembers(
        db,
        actor.municipalityId,
        visible.map((c) => c.id),
      )
    : null;
  return visible.map((c) => presentCommittee(c, members, today));
}

export async function createCommittee(db: Db, actor: RequestActor, planId: string, input: CommitteeInput) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    await loadPlanOr404(tx, actor, planId);
    await uniqueName(tx, actor.municipalityId, planId, input.name);
    await checkMembers(tx, actor.municipalityId, input);
    const count = (await repo.listCommittees(tx, actor.municipalityId, planId)).length;
    const row = await repo.insertCommittee(tx, {
      municipalityId: actor.municipalityId,
      planId,
      kind: input.kind,
      name: input.name,
      marks: input.marks,
      sortOrder: count,
    });
    await repo.replaceMembers(tx, actor.municipalityId, row.id, membersOf(input));
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "committee",
      entityId: row.id,
      after: snapshot(row, input.members),
    });
    return presentCommittee(row, await repo.listMembers(tx, actor.municipalityId, [row.id]), todayInJapan());
  });
}

export async function updateCommittee(
  db: Db,
  actor: RequestActor,
  committeeId: string,
  version: number,
  input: CommitteeInput,
) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    const before = await repo.findCommittee(tx, actor.municipalityId, committeeId, true);
    if (!before) throw notFound("委員会");
    if (before.version !== version) throw staleVersion(before.version);
    await uniqueName(tx, actor.municipalityId, before.planId, input.name, committeeId);
    await checkMembers(tx, actor.municipalityId, input);
    const beforeMembers = await repo.listMembers(tx, actor.municipalityId, [committeeId]);
    const after = await repo.updateCommittee(tx, actor.municipalityId, committeeId, version, {
      kind: input.kind,
      name: input.name,
      marks: input.marks,
    });
    if (!after) throw staleVersion(before.version);
    await repo.replaceMembers(tx, actor.municipalityId, committeeId, membersOf(input));
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "committee",
      entityId: committeeId,
      before: snapshot(before, beforeMembers),
      after: snapshot(after, input.members),
    });
    return presentCommittee(after, await repo.listMembers(tx, actor.municipalityId, [committeeId]), todayInJapan());
  });
}

const membersOf = (input: CommitteeInput) =>
  input.members.map((m) => ({ userId: m.userId, termFrom: m.termFrom, termTo: m.termTo ?? null }));
