import { findDuplicateCandidates } from "../../../domain/persons/duplicates.js";
import { kanaPrefixKey, normalizeKana } from "../../../domain/persons/kana.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit, recordAuditBatch } from "../../platform/audit.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { conflict, notFound, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { presentLink, presentPerson } from "./presenter.js";
import * as repo from "./repository.js";
import type { CreatePersonInput } from "./schema.js";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** What the audit trail keeps of a person record. */
const auditable = (p: repo.PersonRow) => ({ ...presentPerson(p), id: undefined, version: undefined });

/**
 * Registers a person and offers the records that may be the same person (the staff decide, and link them;
 * records are never merged). Candidates come from indexed range scans: the nearest readings with the same first
 * two letters, and the same date of birth. Staff see the candidates (each one a read in the audit trail); a provider
 * learns only that similar records exist, never whose.
 */
export async function createPerson(db: Db, auth: AuthContext, ip: string, input: CreatePersonInput) {
  policies.registerPersons(auth);
  const kanaKey = normalizeKana(input.nameKana);
  if (!kanaKey) throw new ValidationError([{ field: "nameKana", message: "ふりがなを入力してください" }]);
  return db.transaction(async (tx) => {
    const pool = await repo.findDuplicatePool(
      tx,
      auth.municipalityId,
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
      municipalityId: auth.municipalityId,
      ...input,
      kanaKey,
      createdByAgencyId: auth.agencyId,
      createdBy: auth.userId,
    });
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: "create",
      entityType: "person",
      entityId: person.id,
      basis: `agency:${auth.agencyId}`,
      after: auditable(person),
    });
    const staff = auth.role === "support_staff";
    if (staff && candidates.length) {
      await recordAuditBatch(
        tx,
        candidates.map((c) => ({
          ...actorOf(auth, ip),
          action: "read",
          entityType: "person",
          entityId: c.person.id,
          basis: `duplicate_check:${person.id}`,
        })),
      );
    }
    return {
      person: presentPerson(person),
      duplicateCandidates: candidates.map((c) =>
        staff
          ? { person: presentPerson(c.person), score: c.score, reasons: c.reasons }
          : { score: c.score, reasons: c.reasons },
      ),
    };
  });
}

/** Prefix search on the reading; every person returned is a read in the audit trail (basis "search"). */
export async function searchPersons(db: Db, auth: AuthContext, ip: string, kana: string) {
  policies.searchPersons(auth);
  const prefix = kanaPrefixKey(kana);
  if (!prefix) throw new ValidationError([{ field: "kana", message: "ふりがなを入力してください" }]);
  return db.transaction(async (tx) => {
    const rows = await repo.searchByKanaPrefix(tx, auth.municipalityId, prefix);
    await recordAuditBatch(
      tx,
      rows.map((p) => ({
        ...actorOf(auth, ip),
        action: "read",
        entityType: "person",
        entityId: p.id,
        basis: "search",
      })),
    );
    return rows.map(presentPerson);
  });
}

/** The staff say two records are one person: linked with a reason, never merged. */
export async function linkPersons(
  db: Db,
  auth: AuthContext,
  ip: string,
  personId: string,
  input: { otherPersonId: string; reason: string },
) {
  policies.linkPersons(auth);
  if (personId === input.otherPersonId) {
    throw new ValidationError([{ field: "otherPersonId", message: "同じ記録どうしは関連付けられません" }]);
  }
  return db.transaction(async (tx) => {
    if (!(await repo.findPerson(tx, auth.municipalityId, personId))) throw notFound("対象者");
    if (!(await repo.findPerson(tx, auth.municipalityId, input.otherPersonId))) {
      throw new ValidationError([{ field: "otherPersonId", message: "関連付ける相手が見つかりません" }]);
    }
    const [a, b] = personId < input.otherPersonId ? [personId, input.otherPersonId] : [input.otherPersonId, personId];
    if (await repo.findLink(tx, auth.municipalityId, a, b)) throw conflict("この2つの記録は既に関連付けられています");
    const link = await repo.insertLink(tx, {
      municipalityId: auth.municipalityId,
      personId: a,
      otherPersonId: b,
      reason: input.reason,
      createdBy: auth.userId,
    });
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: "link",
      entityType: "person",
      entityId: personId,
      after: { personId: a, otherPersonId: b, reason: input.reason },
    });
    return presentLink(link);
  });
}
