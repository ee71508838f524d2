/**
 * The demo's public site (issue 16): its plan published at load as the plan office would publish it, so /p/999001/
 * shows at once. The demo has no closed year (its 令和6年度 waits for one 未評価 decision and 令和7年度 is under
 * way), so no year's results are published; closing 令和6年度 and publishing it is the public site's story to try.
 */
import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client.js";
import { municipalities, users } from "../db/schema/index.js";
import { planContent } from "../modules/publications/content.js";
import * as publications from "../modules/publications/repository.js";
import { recordAudit } from "../platform/audit.js";
import type { AuthContext } from "../platform/auth/context.js";
import { demoLoadRecord } from "./demo-support.js";

export async function publishDemoPlan(tx: Executor, municipalityId: string, planId: string) {
  const [office] = await tx
    .select({ user: users, municipality: municipalities })
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(and(eq(users.municipalityId, municipalityId), eq(users.loginId, "keikaku")));
  if (!office) throw new Error("the demo's plan office account is missing");
  const auth: AuthContext = {
    userId: office.user.id,
    municipalityId,
    municipalityCode: office.municipality.code,
    municipalityName: office.municipality.name,
    loginId: "system",
    displayName: office.user.displayName,
    role: "plan_office",
    departmentIds: [],
    agencyId: null,
    isCoordinator: false,
    csrfToken: "",
    sessionTokenHash: "",
    pendingSteps: [],
  };
  const content = await planContent(tx, auth, planId, ["results", "reason", "grade"]);
  const now = new Date();
  const row = await publications.insertPublication(tx, {
    municipalityId,
    planId,
    kind: "plan",
    fiscalYear: 0,
    status: "published",
    content,
    firstPublishedAt: now,
    contentUpdatedAt: now,
  });
  await recordAudit(
    tx,
    demoLoadRecord(municipalityId, "publication", row.id, { planId, kind: "plan", status: "published" }),
  );
}
