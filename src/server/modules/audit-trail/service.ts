/**
 * The audit trail of a municipality, for the administrators, each its own side's (sides.ts): who read, changed or was
 * refused what, when, through what and from where. Every query of the trail is itself a record of the trail,
 * written in the query's transaction.
 */

import { endOfJapaneseDay, startOfJapaneseDay } from "../../../domain/japanese-date.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import { sealAuditLog } from "../../platform/audit-sealer.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { listAgencies } from "../agencies/repository.js";
import { auditBasesThrough, personBases } from "../persons/access.js";
import { findPersons } from "../persons/repository.js";
import { presentEntry, targetName } from "./presenter.js";
import * as repo from "./repository.js";
import type { AuditActionKind, AuditQuery } from "./schema.js";
import { sideFilter } from "./sides.js";

function actionFilter(kind: AuditActionKind | undefined): repo.EntryFilter["actions"] {
  switch (kind) {
    case "read":
      return { in: repo.READ_ACTIONS };
    case "denied":
      return { in: repo.DENIED_ACTIONS };
    case "login":
      return { in: repo.LOGIN_ACTIONS };
    case "change":
      return { notIn: [...repo.READ_ACTIONS, ...repo.DENIED_ACTIONS, ...repo.LOGIN_ACTIONS] };
    default:
      return undefined;
  }
}

/**
 * What asking about one target covers. A referral: its records and the reads made through it. A case: its records,
 * its activity records (支援経過, the list reads and each record written), its assessments, its household (and the
 * members read through it) and the reads of persons made through the case.
 */
async function targetFilter(tx: Executor, actor: AuthContext, type: string, id: string): Promise<repo.TargetFilter> {
  if (type === "referral") {
    // the receiver reads the person on the consent recorded with the sheet
    const consentIds = await repo.referralConsentIds(tx, actor.municipalityId, id);
    const bases = [...auditBasesThrough("referral", id), ...consentIds.flatMap((c) => auditBasesThrough("consent", c))];
    return { entities: [{ type, ids: [id] }], bases };
  }
  if (type !== "case") return { entities: [{ type, ids: [id] }], bases: [] };
  const { householdId, recordIds, consentIds } = await repo.caseParts(tx, actor.municipalityId, id);
  return {
    entities: [
      { type: "case", ids: [id] },
      { type: "case_records", ids: [id] },
      { type: "case_record", ids: recordIds },
      { type: "case_assessments", ids: [id] },
      { type: "case_assessment", ids: [id] },
      { type: "household", ids: householdId ? [householdId] : [] },
      { type: "consent", ids: consentIds },
    ],
    // the reads made on a consent given for the case are reads through the case
    bases: [
      ...auditBasesThrough("case", id),
      ...(householdId ? [`household:${householdId}`] : []),
      ...consentIds.flatMap((c) => auditBasesThrough("consent", c)),
    ],
  };
}

/**
 * The names of the page's targets as the viewer may see them: plan and organisation names as they are; a person's
 * name only to a viewer with a basis for that person (the plan office has none: it sees the kind and a short id).
 */
async function targetNamesOf(tx: Executor, actor: AuthContext, rows: repo.FocusedEntryRow[]) {
  const idsByType = new Map<string, string[]>();
  for (const r of rows) {
    if (r.entityId) idsByType.set(r.entityType, [...(idsByType.get(r.entityType) ?? []), r.entityId]);
  }
  const names = new Map<string, string>();
  for (const [type, ids] of idsByType) {
    // one after the other: a transaction has one connection
    for (const n of await repo.targetNames(tx, actor.municipalityId, type, ids)) {
      const name = targetName(n);
      if (name) names.set(`${type}:${n.id}`, name);
    }
  }
  const personIds = (idsByType.get("person") ?? []).filter((id) => repo.UUID.test(id));
  const seen = await personBases(tx, actor, personIds);
  for (const p of await findPersons(
    tx,
    actor.municipalityId,
    personIds.filter((id) => seen.has(id)),
  ))
    names.set(`person:${p.id}`, p.nameKanji ?? p.nameKana);
  return names;
}

/** The referrals and cases the page's bases name, for the actor's part in them. */
async function basisContextOf(tx: Executor, actor: AuthContext, rows: repo.FocusedEntryRow[]) {
  const named = (kind: string) =>
    rows.flatMap((r) =>
      (r.basis ?? "")
        .split(";")
        .filter((p) => p.startsWith(`${kind}:`))
        .map((p) => p.slice(kind.length + 1)),
    );
  const subjects = await repo.basisSubjects(tx, actor.municipalityId, named("referral"), named("case"));
  const agencies = await listAgencies(tx, actor.municipalityId);
  return {
    agencies: new Map(agencies.map((a) => [a.id, { name: a.name, isCoordinator: a.isCoordinator }])),
    referrals: new Map(subjects.referrals.map((r) => [r.id, r])),
    cases: new Map(subjects.cases.map((c) => [c.id, c])),
  };
}

export async function listAuditEntries(db: Db, actor: RequestActor, query: AuditQuery) {
  policies.readAudit(actor);
  // every record committed before this question takes its place in the chain first, so the page shows it
  await sealAuditLog(db, { municipalityId: actor.municipalityId });
  return db.transaction(async (tx) => {
    const filter: repo.EntryFilter = {
      target:
        query.entityType && query.entityId
          ? await targetFilter(tx, actor, query.entityType, query.entityId)
          : undefined,
      entityType: query.entityType,
      actorUserId: query.actorUserId,
      fromAt: query.from ? startOfJapaneseDay(query.from) : undefined,
      untilAt: query.to ? endOfJapaneseDay(query.to) : undefined,
      actions: actionFilter(query.action),
      beforeSeq: query.before,
      side: sideFilter(policies.auditSideOf(actor)),
    };
    const rows = await repo.findEntries(tx, actor.municipalityId, filter, query.limit + 1);
    const page = rows.slice(0, query.limit).map((r) => repo.focusSubjects(r, filter.target));
    const actorIds = [...new Set(page.map((r) => r.actorUserId).filter((id): id is string => id !== null))];
    const history = await repo.accountHistory(tx, actor.municipalityId, actorIds);
    const historyOf = new Map<string, repo.AccountRecord[]>();
    for (const h of history) {
      if (h.entityId) historyOf.set(h.entityId, [...(historyOf.get(h.entityId) ?? []), h]);
    }
    const names = await targetNamesOf(tx, actor, page);
    const basisContext = await basisContextOf(tx, actor, page);
    // the query is recorded with its filter (ids and dates only) and how many records it returned
    const { limit: _limit, ...asked } = query;
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "read",
      entityType: "audit_log",
      entityId: query.entityType && query.entityId ? `${query.entityType}:${query.entityId}` : null,
      basis: "audit_trail",
      after: { filter: asked, returned: page.length },
    });
    return {
      entries: page.map((r) => presentEntry(r, historyOf.get(r.actorUserId ?? "") ?? [], names, basisContext)),
      /** pass as `before` for the next (older) page; null on the last page */
      nextBefore: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
      filter: { ...asked, limit: query.limit },
    };
  });
}
