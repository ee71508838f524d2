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
import { personRead } from "../persons/access.js";
import * as referralsRepo from "../referrals/repository.js";
import { type VisibleCase, withCase } from "./access.js";
import { presentCase, presentCaseSummary } from "./presenter.js";
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
 * The case page's data, and the reads of personal data it makes (the case and each household member) as audit
 * entries, not yet written: readCase writes them in the same transaction (the benchmark times both halves).
 */
export async function loadCaseDetail(tx: Executor, actor: RequestActor, visible: VisibleCase) {
  const { c, team, basis } = visible;
  const household = await householdsRepo.findHousehold(tx, actor.municipalityId, c.householdId);
  if (!household) throw new Error("case without its household");
  const members = sortMembers(await householdsRepo.listMembers(tx, actor.municipalityId, c.householdId)).map(
    presentMember,
  );
  const referralIds = await repo.listCaseReferralIds(tx, actor.municipalityId, c.id);
  const referrals: NonNullable<Awaited<ReturnType<typeof referralsRepo.findReferral>>>[] = [];
  for (const id of referralIds) {
    // one after the other: a transaction has one connection
    const referral = await referralsRepo.findReferral(tx, actor.municipalityId, id);
    if (referral) referrals.push(referral);
  }
  const events = await repo.listEvents(tx, actor.municipalityId, c.id);
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
    agencies: await agencyMap(tx, actor.municipalityId),
    access: basis,
  });
  const reads = [
    { ...actorOf(actor), action: "read", entityType: "case", entityId: c.id, basis: `case:${basis}` },
    ...members.map((m) => personRead(actor, m.personId, `case:${c.id}`)),
  ];
  return { detail, reads };
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
    const scope = { agencyId, phase: query.phase };
    const { rows, total } = await repo.listCases(tx, actor.municipalityId, {
      ...scope,
      offset: query.offset,
      limit: query.limit,
    });
    const agencies = await agencyMap(tx, actor.municipalityId);
    await recordAuditBatch(
      tx,
      rows.map((r) => personRead(actor, r.person.id, `case:${r.case.id}`)),
    );
    return {
      cases: rows.map((r) => presentCaseSummary(r.case, r.household, r.person, r.teamAgencyIds, agencies)),
      total,
      offset: query.offset,
      limit: query.limit,
    };
  });
}

export async function getCase(db: Db, actor: RequestActor, caseId: string) {
  return withCase(db, actor, caseId, "read", (tx, visible) => readCase(tx, actor, visible));
}
