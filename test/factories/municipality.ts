import { mfaRequired } from "../../src/domain/mfa/second-factor.js";
import type { Db } from "../../src/server/db/client.js";
import { municipalities, userDepartments, users } from "../../src/server/db/schema/index.js";
import { insertDepartment } from "../../src/server/modules/departments/repository.js";
import { hashPassword } from "../../src/server/platform/auth/passwords.js";
import { FACTORY_MFA_SECRET } from "../helpers/second-factor.js";

export const FACTORY_PASSWORD = "factory-pass-1";

/** A second municipality with one user per role of the plan side and a support-side administrator, for isolation tests. */
export async function createMunicipality(db: Db, code: string, name = `テスト市${code}`) {
  const passwordHash = await hashPassword(FACTORY_PASSWORD);
  const [m] = await db.insert(municipalities).values({ code, name }).returning();
  if (!m) throw new Error("no municipality");
  const dept = await insertDepartment(db, m.id, "テスト課");
  for (const [loginId, role] of [
    ["office", "plan_office"],
    ["editor", "department_editor"],
    ["viewer", "viewer"],
    ["support-admin", "support_admin"],
  ] as const) {
    const [u] = await db
      .insert(users)
      .values({
        municipalityId: m.id,
        loginId,
        displayName: loginId,
        role,
        passwordHash,
        // the roles that must use a second factor come enrolled, with the secret the tests' sign-in knows
        mfaSecret: mfaRequired(role, "optional") ? FACTORY_MFA_SECRET : null,
      })
      .returning();
    if (u && role === "department_editor") {
      await db.insert(userDepartments).values({ municipalityId: m.id, userId: u.id, departmentId: dept.id });
    }
  }
  return { municipality: m, departmentId: dept.id };
}
