import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { agencyMap } from "../agencies/service.js";
import { findUser, listUsers } from "../users/repository.js";
import { withMeeting } from "./access.js";
import { readMeeting } from "./read.js";
import * as repo from "./repository.js";
import type { AddMemberInput, PledgeInput } from "./schema.js";

/**
 * A meeting's roster (構成員), fixed per meeting and printed on its minutes: agency staff by their account (with the
 * agency they work for at the time) and outside experts by name and affiliation. Removing a member records when they
 * left; from the next request on they are an outsider to the meeting again (404), and any basis it gave them ends.
 */

export function addMember(db: Db, actor: RequestActor, meetingId: string, input: AddMemberInput) {
  return withMeeting(
    db,
    actor,
    meetingId,
    "member_add",
    async (tx, v) => {
      policies.manageMeeting(v.access);
      let agencyId: string | null = null;
      if (input.userId) {
        const user = await findUser(tx, actor.municipalityId, input.userId);
        if (!user || user.disabled || user.role !== "support_staff" || !user.agencyId)
          throw new ValidationError([{ field: "userId", message: "支援機関の職員から選んでください" }]);
        const current = await repo.ownMembership(tx, actor.municipalityId, meetingId, user.id);
        if (current && !current.leftAt) throw conflict("この職員は既にこの会議の構成員です");
        agencyId = user.agencyId;
      }
      const row = await repo.insertMember(tx, {
        municipalityId: actor.municipalityId,
        meetingId,
        userId: input.userId ?? null,
        agencyId,
        expertName: input.expert?.name ?? null,
        expertAffiliation: input.expert?.affiliation ?? null,
        expertRole: input.expert?.role ?? null,
        addedBy: actor.userId,
      });
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "member_add",
        entityType: "meeting",
        entityId: meetingId,
        basis: `meeting:${v.access}`,
        after: { memberId: row.id, userId: row.userId, agencyId, expert: input.expert ?? null },
      });
      return readMeeting(tx, actor, v);
    },
    { lock: true, content: true },
  );
}

export function removeMember(db: Db, actor: RequestActor, meetingId: string, memberId: string) {
  return withMeeting(
    db,
    actor,
    meetingId,
    "member_remove",
    async (tx, v) => {
      policies.manageMeeting(v.access);
      const member = await repo.findMember(tx, actor.municipalityId, meetingId, memberId);
      if (!member) throw notFound("構成員");
      if (!(await repo.markMemberLeft(tx, actor.municipalityId, memberId, actor.userId)))
        throw conflict("この構成員は既に外れています");
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "member_remove",
        entityType: "meeting",
        entityId: meetingId,
        basis: `meeting:${v.access}`,
        before: { memberId, userId: member.userId },
      });
      // the caller may have removed themselves: what they see now follows from the roster as it is
      const own = member.userId === actor.userId ? null : v.own;
      return readMeeting(tx, actor, { ...v, own });
    },
    { lock: true, content: true },
  );
}

/**
 * The confidentiality pledge (誓約) of one member for this meeting: a member signs their own (a 支援会議 member
 * does so before seeing anything of it); the secretariat records an outside expert's. The date is kept per meeting.
 */
export function recordPledge(db: Db, actor: RequestActor, meetingId: string, memberId: string, input: PledgeInput) {
  return withMeeting(
    db,
    actor,
    meetingId,
    "pledge",
    async (tx, v) => {
      const member = await repo.findMember(tx, actor.municipalityId, meetingId, memberId);
      if (!member || member.leftAt) throw notFound("構成員");
      policies.recordPledge(actor, v.access, member);
      if (input.pledgedOn > todayInJapan())
        throw new ValidationError([{ field: "pledgedOn", message: "誓約の日に未来の日付は入力できません" }]);
      const row = await repo.recordPledge(tx, actor.municipalityId, memberId, input.pledgedOn, actor.userId);
      if (!row) throw conflict("この構成員の誓約は既に記録されています");
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "pledge",
        entityType: "meeting",
        entityId: meetingId,
        basis: `meeting:${v.access}`,
        after: { memberId, pledgedOn: input.pledgedOn },
      });
      const own = row.userId === actor.userId ? row : v.own;
      // the member's own pledge opens the meeting to them in this same answer
      const access = own === row && v.access === "pledge_pending" ? "member" : v.access;
      return readMeeting(tx, actor, { ...v, own, access });
    },
    { lock: true },
  );
}

/**
 * The agency staff who may join the roster (active accounts of public agencies, not on it now): for the secretariat's
 * form. Staff names and agencies are the municipality's own organisation, not a person's data.
 */
export function memberCandidates(db: Db, actor: RequestActor, meetingId: string) {
  return withMeeting(
    db,
    actor,
    meetingId,
    "member_add",
    async (tx, v) => {
      policies.manageMeeting(v.access);
      const current = new Set(
        (await repo.listMembers(tx, actor.municipalityId, meetingId)).flatMap((m) =>
          m.userId && !m.leftAt ? [m.userId] : [],
        ),
      );
      const agencies = await agencyMap(tx, actor.municipalityId);
      const candidates = (await listUsers(tx, actor.municipalityId))
        .filter((u) => u.role === "support_staff" && !u.disabled && u.agencyId && !current.has(u.id))
        .map((u) => ({
          userId: u.id,
          name: u.displayName,
          agency: { id: u.agencyId as string, name: agencies.get(u.agencyId as string)?.name ?? "" },
        }))
        .sort((a, b) => a.agency.name.localeCompare(b.agency.name, "ja") || a.name.localeCompare(b.name, "ja"));
      return { candidates };
    },
    { content: true },
  );
}
