import os from "node:os";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { municipalities } from "../db/schema/index.js";
import type { AuthContext } from "../platform/auth/context.js";
import { AppError } from "../platform/errors.js";

/**
 * The caller of an operator command: acts with plan-office rights in one municipality, is recorded in the
 * audit trail as "cli:<os user>" and is not a row of users.
 */
export async function operatorFor(db: Db, municipalityCode: string | undefined): Promise<AuthContext> {
  if (!municipalityCode) throw new AppError(2, "usage", "--municipality <自治体コード> を指定してください");
  const [m] = await db.select().from(municipalities).where(eq(municipalities.code, municipalityCode));
  if (!m) throw new AppError(2, "not_found", `自治体コード ${municipalityCode} は登録されていません`);
  return operatorIn(m);
}

export function operatorIn(m: { id: string; code: string; name: string }): AuthContext {
  return {
    userId: null as unknown as string, // no user row: audit shows the label, updated_by stays empty
    municipalityId: m.id,
    municipalityCode: m.code,
    municipalityName: m.name,
    loginId: `cli:${os.userInfo().username}`,
    displayName: "運用コマンド",
    role: "system_admin",
    departmentIds: [],
    csrfToken: "",
    sessionTokenHash: "",
  };
}
