import { randomUUID } from "node:crypto";
import { todayInJapan } from "../../../domain/japanese-date.js";
import { REFERRAL_STATUS_LABELS } from "../../../domain/labels/support.js";
import type { Db, Executor } from "../../db/client.js";
import { type Actor, actorOf, recordAudit, recordAuditBatch } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as agenciesRepo from "../agencies/repository.js";
import { agencyMap } from "../agencies/service.js";
import { insertConsent } from "../cases/consent-repository.js";
import { presentCaseRef } from "../cases/presenter.js";
import { checkActiveConcerns } from "../concerns/service.js";
import { referralAnswered, referralArrived } from "../notices/events.js";
import { personBases, personRead } from "../persons/access.js";
import { presentPerson } from "../persons/presenter.js";
import * as personsRepo from "../persons/repository.js";
import { meetingsShown, onReferral, presentShown, readBasis } from "./access.js";
import { presentEvent, presentReferral } from "./presenter.js";
import * as repo from "./repository.js";
import {
  type CreateReferralInput,
  type ListFilter,
  type ReferralStatus,
  TRANSITIONS,
  type TransitionInput,
} from "./schema.js";

/** A receiving agency must exist, be a public window (providers only send) and not be the sender itself. */
async function checkReceiver(tx: Executor, actor: AuthContext, field: string, agencyId: string) {
  const agency = await agenciesRepo.findAgency(tx, actor.municipalityId, agencyId);
  if (!agency) throw new ValidationError([{ field, message: "送付先の機関が見つかりません" }]);
  if (agency.kind === "provider") throw new ValidationError([{ field, message: "登録事業者には送付できません" }]);
  return agency;
}

/**
 * Without the person's consent a referral goes to the 多機関協働 coordinators only, or to a 支援会議 through them (they
 * put it on a meeting's agenda): they may look at it under the municipality's duty of confidentiality, the meeting's
 * members under theirs; another agency would read the person's data on no basis at all.
 */
const withoutConsentToCoordinators = (field: string) =>
  new ValidationError([
    {
      field,
      message:
        "本人の同意がないつなぐシートは、多機関協働（調整役）か支援会議にだけ送れます。送付先を選び直してください",
    },
  ]);

/**
 * The consent a referral records, as a consent record naming its receiver (the coordinator agencies when it goes to
 * the coordinators): the person agreed to tell that agency, not every agency the referral may reach later.
 */
async function recordReferralConsent(tx: Executor, actor: RequestActor, referral: repo.ReferralRow) {
  const receivers = referral.toAgencyId
    ? [referral.toAgencyId]
    : (await agenciesRepo.listAgencies(tx, actor.municipalityId)).filter((a) => a.isCoordinator).map((a) => a.id);
  const method = referral.consentMethod === "書面" ? "written" : referral.consentMethod === "口頭" ? "oral" : "other";
  await insertConsent(
    tx,
    {
      id: randomUUID(),
      municipalityId: actor.municipalityId,
      personId: referral.personId,
      referralId: referral.id,
      scope: "agencies",
      givenOn: referral.consentDate,
      method,
      methodNote: method === "other" ? referral.consentMethod : null,
      recordedBy: actor.userId,
      recordedByAgencyId: actor.agencyId,
    },
    receivers,
  );
}

export async function createReferral(db: Db, actor: RequestActor, input: CreateReferralInput) {
  policies.sendReferrals(actor);
  const fromAgencyId = actor.agencyId as string;
  return db.transaction(async (tx) => {
    // only a person the caller may see (a provider: one its agency registered); any other is "not found"
    if (!(await personBases(tx, actor, [input.personId])).has(input.personId)) {
      throw new ValidationError([{ field: "personId", message: "対象者が見つかりません" }]);
    }
    await checkActiveConcerns(tx, actor.municipalityId, "concerns", input.concerns);
    if (input.toAgencyId) {
      const receiver = await checkReceiver(tx, actor, "toAgencyId", input.toAgencyId);
      if (input.toAgencyId === fromAgencyId)
        throw new ValidationError([{ field: "toAgencyId", message: "自機関には送付できません" }]);
      if (input.consent !== "given" && !receiver.isCoordinator) throw withoutConsentToCoordinators("toAgencyId");
    }
    const referral = await repo.insertReferral(tx, {
      municipalityId: actor.municipalityId,
      ...input,
      fromAgencyId,
      status: "sent",
      createdBy: actor.userId,
    });
    await repo.insertEvent(tx, {
      municipalityId: actor.municipalityId,
      referralId: referral.id,
      status: "sent",
      byUserId: actor.userId,
      agencyId: fromAgencyId,
      reason: null,
    });
    if (input.consent === "given") await recordReferralConsent(tx, actor, referral);
    await referralArrived(tx, actor.municipalityId, referral);
    const presented = presentReferral(referral, await agencyMap(tx, actor.municipalityId), todayInJapan());
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "referral",
      entityId: referral.id,
      basis: `agency:${fromAgencyId}`,
      after: { ...presented, version: undefined, createdAt: undefined, updatedAt: undefined, overdue: undefined },
    });
    return presented;
  });
}

/**
 * The referrals the caller needs to know about (see policies.referralBasis). Each row names its person, so each
 * row is a read of that person in the audit trail (basis "referral:<id>").
 */
export async function listReferrals(db: Db, actor: RequestActor, filter: ListFilter) {
  const scope: repo.ReferralScope = policies.referralListScope(actor);
  const today = todayInJapan();
  return db.transaction(async (tx) => {
    const rows = await repo.listReferrals(tx, actor.municipalityId, scope, {
      status: filter === "overdue" ? undefined : filter,
      overdueBefore: filter === "overdue" ? today : undefined,
    });
    const agencies = await agencyMap(tx, actor.municipalityId);
    const bases = await personBases(
      tx,
      actor,
      rows.map(({ referral }) => referral.personId),
    );
    const shown = rows.map((row) => ({
      ...row,
      basis: readBasis(actor, row.referral, bases.get(row.referral.personId)),
    }));
    await recordAuditBatch(
      tx,
      shown.flatMap(({ referral, basis }) => (basis ? [personRead(actor, referral.personId, basis)] : [])),
    );
    return shown.map(({ referral, person, basis }) => ({
      ...presentShown(presentReferral(referral, agencies, today), basis !== null),
      person: basis ? { id: person.id, nameKanji: person.nameKanji, nameKana: person.nameKana } : null,
    }));
  });
}

/** One referral with its person and its whole history. */
export async function getReferral(db: Db, actor: RequestActor, referralId: string) {
  return onReferral(db, actor, referralId, "read", async (tx, referral, basis, agendaMeetingId) => {
    const person = await personsRepo.findPerson(tx, actor.municipalityId, referral.personId);
    if (!person) throw new Error("referral without its person");
    const personBasis = readBasis(
      actor,
      referral,
      (await personBases(tx, actor, [person.id])).get(person.id),
      agendaMeetingId,
    );
    const events = await repo.listEvents(tx, actor.municipalityId, [referral.id]);
    const agencies = await agencyMap(tx, actor.municipalityId);
    // the case it became, named only to those who may open that case (a provider never learns of it)
    const linked = await repo.findCaseOfReferral(tx, actor.municipalityId, referral.id);
    const caseVisible = linked && policies.caseBasis(actor, linked, linked.teamAgencyIds) !== null;
    if (personBasis) await recordAudit(tx, personRead(actor, person.id, personBasis));
    const presented = presentReferral(referral, agencies, todayInJapan());
    return {
      ...presentShown(presented, personBasis !== null),
      access: basis,
      /** null: a receiver without the person's consent sees that the referral exists, not whom it is about */
      person: personBasis ? presentPerson(person) : null,
      events: events.map((e) => presentEvent(e, agencies)),
      case: linked && caseVisible ? presentCaseRef(linked) : null,
      meetings: await meetingsShown(tx, actor, referral.id, basis, agendaMeetingId),
    };
  });
}

/**
 * Moves a referral: the receiver or a coordinator does it; the sender reads the outcome (403 when it tries).
 * The version (If-Match) must be current; the event and the audit record are written in the same transaction.
 */
export async function transitionReferral(
  db: Db,
  actor: RequestActor,
  referralId: string,
  version: number,
  input: TransitionInput,
) {
  return onReferral(db, actor, referralId, "transition", async (tx, referral, basis) => {
    policies.transitionReferral(basis);
    if (referral.version !== version) throw staleVersion(referral.version);
    const from = referral.status as ReferralStatus;
    if (!TRANSITIONS[from]?.includes(input.to)) {
      throw new ValidationError([
        {
          field: "to",
          message: `「${REFERRAL_STATUS_LABELS[from] ?? from}」から「${REFERRAL_STATUS_LABELS[input.to]}」には進められません`,
        },
      ]);
    }
    let toAgencyId = referral.toAgencyId;
    if (input.to === "forwarded" && input.toAgencyId) {
      const receiver = await checkReceiver(tx, actor, "toAgencyId", input.toAgencyId);
      if (input.toAgencyId === referral.toAgencyId || input.toAgencyId === referral.fromAgencyId) {
        throw new ValidationError([{ field: "toAgencyId", message: "今の送付先・送付元には転送できません" }]);
      }
      if (referral.consent !== "given" && !receiver.isCoordinator) throw withoutConsentToCoordinators("toAgencyId");
      toAgencyId = input.toAgencyId;
    }
    // handed to the coordinators: the referral goes back to the coordinators' box, whoever had it
    if (input.to === "forwarded" && input.toCoordinators) {
      if (referral.toAgencyId === null)
        throw new ValidationError([{ field: "toCoordinators", message: "既に多機関協働に送られています" }]);
      toAgencyId = null;
    }
    const after = await repo.updateReferral(tx, actor.municipalityId, referralId, version, {
      status: input.to,
      toAgencyId,
    });
    if (!after) throw staleVersion(referral.version);
    // forwarded: it arrives at its new receiver; any other move is the receiver's answer to the sender
    if (input.to === "forwarded") await referralArrived(tx, actor.municipalityId, after);
    else await referralAnswered(tx, actor.municipalityId, after);
    await repo.insertEvent(tx, {
      municipalityId: actor.municipalityId,
      referralId,
      status: input.to,
      byUserId: actor.userId,
      agencyId: input.to === "forwarded" ? toAgencyId : actor.agencyId,
      reason: input.reason,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "transition",
      entityType: "referral",
      entityId: referralId,
      basis,
      before: { status: referral.status, toAgencyId: referral.toAgencyId },
      after: { status: after.status, toAgencyId: after.toAgencyId, reason: input.reason },
    });
    const events = await repo.listEvents(tx, actor.municipalityId, [referralId]);
    const agencies = await agencyMap(tx, actor.municipalityId);
    const sees = readBasis(actor, referral, (await personBases(tx, actor, [referral.personId])).get(referral.personId));
    return {
      ...presentShown(presentReferral(after, agencies, todayInJapan()), sees !== null),
      access: basis,
      events: events.map((e) => presentEvent(e, agencies)),
    };
  });
}

/**
 * Operator listing (CLI): no personal data (no names, no observations), so operators can pipe it into logs.
 * Only an operator command (no user row) may call it.
 */
export async function listReferralsAsOperator(
  db: Db,
  operator: Actor & { municipalityId: string },
  filter: ListFilter,
) {
  policies.listReferralsAsOperator(operator);
  const today = todayInJapan();
  return db.transaction(async (tx) => {
    const rows = await repo.listReferrals(
      tx,
      operator.municipalityId,
      { all: true },
      {
        status: filter === "overdue" ? undefined : filter,
        overdueBefore: filter === "overdue" ? today : undefined,
      },
    );
    const agencies = await agencyMap(tx, operator.municipalityId);
    await recordAudit(tx, {
      ...actorOf(operator),
      action: "read",
      entityType: "referral",
      entityId: null,
      basis: `cli:list:${filter ?? "all"}`,
      after: { count: rows.length },
    });
    return rows.map(({ referral }) => {
      const p = presentReferral(referral, agencies, today);
      return {
        id: p.id,
        status: p.status,
        statusLabel: p.statusLabel,
        urgency: p.urgency,
        dueDate: p.dueDate,
        overdue: p.overdue,
        from: p.fromAgency?.name ?? null,
        to: p.toLabel,
      };
    });
  });
}
