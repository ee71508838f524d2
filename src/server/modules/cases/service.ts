import { randomUUID } from "node:crypto";
import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit, recordAuditBatch } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { conflict, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as agenciesRepo from "../agencies/repository.js";
import { agencyMap } from "../agencies/service.js";
import { checkActiveConcerns } from "../concerns/service.js";
import { presentMember, sortMembers } from "../households/presenter.js";
import * as householdsRepo from "../households/repository.js";
import { insertHouseholdWithMembers } from "../households/service.js";
import { personBases, personRead } from "../persons/access.js";
import * as personsRepo from "../persons/repository.js";
import * as referralsRepo from "../referrals/repository.js";
import { type VisibleCase, withCase } from "./access.js";
import * as consentRepo from "./consent-repository.js";
import { presentConsent } from "./consents.js";
import { presentCase, presentCaseSummary, presentRestrictedCase } from "./presenter.js";
import * as repo from "./repository.js";
import type { CaseConsent, ListCasesQuery, OpenCaseInput, Phase } from "./schema.js";

/**
 * The consent a case starts with, from its referrals: given only when every referral records consent given (date
 * and method of the latest); otherwise not_given when one of them says so; otherwise unknown.
 */
export function initialConsent(refs: { consent: string; consentDate: string | null; consentMethod: string | null }[]) {
  if (refs.length && refs.every((r) => r.consent === "given")) {
    const latest = [...refs].sort((a, b) => (b.consentDate ?? "").localeCompare(a.consentDate ?? ""))[0];
    return {
      consent: "given" as CaseConsent,
      consentDate: latest?.consentDate ?? null,
      consentMethod: latest?.consentMethod ?? null,
    };
  }
  const consent: CaseConsent = refs.some((r) => r.consent === "not_given") ? "not_given" : "unknown";
  return { consent, consentDate: null, consentMethod: null };
}

/** A team agency must exist and be a public agency (registered providers send referrals, they are not on teams). */
export async function checkTeamAgency(tx: Executor, actor: AuthContext, field: string, agencyId: string) {
  const agency = await agenciesRepo.findAgency(tx, actor.municipalityId, agencyId);
  if (!agency) throw new ValidationError([{ field, message: "機関が見つかりません" }]);
  if (agency.kind === "provider")
    throw new ValidationError([{ field, message: "登録事業者はケースのチームに加えられません" }]);
  return agency;
}

/** The full case as the caller sees it; reading it is a read of every member shown (basis "case:<id>"). */
export async function readCase(tx: Executor, actor: RequestActor, visible: VisibleCase) {
  const { detail, reads } = await loadCaseDetail(tx, actor, visible);
  await recordAuditBatch(tx, reads);
  return detail;
}

/**
 * The case page's data, and the reads of personal data it makes (the case and each household member shown) as
 * audit entries, not yet written: readCase writes them in the same transaction (the benchmark times both halves).
 * A caller without a disclosure basis gets the case's existence, lead, phase and team only, and reads nobody.
 */
export async function loadCaseDetail(tx: Executor, actor: RequestActor, visible: VisibleCase) {
  const { c, team, basis, disclosure } = visible;
  const agencies = await agencyMap(tx, actor.municipalityId);
  if (!disclosure) {
    const read = { ...actorOf(actor), action: "read", entityType: "case", entityId: c.id, basis: "case:team;no_basis" };
    return { detail: presentRestrictedCase(c, team, agencies, basis), reads: [read] };
  }
  const household = await householdsRepo.findHousehold(tx, actor.municipalityId, c.householdId);
  if (!household) throw new Error("case without its household");
  const rows = await householdsRepo.listMembers(tx, actor.municipalityId, c.householdId);
  // each member is shown on their own basis: the main person's consent does not cover the rest of the household
  const bases = await personBases(
    tx,
    actor,
    rows.map((m) => m.personId),
  );
  const members = sortMembers(rows)
    .map((m) =>
      bases.has(m.personId) ? m : { ...m, nameKanji: null, nameKana: null, dateOfBirth: null, hidden: true },
    )
    .map(presentMember);
  const referralIds = await repo.listCaseReferralIds(tx, actor.municipalityId, c.id);
  const referrals: NonNullable<Awaited<ReturnType<typeof referralsRepo.findReferral>>>[] = [];
  for (const id of referralIds) {
    // one after the other: a transaction has one connection
    const referral = await referralsRepo.findReferral(tx, actor.municipalityId, id);
    if (referral) referrals.push(referral);
  }
  const events = await repo.listEvents(tx, actor.municipalityId, c.id);
  // the consents of the members shown (a hidden member's consents would tell who it is)
  const consentFacts = await consentRepo.listConsents(
    tx,
    actor.municipalityId,
    members.filter((m) => !m.hidden).map((m) => m.personId),
  );
  const detail = presentCase(c, {
    household: {
      id: household.id,
      name: household.name,
      address: household.address,
      version: household.version,
      members,
    },
    team,
    referrals,
    events,
    agencies,
    access: basis,
    disclosure,
    consents: consentFacts.map((f) => presentConsent(f, agencies)),
  });
  const memberBasis = (personId: string) => {
    const b = bases.get(personId);
    if (b?.kind === "consent") return `consent:${b.consentId}`;
    return b?.kind === "meeting" ? `art106_6:meeting:${b.meetingId}` : `case:${c.id}`;
  };
  const reads = [
    { ...actorOf(actor), action: "read", entityType: "case", entityId: c.id, basis: `case:${basis}` },
    ...members.filter((m) => !m.hidden).map((m) => personRead(actor, m.personId, memberBasis(m.personId))),
  ];
  return { detail, reads };
}

/**
 * The consent a case is opened with, as a consent record of its main person for the whole team. The method was
 * free text on the referral and the opening form: 書面 and 口頭 are kept as such, anything else as その他 with the text.
 */
async function recordOpeningConsent(
  tx: Executor,
  actor: RequestActor,
  c: repo.CaseRow,
  consent: { consentDate: string | null; consentMethod: string | null },
) {
  const method = consent.consentMethod === "書面" ? "written" : consent.consentMethod === "口頭" ? "oral" : "other";
  await consentRepo.insertConsent(
    tx,
    {
      id: randomUUID(),
      municipalityId: actor.municipalityId,
      personId: c.mainPersonId,
      caseId: c.id,
      scope: "team",
      givenOn: consent.consentDate,
      method,
      methodNote: method === "other" ? consent.consentMethod : null,
      note: "ケースを開いたときに確認した同意",
      recordedBy: actor.userId,
      recordedByAgencyId: actor.agencyId,
    },
    [],
  );
}

const referralTaken = () => conflict("指定したつなぐシートは既に別のケースになっています");

/**
 * A coordinator opens a case from referrals (all of the municipality are visible to coordinators), for a household
 * whose members the referrals are about. The lead agency is always on the team.
 */
export async function openCase(db: Db, actor: RequestActor, input: OpenCaseInput) {
  policies.openCases(actor);
  return db.transaction(async (tx) => {
    const household = input.household
      ? await insertHouseholdWithMembers(tx, actor, input.household, (name) => `household.${name}`)
      : await householdsRepo.findHousehold(tx, actor.municipalityId, input.householdId as string);
    if (!household) throw new ValidationError([{ field: "householdId", message: "世帯が見つかりません" }]);
    const members = await householdsRepo.listMembers(tx, actor.municipalityId, household.id);
    const memberIds = new Set(members.map((m) => m.personId));
    if (!memberIds.has(input.mainPersonId))
      throw new ValidationError([
        { field: "mainPersonId", message: "主たる対象者はこの世帯の世帯員から選んでください" },
      ]);
    const refs = [];
    for (const [i, id] of input.referralIds.entries()) {
      const r = await referralsRepo.findReferral(tx, actor.municipalityId, id);
      if (!r || !policies.referralBasis(actor, r))
        throw new ValidationError([{ field: `referralIds.${i}`, message: "つなぐシートが見つかりません" }]);
      if (!memberIds.has(r.personId))
        throw new ValidationError([
          { field: `referralIds.${i}`, message: "このつなぐシートの対象者はこの世帯の世帯員ではありません" },
        ]);
      refs.push(r);
    }
    if ((await repo.findLinkedReferrals(tx, actor.municipalityId, input.referralIds)).length) throw referralTaken();
    await checkTeamAgency(tx, actor, "leadAgencyId", input.leadAgencyId);
    for (const [i, id] of input.teamAgencyIds.entries()) await checkTeamAgency(tx, actor, `teamAgencyIds.${i}`, id);
    const teamIds = [...new Set([input.leadAgencyId, ...input.teamAgencyIds])];
    const referralConcerns = [...new Set(refs.flatMap((r) => r.concerns))];
    // The concerns of the referrals stay valid issues even when their category has been made inactive since.
    if (input.issues) await checkActiveConcerns(tx, actor.municipalityId, "issues", input.issues, referralConcerns);
    const issues = input.issues ?? referralConcerns;
    const consent = input.consent
      ? {
          consent: input.consent.consent,
          consentDate: input.consent.consentDate,
          consentMethod: input.consent.consentMethod,
        }
      : initialConsent(refs);
    const phase: Phase = "intake";
    const c = await repo.insertCase(tx, {
      municipalityId: actor.municipalityId,
      householdId: household.id,
      mainPersonId: input.mainPersonId,
      leadAgencyId: input.leadAgencyId,
      issues,
      phase,
      ...consent,
      openedBy: actor.userId,
    });
    // Another opening may have linked a referral since the check above (both ran at once): this one rolls back.
    const linked = await repo.insertCaseReferrals(
      tx,
      input.referralIds.map((referralId) => ({ municipalityId: actor.municipalityId, caseId: c.id, referralId })),
    );
    if (linked !== new Set(input.referralIds).size) throw referralTaken();
    await repo.insertTeam(
      tx,
      teamIds.map((agencyId) => ({
        municipalityId: actor.municipalityId,
        caseId: c.id,
        agencyId,
        addedBy: actor.userId,
      })),
    );
    // the consent confirmed at the opening (or carried by every referral) is the main person's, for the team
    if (consent.consent === "given") await recordOpeningConsent(tx, actor, c, consent);
    const who = {
      municipalityId: actor.municipalityId,
      caseId: c.id,
      byUserId: actor.userId,
      byAgencyId: actor.agencyId,
    };
    await repo.insertEvent(tx, {
      ...who,
      kind: "opened",
      phase,
      ...consent,
      issues,
      reason: "つなぐシートからケースを開始",
    });
    for (const agencyId of teamIds)
      await repo.insertEvent(tx, { ...who, kind: "team_added", subjectAgencyId: agencyId });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "case",
      entityId: c.id,
      basis: "case:coordinator",
      after: { ...input, issues, teamAgencyIds: teamIds, phase, ...consent },
    });
    return readCase(tx, actor, {
      c,
      team: await repo.listTeam(tx, actor.municipalityId, c.id),
      basis: "coordinator",
      disclosure: "case:coordinator",
      consentId: null,
      meetingId: null,
    });
  });
}

/** The cases of the caller's agency's teams (coordinators: all). Each row names its main person: a read. */
/**
 * One page of the cases the caller's agency is on the team of (coordinators: all), with the total; only the page
 * is read, so only its main persons are audited reads.
 */
export async function listCases(db: Db, actor: RequestActor, query: ListCasesQuery) {
  const { agencyId } = policies.caseListScope(actor);
  return db.transaction(async (tx) => {
    // the review filter is ホーム's count (home/support-side.ts) on the same day in Japan
    const reviewOverdueOn = query.review === "overdue" ? todayInJapan() : undefined;
    const scope = { agencyId, phase: query.phase, reviewOverdueOn };
    const { rows, total } = await repo.listCases(tx, actor.municipalityId, {
      ...scope,
      offset: query.offset,
      limit: query.limit,
    });
    const agencies = await agencyMap(tx, actor.municipalityId);
    // a row names its main person only to those with a disclosure basis (policies.caseDisclosure)
    const facts = agencyId
      ? await personsRepo.personFacts(
          tx,
          actor.municipalityId,
          { agencyId, userId: actor.userId },
          rows.map((r) => r.person.id),
        )
      : [];
    const shown = rows.map((r) => {
      const basis = policies.caseBasis(actor, r.case, r.teamAgencyIds);
      const fact = facts.find((f) => f.id === r.person.id);
      const disclosure = basis
        ? policies.caseDisclosure(basis, fact?.consentId ?? null, fact?.meetingId ?? null)
        : null;
      return { ...r, disclosure: disclosure === `case:${basis}` ? `case:${r.case.id}` : disclosure };
    });
    await recordAuditBatch(
      tx,
      shown.flatMap((r) => (r.disclosure ? [personRead(actor, r.person.id, r.disclosure)] : [])),
    );
    return {
      cases: shown.map((r) =>
        r.disclosure
          ? presentCaseSummary(r.case, r.household, r.person, r.teamAgencyIds, agencies)
          : presentCaseSummary(r.case, { id: r.household.id, name: null }, null, r.teamAgencyIds, agencies),
      ),
      total,
      offset: query.offset,
      limit: query.limit,
    };
  });
}

export async function getCase(db: Db, actor: RequestActor, caseId: string) {
  return withCase(db, actor, caseId, "read", (tx, visible) => readCase(tx, actor, visible));
}
