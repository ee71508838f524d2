import { randomUUID } from "node:crypto";
import { todayInJapan } from "../../../domain/japanese-date.js";
import {
  CONSENT_METHOD_LABELS,
  CONSENT_SCOPE_LABELS,
  type ConsentMethod,
  type ConsentScope,
} from "../../../domain/labels/support.js";
import type { Db, Executor } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { type AgencyMap, agencyRef, agencyRefOrNull } from "../agencies/presenter.js";
import * as householdsRepo from "../households/repository.js";
import type { VisibleCase } from "./access.js";
import * as consentRepo from "./consent-repository.js";
import type { RecordConsentInput, WithdrawConsentInput } from "./consent-schema.js";
import { type CaseChange, changeCase } from "./lifecycle.js";
import { checkTeamAgency } from "./service.js";

/**
 * Consents (本人同意) recorded on a case: the coordinators or the lead agency record that a member of the case's
 * household agreed to share their information (with the team, or with named agencies), and later that the person
 * withdrew it. Both are facts that are never changed; the case's own consent line (the main person's, shown in the
 * list) follows them and its history keeps every step. Access follows at the next request (policies.caseDisclosure).
 */

const methodWords = (method: string, note: string | null) =>
  note
    ? `${CONSENT_METHOD_LABELS[method as ConsentMethod] ?? method}（${note}）`
    : (CONSENT_METHOD_LABELS[method as ConsentMethod] ?? method);

/** The case's consent line after a change of the main person's consents, or nothing when it stays. */
async function mainPersonLine(tx: Executor, actor: RequestActor, c: VisibleCase["c"], withdrawnNow?: string) {
  const facts = await consentRepo.listConsents(tx, actor.municipalityId, [c.mainPersonId]);
  const inForce = facts.filter((f) => !f.withdrawal && f.consent.id !== withdrawnNow);
  const latest = inForce.at(-1)?.consent;
  if (latest)
    return {
      consent: "given" as const,
      consentDate: latest.givenOn,
      consentMethod: methodWords(latest.method, latest.methodNote),
    };
  return facts.length ? { consent: "withdrawn" as const, consentDate: todayInJapan(), consentMethod: null } : null;
}

export function recordConsent(db: Db, actor: RequestActor, caseId: string, version: number, input: RecordConsentInput) {
  const decide = async (tx: Executor, { c }: VisibleCase): Promise<CaseChange> => {
    const members = await householdsRepo.listMembers(tx, actor.municipalityId, c.householdId);
    if (!members.some((m) => m.personId === input.personId))
      throw new ValidationError([{ field: "personId", message: "このケースの世帯員から選んでください" }]);
    if (input.givenOn > todayInJapan())
      throw new ValidationError([{ field: "givenOn", message: "同意を得た日に未来の日付は入力できません" }]);
    for (const [i, agencyId] of input.agencyIds.entries()) await checkTeamAgency(tx, actor, `agencyIds.${i}`, agencyId);
    const id = randomUUID();
    const record = {
      personId: input.personId,
      scope: input.scope,
      agencyIds: input.agencyIds,
      givenOn: input.givenOn,
      method: input.method,
      methodNote: input.methodNote,
      note: input.note,
    };
    const line =
      input.personId === c.mainPersonId
        ? {
            consent: "given" as const,
            consentDate: input.givenOn,
            consentMethod: methodWords(input.method, input.methodNote),
          }
        : null;
    return {
      values: line ?? {},
      alsoWrite: (tx) =>
        consentRepo.insertConsent(
          tx,
          {
            id,
            municipalityId: actor.municipalityId,
            personId: input.personId,
            caseId,
            scope: input.scope,
            givenOn: input.givenOn,
            method: input.method,
            methodNote: input.methodNote,
            note: input.note,
            recordedBy: actor.userId,
            recordedByAgencyId: actor.agencyId,
          },
          input.agencyIds,
        ),
      events: line ? [{ kind: "consent", ...line, reason: input.note }] : [],
      audit: { after: { id, ...record } },
      entity: { type: "consent", id },
    };
  };
  return changeCase(db, actor, caseId, version, "consent", decide, ({ basis }) => policies.manageConsents(basis));
}

export function withdrawConsent(
  db: Db,
  actor: RequestActor,
  caseId: string,
  consentId: string,
  version: number,
  input: WithdrawConsentInput,
) {
  const decide = async (tx: Executor, { c }: VisibleCase): Promise<CaseChange> => {
    const consent = await consentRepo.findConsent(tx, actor.municipalityId, consentId);
    const members = await householdsRepo.listMembers(tx, actor.municipalityId, c.householdId);
    // a consent of someone outside the case's household is not this case's to withdraw
    if (!consent || !members.some((m) => m.personId === consent.personId)) throw notFound("本人同意");
    if (input.withdrawnOn > todayInJapan())
      throw new ValidationError([{ field: "withdrawnOn", message: "撤回の日に未来の日付は入力できません" }]);
    if (consent.givenOn && input.withdrawnOn < consent.givenOn)
      throw new ValidationError([{ field: "withdrawnOn", message: "撤回の日は同意を得た日より後にしてください" }]);
    const [fact] = (await consentRepo.listConsents(tx, actor.municipalityId, [consent.personId])).filter(
      (f) => f.consent.id === consentId,
    );
    if (fact?.withdrawal) throw conflict("この同意は既に撤回されています");
    const line = consent.personId === c.mainPersonId ? await mainPersonLine(tx, actor, c, consentId) : null;
    const values = line?.consent === "withdrawn" ? { ...line, consentDate: input.withdrawnOn } : null;
    return {
      values: values ?? {},
      alsoWrite: async (tx) => {
        const withdrawn = await consentRepo.insertWithdrawal(tx, {
          municipalityId: actor.municipalityId,
          consentId,
          withdrawnOn: input.withdrawnOn,
          reason: input.reason,
          recordedBy: actor.userId,
          recordedByAgencyId: actor.agencyId,
        });
        if (!withdrawn) throw conflict("この同意は既に撤回されています");
      },
      events: values ? [{ kind: "consent", ...values, reason: input.reason }] : [],
      audit: { before: { id: consentId }, after: { withdrawnOn: input.withdrawnOn, reason: input.reason } },
      entity: { type: "consent", id: consentId },
    };
  };
  return changeCase(db, actor, caseId, version, "withdraw", decide, ({ basis }) => policies.manageConsents(basis));
}

/** A consent as the case page shows it: whose, for whom, when and how, who recorded it, and its withdrawal. */
export function presentConsent(f: consentRepo.ConsentFact, agencies: AgencyMap) {
  const { consent: c, withdrawal: w } = f;
  return {
    id: c.id,
    personId: c.personId,
    caseId: c.caseId,
    referralId: c.referralId,
    scope: c.scope as ConsentScope,
    scopeLabel: CONSENT_SCOPE_LABELS[c.scope as ConsentScope] ?? c.scope,
    agencies: f.agencyIds.map((id) => agencyRef(agencies, id)),
    givenOn: c.givenOn,
    method: c.method as ConsentMethod,
    methodLabel: methodWords(c.method, c.methodNote),
    note: c.note,
    recordedBy: c.recordedBy,
    recordedByAgency: agencyRefOrNull(agencies, c.recordedByAgencyId),
    recordedAt: c.recordedAt,
    withdrawal: w
      ? {
          withdrawnOn: w.withdrawnOn,
          reason: w.reason,
          recordedBy: w.recordedBy,
          recordedByAgency: agencyRefOrNull(agencies, w.recordedByAgencyId),
          recordedAt: w.recordedAt,
        }
      : null,
  };
}
export type CaseConsentRecord = ReturnType<typeof presentConsent>;
