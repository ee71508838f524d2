/**
 * The demo's public site (issue 16): its plan published at load as the plan office would publish it, so /p/999001/
 * shows at once; on the server's first start, where the demo closes 令和6年度 for its committees, that year's
 * results are published as well. The tests' demo keeps 令和6年度 open, so there only the plan is public.
 */
import { and, eq } from "drizzle-orm";
import type { PublicSheetField } from "../../domain/labels/publications.js";
import type { Executor } from "../db/client.js";
import { municipalities, users } from "../db/schema/index.js";
import { planContent, yearContent } from "../modules/publications/content.js";
import * as publications from "../modules/publications/repository.js";
import { recordAudit } from "../platform/audit.js";
import type { AuthContext } from "../platform/auth/context.js";
import { demoLoadRecord } from "./demo-support.js";

/** The demo's plan office, as the publication's content is read by it. */
async function demoOffice(tx: Executor, municipalityId: string): Promise<AuthContext> {
  const [office] = await tx
    .select({ user: users, municipality: municipalities })
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(and(eq(users.municipalityId, municipalityId), eq(users.loginId, "keikaku")));
  if (!office) throw new Error("the demo's plan office account is missing");
  return {
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
}

/** The sheet fields the demo shows residents. */
const DEMO_SHEET_FIELDS: PublicSheetField[] = ["results", "reason", "grade"];

async function insertPublished(
  tx: Executor,
  municipalityId: string,
  planId: string,
  kind: "plan" | "year",
  fiscalYear: number,
  content: unknown,
) {
  const now = new Date();
  const row = await publications.insertPublication(tx, {
    municipalityId,
    planId,
    kind,
    fiscalYear,
    status: "published",
    content,
    firstPublishedAt: now,
    contentUpdatedAt: now,
  });
  await recordAudit(
    tx,
    demoLoadRecord(municipalityId, "publication", row.id, { planId, kind, fiscalYear, status: "published" }),
  );
}

export async function publishDemoPlan(tx: Executor, municipalityId: string, planId: string) {
  const auth = await demoOffice(tx, municipalityId);
  await insertPublished(tx, municipalityId, planId, "plan", 0, await planContent(tx, auth, planId, DEMO_SHEET_FIELDS));
}

/** A closed year's results, with the fields the demo's plan shows (the plan is published first). */
export async function publishDemoYear(tx: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  const auth = await demoOffice(tx, municipalityId);
  const content = await yearContent(tx, auth, planId, fiscalYear, DEMO_SHEET_FIELDS);
  await insertPublished(tx, municipalityId, planId, "year", fiscalYear, content);
}
