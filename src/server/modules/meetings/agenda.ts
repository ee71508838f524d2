import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { findCase } from "../cases/repository.js";
import { personBases } from "../persons/access.js";
import * as personsRepo from "../persons/repository.js";
import { findReferral } from "../referrals/repository.js";
import { type VisibleMeeting, withMeeting } from "./access.js";
import { readMeeting } from "./read.js";
import * as repo from "./repository.js";
import type { AddDecisionInput, AddSubjectInput } from "./schema.js";

/**
 * A meeting's agenda (議題) and decisions. A 支援会議 (art. 106-6) takes any case or person, consenting or not, for
 * anyone whether or not support has been decided. A consent-kind meeting (重層的支援会議) takes only cases the
 * municipality decided to support (支援決定) whose main person's consent covers the meeting date; the consent is
 * kept on the agenda item, and is the basis its reads name.
 */

const refuse = (field: string, message: string) => new ValidationError([{ field, message }]);
const NOT_FOUND = {
  caseId: "ケースが見つかりません",
  personId: "対象者が見つかりません",
  referralId: "つなぐシートが見つかりません",
};

/**
 * Whom the item is about: the person, the case's main person, or the person of a つなぐシート the caller holds (the
 * basis follows the person).
 */
async function subjectOf(tx: Executor, actor: RequestActor, v: VisibleMeeting, input: AddSubjectInput) {
  if (input.caseId) {
    const c = await findCase(tx, actor.municipalityId, input.caseId);
    if (!c) throw refuse("caseId", "ケースが見つかりません");
    return { field: "caseId", caseId: c.id, personId: c.mainPersonId, referralId: null };
  }
  if (input.referralId) {
    const referral = await findReferral(tx, actor.municipalityId, input.referralId);
    // only a sheet the caller itself may read (the coordinators hold every one)
    if (!referral || !policies.referralBasis(actor, referral))
      throw refuse("referralId", "つなぐシートが見つかりません");
    if (v.legalBasis !== "art106_6")
      throw refuse("referralId", "つなぐシートから議題にできるのは支援会議（第106条の6）だけです");
    return { field: "referralId", caseId: null, personId: referral.personId, referralId: referral.id };
  }
  if (v.legalBasis === "consent")
    throw refuse(
      "personId",
      "この会議（本人の同意に基づく会議）の議題はケースだけです（支援決定と本人の同意が必要です）",
    );
  const person = await personsRepo.findPerson(tx, actor.municipalityId, input.personId as string);
  if (!person) throw refuse("personId", "対象者が見つかりません");
  return { field: "personId", caseId: null, personId: person.id, referralId: null };
}

/** On a consent-kind meeting: the case's 支援決定 and the consent in force on the meeting date (its id). */
async function consentFor(tx: Executor, actor: RequestActor, v: VisibleMeeting, caseId: string, personId: string) {
  if (!(await repo.findSupportDecision(tx, actor.municipalityId, caseId)))
    throw refuse(
      "caseId",
      "このケースには支援決定が記録されていません（重層的支援会議は支援決定のあるケースだけを扱います）",
    );
  const consentId = await repo.consentCoveringDay(tx, actor.municipalityId, personId, v.m.heldOn);
  if (!consentId)
    throw refuse("caseId", `本人の同意が開催日（${v.m.heldOn}）に及んでいません（同意の日と撤回を確認してください）`);
  return consentId;
}

export function addSubject(db: Db, actor: RequestActor, meetingId: string, input: AddSubjectInput) {
  return withMeeting(
    db,
    actor,
    meetingId,
    "subject_add",
    async (tx, v) => {
      policies.manageMeeting(v.access);
      const subject = await subjectOf(tx, actor, v, input);
      // a secretariat outside the coordinators puts on the agenda only persons it has a basis for
      if (v.access !== "coordinator" && !(await personBases(tx, actor, [subject.personId])).has(subject.personId))
        throw refuse(subject.field, NOT_FOUND[subject.field as keyof typeof NOT_FOUND]);
      const consentId =
        v.legalBasis === "consent" && subject.caseId
          ? await consentFor(tx, actor, v, subject.caseId, subject.personId)
          : null;
      const current = (await repo.listSubjects(tx, actor.municipalityId, meetingId)).filter((s) => !s.removedAt);
      if (current.some((s) => s.personId === subject.personId && s.caseId === subject.caseId))
        throw conflict("既に議題に入っています");
      const row = await repo.insertSubject(tx, {
        municipalityId: actor.municipalityId,
        meetingId,
        caseId: subject.caseId,
        personId: subject.personId,
        consentId,
        referralId: subject.referralId,
        addedBy: actor.userId,
      });
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "subject_add",
        entityType: "meeting",
        entityId: meetingId,
        basis: `meeting:${v.access}`,
        after: { subjectId: row.id, caseId: row.caseId, personId: row.personId, consentId, referralId: row.referralId },
      });
      return readMeeting(tx, actor, v);
    },
    { lock: true, content: true },
  );
}

export function removeSubject(db: Db, actor: RequestActor, meetingId: string, subjectId: string) {
  return withMeeting(
    db,
    actor,
    meetingId,
    "subject_remove",
    async (tx, v) => {
      policies.manageMeeting(v.access);
      const subject = await repo.findSubject(tx, actor.municipalityId, meetingId, subjectId);
      if (!subject) throw notFound("議題");
      if (!(await repo.markSubjectRemoved(tx, actor.municipalityId, subjectId, actor.userId)))
        throw conflict("この議題は既に外れています");
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "subject_remove",
        entityType: "meeting",
        entityId: meetingId,
        basis: `meeting:${v.access}`,
        before: { subjectId, caseId: subject.caseId, personId: subject.personId },
      });
      return readMeeting(tx, actor, v);
    },
    { lock: true, content: true },
  );
}

export function addDecision(db: Db, actor: RequestActor, meetingId: string, input: AddDecisionInput) {
  return withMeeting(
    db,
    actor,
    meetingId,
    "decision_add",
    async (tx, v) => {
      policies.manageMeeting(v.access);
      if (input.subjectId) {
        const subject = await repo.findSubject(tx, actor.municipalityId, meetingId, input.subjectId);
        if (!subject || subject.removedAt) throw refuse("subjectId", "この会議の議題から選んでください");
      }
      if (v.m.heldOn > todayInJapan()) throw refuse("text", "決定事項は開催日の後に記録してください");
      const row = await repo.insertDecision(tx, {
        municipalityId: actor.municipalityId,
        meetingId,
        subjectId: input.subjectId,
        text: input.text,
        createdBy: actor.userId,
      });
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "decision_add",
        entityType: "meeting",
        entityId: meetingId,
        basis: `meeting:${v.access}`,
        after: { decisionId: row.id, subjectId: row.subjectId, length: row.text.length },
      });
      return readMeeting(tx, actor, v);
    },
    { lock: true, content: true },
  );
}
