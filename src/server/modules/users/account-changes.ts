/**
 * Separation of duties made visible: every change to a support-side account (agency staff, coordinators,
 * providers, support-side administrators) is shown to the 多機関協働 coordinators and the support-side
 * administrators, so that an account made or widened behind their back is seen by the people it would affect.
 */
import { ROLE_LABELS, type Role, SIDE_OF_ROLE } from "../../../domain/access/principals.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { policies } from "../../platform/policies.js";
import { listAgencies } from "../agencies/repository.js";
import * as repo from "./repository.js";

const SUPPORT_ROLES = (Object.keys(SIDE_OF_ROLE) as Role[]).filter((r) => SIDE_OF_ROLE[r] === "support");
const LIMIT = 200;

interface AccountView {
  loginId?: string;
  displayName?: string;
  role?: string;
  agencyId?: string | null;
  disabled?: boolean;
}

const ACTION_LABELS: Record<string, string> = {
  create: "登録",
  update: "変更",
  update_with_password: "パスワードの再設定",
};

export async function listAccountChanges(db: Db, actor: RequestActor) {
  policies.readAccountChanges(actor);
  return db.transaction(async (tx) => {
    const rows = await repo.listAccountChanges(tx, actor.municipalityId, SUPPORT_ROLES, LIMIT);
    const agencies = new Map((await listAgencies(tx, actor.municipalityId)).map((a) => [a.id, a.name]));
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "read",
      entityType: "account_changes",
      entityId: null,
      basis: "separation_of_duties",
      after: { returned: rows.length },
    });
    return rows.map((r) => presentChange(r, agencies));
  });
}

function presentChange(r: repo.AccountChangeRow, agencies: Map<string, string>) {
  const before = (r.before ?? null) as AccountView | null;
  const after = (r.after ?? {}) as AccountView;
  const roleLabel = (role: string | undefined) => (role ? (ROLE_LABELS[role as Role] ?? role) : null);
  const agencyName = (id: string | null | undefined) => (id ? (agencies.get(id) ?? "（不明な機関）") : null);
  const changes: { field: string; from: string | null; to: string | null }[] = [];
  if (before) {
    if (before.role !== after.role)
      changes.push({ field: "役割", from: roleLabel(before.role), to: roleLabel(after.role) });
    if ((before.agencyId ?? null) !== (after.agencyId ?? null)) {
      changes.push({ field: "所属機関", from: agencyName(before.agencyId), to: agencyName(after.agencyId) });
    }
    if (!!before.disabled !== !!after.disabled) {
      changes.push({
        field: "状態",
        from: before.disabled ? "停止" : "利用中",
        to: after.disabled ? "停止" : "利用中",
      });
    }
    if (before.displayName !== after.displayName) {
      changes.push({ field: "氏名", from: before.displayName ?? null, to: after.displayName ?? null });
    }
  }
  return {
    at: r.at.toISOString(),
    action: r.action,
    actionLabel: ACTION_LABELS[r.action] ?? r.action,
    by: r.actorName ?? r.actorLabel,
    account: {
      id: r.entityId,
      loginId: after.loginId ?? null,
      displayName: after.displayName ?? null,
      roleLabel: roleLabel(after.role),
      agencyName: agencyName(after.agencyId),
    },
    changes,
  };
}
export type AccountChangeDto = ReturnType<typeof presentChange>;
