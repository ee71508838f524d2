import type { Db } from "../../src/server/db/client.js";
import { agencies, users } from "../../src/server/db/schema/index.js";
import { hashPassword } from "../../src/server/platform/auth/passwords.js";
import { FACTORY_MFA_SECRET } from "../helpers/second-factor.js";
import { FACTORY_PASSWORD } from "./municipality.js";

/** An agency (支援機関 or 登録事業者) with one account, in any municipality; the password is FACTORY_PASSWORD. */
export async function createAgencyUser(
  db: Db,
  municipalityId: string,
  opts: {
    loginId: string;
    role: "support_staff" | "provider";
    agencyName: string;
    kind?: "public" | "provider";
    isCoordinator?: boolean;
  },
) {
  const [agency] = await db
    .insert(agencies)
    .values({
      municipalityId,
      name: opts.agencyName,
      category: opts.kind === "provider" ? "参加支援" : "包括的相談支援",
      kind: opts.kind ?? (opts.role === "provider" ? "provider" : "public"),
      isCoordinator: opts.isCoordinator ?? false,
    })
    .returning();
  if (!agency) throw new Error("no agency");
  const [user] = await db
    .insert(users)
    .values({
      municipalityId,
      loginId: opts.loginId,
      displayName: opts.loginId,
      role: opts.role,
      agencyId: agency.id,
      passwordHash: await hashPassword(FACTORY_PASSWORD),
      // support-side accounts must use a second factor: enrolled with the secret the tests' sign-in knows
      mfaSecret: FACTORY_MFA_SECRET,
    })
    .returning();
  if (!user) throw new Error("no user");
  return { agencyId: agency.id, userId: user.id };
}
