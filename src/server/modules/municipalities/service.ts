import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { conflict } from "../../platform/errors.js";
import { auditableUser } from "../users/presenter.js";
import { insertUser } from "../users/repository.js";
import * as repo from "./repository.js";
import type { CreateMunicipalityInput } from "./schema.js";

/**
 * A new municipality and its first administrator (a system_admin of it). The administrator's first password is a
 * setup secret handed back once: 24 characters of base64url (144 random bits), stored only as its argon2 hash, and
 * the account must set its own password at its first sign-in. Both are audit records, the first of the new
 * municipality's chain, made by the operator who ran the command.
 */
export async function createMunicipality(db: Db, operator: { loginId: string }, input: CreateMunicipalityInput) {
  const existing = await repo.findMunicipalityByCode(db, input.code);
  if (existing) throw conflict(`団体コード ${input.code} の自治体（${existing.name}）は既に登録されています`);
  const setupSecret = randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(setupSecret);
  return db.transaction(async (tx) => {
    const municipality = await repo.insertMunicipality(tx, { code: input.code, name: input.name });
    const actor = actorOf({ municipalityId: municipality.id, userId: null, loginId: operator.loginId, ip: null });
    await recordAudit(tx, {
      ...actor,
      action: "create",
      entityType: "municipality",
      entityId: municipality.id,
      after: { code: municipality.code, name: municipality.name },
    });
    const admin = await insertUser(tx, {
      municipalityId: municipality.id,
      loginId: input.admin,
      displayName: "システム管理者",
      role: "system_admin",
      passwordHash,
      passwordChangeRequired: true,
    });
    await recordAudit(tx, {
      ...actor,
      action: "create",
      entityType: "user",
      entityId: admin.id,
      after: auditableUser(admin, []),
    });
    return {
      municipality: { id: municipality.id, code: municipality.code, name: municipality.name },
      admin: { loginId: admin.loginId, setupSecret },
    };
  });
}
