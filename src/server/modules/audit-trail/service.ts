/**
 * The audit trail of a municipality, for the plan office and the system administrators: who read, changed or was
 * refused what, when, through what and from where. Every query of the trail is itself a record of the trail,
 * written in the query's transaction.
 */
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { listAgencies } from "../agencies/repository.js";
import { endOfJapaneseDay, startOfJapaneseDay } from "./dates.js";
import { presentEntry } from "./presenter.js";
import * as repo from "./repository.js";
import type { AuditActionKind, AuditQuery } from "./schema.js";

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

export async function listAuditEntries(db: Db, auth: AuthContext, ip: string, query: AuditQuery) {
  policies.readAudit(auth);
  const filter: repo.EntryFilter = {
    entityType: query.entityType,
    entityId: query.entityId,
    actorUserId: query.actorUserId,
    fromAt: query.from ? startOfJapaneseDay(query.from) : undefined,
    untilAt: query.to ? endOfJapaneseDay(query.to) : undefined,
    actions: actionFilter(query.action),
    beforeSeq: query.before,
  };
  return db.transaction(async (tx) => {
    const rows = await repo.findEntries(tx, auth.municipalityId, filter, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const actorIds = [...new Set(page.map((r) => r.actorUserId).filter((id): id is string => id !== null))];
    const history = await repo.accountHistory(tx, auth.municipalityId, actorIds);
    const agencies = await listAgencies(tx, auth.municipalityId);
    const agencyNames = new Map(agencies.map((a) => [a.id, a.name]));
    const historyOf = new Map<string, repo.AccountRecord[]>();
    for (const h of history) {
      if (h.entityId) historyOf.set(h.entityId, [...(historyOf.get(h.entityId) ?? []), h]);
    }
    // the query is recorded with its filter (ids and dates only) and how many records it returned
    const { limit: _limit, ...asked } = query;
    await recordAudit(tx, {
      ...actorOf(auth, ip),
      action: "read",
      entityType: "audit_log",
      entityId: query.entityType && query.entityId ? `${query.entityType}:${query.entityId}` : null,
      basis: "audit_trail",
      after: { filter: asked, returned: page.length },
    });
    return {
      entries: page.map((r) => presentEntry(r, historyOf.get(r.actorUserId ?? "") ?? [], agencyNames)),
      /** pass as `before` for the next (older) page; null on the last page */
      nextBefore: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
      filter: { ...asked, limit: query.limit },
    };
  });
}
