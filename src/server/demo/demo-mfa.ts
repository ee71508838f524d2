import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client.js";
import { users } from "../db/schema/index.js";

/**
 * The demo's accounts that must use a second factor come enrolled, each with a fixed secret printed in the README
 * (an authenticator app takes it, or `npm run cli -- demo-code --login <id>` prints the current code). These secrets
 * are public: they exist for the invented demo municipality only. The plan side's demo accounts sign in with the
 * password alone while the demo municipality's setting leaves the second factor optional for them.
 */
export const DEMO_MFA_SECRETS: Readonly<Record<string, string>> = {
  admin: "ORZXK3TBM52S2ZDFNVXS2YLENVUW4AAA",
  shienkanri: "ORZXK3TBM52S2ZDFNVXS243INFSW423B",
  coord: "ORZXK3TBM52S2ZDFNVXS2Y3PN5ZGIAAA",
  houkatsu: "ORZXK3TBM52S2ZDFNVXS22DPOVVWC5DT",
  kikan: "ORZXK3TBM52S2ZDFNVXS223JNNQW4AAA",
  jigyosha: "ORZXK3TBM52S2ZDFNVXS22TJM54W643I",
};

export async function enrolDemoAccounts(tx: Executor, municipalityId: string) {
  for (const [loginId, secret] of Object.entries(DEMO_MFA_SECRETS)) {
    await tx
      .update(users)
      .set({ mfaSecret: secret })
      .where(and(eq(users.municipalityId, municipalityId), eq(users.loginId, loginId)));
  }
}
