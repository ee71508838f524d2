import { findDuplicateCandidates } from "../../../domain/persons/duplicates.js";
import { normalizeKana } from "../../../domain/persons/kana.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit, recordAuditBatch } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, ValidationError } from "../../platform/errors.js";
import { type PersonBasis, personPolicies, policies } from "../../platform/policies.js";
import { auditBasis, personBases, personRead } from "./access.js";
import { presentLink, presentPerson } from "./presenter.js";
import * as repo from "./repository.js";
import type { CreatePersonInput } from "./schema.js";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** What the audit trail keeps of a person record. */
const auditable = (p: repo.PersonRow) => ({ ...presentPerson(p), id: undefined, version: undefined });

/**
 * Registers a person and offers the records that may be the same person (the staff decide, and link them;
 * records are never merged). Candidates come from indexed range scans: the nearest readings with the same first
 * two letters, and the same date of birth. Staff see who the candidates are that they have a basis for (each one a
 * read in the audit trail); of the others, and a provider of all, only that similar records exist and why.
 */
export async function createPerson(db: Db, actor: RequestActor, input: CreatePersonInput) {
  policies.registerPersons(actor);
  const kanaKey = normalizeKana(input.nameKana);
  if (!kanaKey) throw new ValidationError([{ field: "nameKana", message: "ふりがなを入力してください" }]);
  return db.transaction(async (tx) => {
    const pool = await repo.findDuplicatePool(
      tx,
      actor.municipalityId,
      kanaKey,
      escapeLike(Array.from(kanaKey).slice(0, 2).join("")),
      input.dateOfBirth,
    );
    const candidates = findDuplicateCandidates(
      { nameKanji: input.nameKanji, nameKana: input.nameKana, dateOfBirth: input.dateOfBirth },
      pool,
      { limit: 10 },
    );
    const person = await repo.insertPerson(tx, {
      municipalityId: actor.municipalityId,
      ...input,
      kanaKey,
      createdByAgencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "person",
      entityId: person.id,
      basis: `agency:${actor.agencyId}`,
      after: auditable(person),
    });
    // who a candidate is, only to staff with a basis for that candidate (each one a read in the audit trail)
    const bases = personPolicies.namesDuplicateCandidates(actor)
      ? await personBases(
          tx,
          actor,
          candidates.map((c) => c.person.id),
        )
      : new Map<string, PersonBasis>();
    const named = candidates.filter((c) => bases.has(c.person.id));
    await recordAuditBatch(
      tx,
      named.map((c) =>
        personRead(actor, c.person.id, auditBasis("duplicate_check", bases.get(c.person.id) as PersonBasis), {
          registered: person.id,
        }),
      ),
    );
    return {
      person: presentPerson(person),
      duplicateCandidates: candidates.map((c) =>
        bases.has(c.person.id)
          ? { person: presentPerson(c.person), score: c.score, reasons: c.reasons }
          : { score: c.score, reasons: c.reasons },
      ),
    };
  });
}

/** The staff say two records are one person: linked with a reason, never merged. */
export async function linkPersons(
  db: Db,
  actor: RequestActor,
  personId: string,
  input: { otherPersonId: string; reason: string },
) {
  policies.linkPersons(actor);
  if (personId === input.otherPersonId) {
    throw new ValidationError([{ field: "otherPersonId", message: "同じ記録どうしは関連付けられません" }]);
  }
  return db.transaction(async (tx) => {
    // a record without a basis is as unknown as one that does not exist
    const bases = await personBases(tx, actor, [personId, input.otherPersonId]);
    if (!bases.has(personId)) throw notFound("対象者");
    if (!bases.has(input.otherPersonId)) {
      throw new ValidationError([{ field: "otherPersonId", message: "関連付ける相手が見つかりません" }]);
    }
    const [a, b] = personId < input.otherPersonId ? [personId, input.otherPersonId] : [input.otherPersonId, personId];
    if (await repo.findLink(tx, actor.municipalityId, a, b)) throw conflict("この2つの記録は既に関連付けられています");
    const link = await repo.insertLink(tx, {
      municipalityId: actor.municipalityId,
      personId: a,
      otherPersonId: b,
      reason: input.reason,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "link",
      entityType: "person",
      entityId: personId,
      after: { personId: a, otherPersonId: b, reason: input.reason },
    });
    return presentLink(link);
  });
}
