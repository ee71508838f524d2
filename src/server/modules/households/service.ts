import type { Db, Executor } from "../../db/client.js";
import { type AuditEntry, actorOf, recordAudit, recordAuditBatch } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { recordDenial, withVisible } from "../../platform/need-to-know.js";
import { type HouseholdBasis, policies } from "../../platform/policies.js";
import { agencyMap } from "../agencies/service.js";
import { presentCaseRef } from "../cases/presenter.js";
import { personBases, personRead } from "../persons/access.js";
import { presentHousehold, presentHouseholdSummary } from "./presenter.js";
import type { MemberView } from "./repository.js";
import * as repo from "./repository.js";
import type { CreateHouseholdInput, MemberInput } from "./schema.js";

/**
 * The household with the caller's need-to-know basis, or null (hidden: a committed "denied" record is written,
 * the caller answers 404).
 */
async function loadVisible(tx: Executor, actor: RequestActor, householdId: string, action: string) {
  const household = await repo.findHousehold(tx, actor.municipalityId, householdId);
  const householdCases = household ? await repo.listCasesOfHousehold(tx, actor.municipalityId, household.id) : [];
  const memberIds = household
    ? (await repo.listMembers(tx, actor.municipalityId, household.id)).map((m) => m.personId)
    : [];
  const bases = [...(await personBases(tx, actor, memberIds)).values()];
  const basis = household ? policies.householdBasis(actor, household, bases) : null;
  if (!household || !basis) {
    await recordDenial(tx, actor, { entityType: "household", entityId: householdId }, action);
    return null;
  }
  return { household, householdCases, basis };
}

async function present(
  tx: Executor,
  actor: AuthContext,
  loaded: { household: repo.HouseholdRow; householdCases: repo.HouseholdCaseView[]; basis: HouseholdBasis },
) {
  const members = await maskMembers(tx, actor, await repo.listMembers(tx, actor.municipalityId, loaded.household.id));
  const visibleCases = loaded.householdCases
    .filter((c) => policies.caseBasis(actor, c, c.teamAgencyIds))
    .map(presentCaseRef);
  return presentHousehold(
    loaded.household,
    members,
    await agencyMap(tx, actor.municipalityId),
    visibleCases,
    loaded.basis,
  );
}

/** Every member shown is a read of that person (basis "household:<id>"), written with the read. */
function memberReads(
  actor: RequestActor,
  household: { id: string; members: { personId: string; hidden: boolean }[] },
): AuditEntry[] {
  return household.members
    .filter((m) => !m.hidden)
    .map((m) => personRead(actor, m.personId, `household:${household.id}`));
}

/** A member must be a person the caller may see (need-to-know on persons); any other is "not found". */
async function checkPersons(tx: Executor, actor: AuthContext, members: MemberInput[], field: (i: number) => string) {
  const bases = await personBases(
    tx,
    actor,
    members.map((m) => m.personId),
  );
  for (const [i, m] of members.entries()) {
    if (!bases.has(m.personId)) throw new ValidationError([{ field: field(i), message: "対象者が見つかりません" }]);
  }
}

/**
 * A household shows in full only the members the caller has a basis for (policies.personBasis); the others keep
 * their place and 続柄 but not who they are. Everyone on a case of the household has a basis for all its members;
 * an agency that only registered the household may not, once others added members.
 */
async function maskMembers<M extends MemberView>(tx: Executor, actor: AuthContext, members: M[]) {
  const bases = await personBases(
    tx,
    actor,
    members.map((m) => m.personId),
  );
  return members.map((m) =>
    bases.has(m.personId) ? m : { ...m, nameKanji: null, nameKana: null, dateOfBirth: null, hidden: true },
  );
}

/**
 * Registers a household with its members inside the caller's transaction (also used when a case is opened for a
 * new household, so that both land together or not at all). `field` names an input field in error messages.
 */
export async function insertHouseholdWithMembers(
  tx: Executor,
  actor: RequestActor,
  input: CreateHouseholdInput,
  field: (name: string) => string = (name) => name,
) {
  policies.registerHouseholds(actor);
  await checkPersons(tx, actor, input.members, (i) => field(`members.${i}.personId`));
  const household = await repo.insertHousehold(tx, {
    municipalityId: actor.municipalityId,
    name: input.name,
    address: input.address,
    registeredByAgencyId: actor.agencyId as string,
    createdBy: actor.userId,
  });
  await repo.insertMembers(
    tx,
    input.members.map((m) => ({ municipalityId: actor.municipalityId, householdId: household.id, ...m })),
  );
  await recordAudit(tx, {
    ...actorOf(actor),
    action: "create",
    entityType: "household",
    entityId: household.id,
    basis: `agency:${actor.agencyId}`,
    after: { name: input.name, address: input.address, members: input.members },
  });
  return household;
}

export async function createHousehold(db: Db, actor: RequestActor, input: CreateHouseholdInput) {
  return db.transaction(async (tx) => {
    const household = await insertHouseholdWithMembers(tx, actor, input);
    return present(tx, actor, { household, householdCases: [], basis: "registrar" });
  });
}

type VisibleHousehold = NonNullable<Awaited<ReturnType<typeof loadVisible>>>;

/**
 * One request on a household the caller may see (hidden: the denial is committed and the answer is 404). `work`
 * makes the change, if any, and returns the household row to show with what the audit record says about it; the
 * record, the household as shown and a read of each member it names land in the same transaction.
 */
async function onHousehold(
  db: Db,
  actor: RequestActor,
  householdId: string,
  action: string,
  work: (tx: Executor, loaded: VisibleHousehold) => Promise<{ row: repo.HouseholdRow; audit: Partial<AuditEntry> }>,
) {
  return withVisible(
    db,
    (tx) => loadVisible(tx, actor, householdId, action),
    async (tx, loaded) => {
      const { row, audit } = await work(tx, loaded);
      await recordAudit(tx, {
        ...actorOf(actor),
        action,
        entityType: "household",
        entityId: householdId,
        basis: `household:${loaded.basis}`,
        ...audit,
      });
      const household = await present(tx, actor, { ...loaded, household: row });
      await recordAuditBatch(tx, memberReads(actor, household));
      return household;
    },
    () => notFound("世帯"),
  );
}

/** A member change moves the household's version (If-Match names the one the writer saw). */
async function touchHousehold(tx: Executor, actor: RequestActor, loaded: VisibleHousehold, version: number) {
  const touched = await repo.touchHousehold(tx, actor.municipalityId, loaded.household.id, version);
  if (!touched) throw staleVersion(loaded.household.version);
  return touched;
}

export function getHousehold(db: Db, actor: RequestActor, householdId: string) {
  return onHousehold(db, actor, householdId, "read", async (_tx, loaded) => ({ row: loaded.household, audit: {} }));
}

export function addMember(db: Db, actor: RequestActor, householdId: string, version: number, input: MemberInput) {
  return onHousehold(db, actor, householdId, "add_member", async (tx, loaded) => {
    if (loaded.household.version !== version) throw staleVersion(loaded.household.version);
    await checkPersons(tx, actor, [input], () => "personId");
    const members = await repo.listMembers(tx, actor.municipalityId, householdId);
    if (members.some((m) => m.personId === input.personId)) throw conflict("この人は既にこの世帯の世帯員です");
    if (input.relationship === "本人" && members.some((m) => m.relationship === "本人"))
      throw new ValidationError([{ field: "relationship", message: "続柄「本人」の世帯員は既にいます" }]);
    const row = await touchHousehold(tx, actor, loaded, version);
    await repo.insertMembers(tx, [
      { municipalityId: actor.municipalityId, householdId, ...input, addedBy: actor.userId },
    ]);
    return { row, audit: { after: input } };
  });
}

export function removeMember(db: Db, actor: RequestActor, householdId: string, personId: string, version: number) {
  return onHousehold(db, actor, householdId, "remove_member", async (tx, loaded) => {
    if (loaded.household.version !== version) throw staleVersion(loaded.household.version);
    const members = await repo.listMembers(tx, actor.municipalityId, householdId);
    const member = members.find((m) => m.personId === personId);
    if (!member) throw notFound("世帯員");
    if (loaded.householdCases.some((c) => c.mainPersonId === personId))
      throw conflict("この世帯員はケースの主たる対象者なので、世帯から外せません");
    const row = await touchHousehold(tx, actor, loaded, version);
    await repo.deleteMember(tx, actor.municipalityId, householdId, personId);
    return { row, audit: { before: { personId, relationship: member.relationship } } };
  });
}

/**
 * The households the caller needs to know (coordinators: all; staff: registered by their agency or on a case team
 * of their agency), optionally those of one person. Every member listed is a read in the audit trail.
 */
export async function listHouseholds(db: Db, actor: RequestActor, personId: string | undefined) {
  const { agencyId } = policies.householdListScope(actor);
  return db.transaction(async (tx) => {
    const candidates = await repo.listHouseholds(tx, actor.municipalityId, { agencyId, personId });
    const allMembers = await repo.listMembersOf(
      tx,
      actor.municipalityId,
      candidates.map((h) => h.id),
    );
    // the statement finds the households of the agency's cases; the policy keeps those it has a basis for
    const bases = await personBases(
      tx,
      actor,
      allMembers.map((m) => m.personId),
    );
    const rows = candidates.filter((h) =>
      policies.householdBasis(
        actor,
        h,
        allMembers.filter((m) => m.householdId === h.id).flatMap((m) => bases.get(m.personId) ?? []),
      ),
    );
    const members = await maskMembers(
      tx,
      actor,
      allMembers.filter((m) => rows.some((h) => h.id === m.householdId)),
    );
    const agencies = await agencyMap(tx, actor.municipalityId);
    const list = rows.map((h) =>
      presentHouseholdSummary(
        h,
        members.filter((m) => m.householdId === h.id),
        agencies,
      ),
    );
    await recordAuditBatch(
      tx,
      list.flatMap((h) => memberReads(actor, h)),
    );
    return list;
  });
}
