/**
 * Publishing to residents (issue 16): the plan office publishes a plan (from its approved revision in force) and its
 * closed years, updates what is public (a new snapshot) and withdraws it. Each is one transaction with its audit
 * record. The first publication is made without If-Match; later ones name the version they read.
 */
import { eq } from "drizzle-orm";
import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import type { PublicSheetField } from "../../../domain/labels/publications.js";
import type { Db, Executor } from "../../db/client.js";
import { municipalities } from "../../db/schema/index.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, staleVersion } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { versionRequired, writeYearValue } from "../indicators/yearly-values.js";
import { loadPlanOr404 } from "../plans/service.js";
import { type PlanContent, planContent, yearContent } from "./content.js";
import { presentPublication } from "./presenter.js";
import * as repo from "./repository.js";
import type { PublishPlanInput } from "./schema.js";

const PLAN_YEAR = 0;

async function codeOf(db: Executor, municipalityId: string) {
  const [row] = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row?.code ?? "";
}

/** GET /api/plans/:planId/publications: what of the plan is public, withdrawn, and since when. */
export async function listPublications(db: Db, actor: RequestActor, planId: string) {
  policies.managePlans(actor);
  await loadPlanOr404(db, actor, planId);
  const [rows, code] = await Promise.all([
    repo.listOfPlan(db, actor.municipalityId, planId),
    codeOf(db, actor.municipalityId),
  ]);
  return { publications: rows.map((r) => presentPublication(r, code)) };
}

/** Publishes (or updates, or publishes again) one kind of content: a new snapshot, audited. */
async function publish(
  tx: Executor,
  actor: RequestActor,
  planId: string,
  kind: "plan" | "year",
  fiscalYear: number,
  version: number | null,
  content: unknown,
) {
  const before = await repo.findPublication(tx, actor.municipalityId, planId, kind, fiscalYear, true);
  const now = new Date();
  const values = { status: "published", content, contentUpdatedAt: now, withdrawnAt: null, updatedBy: actor.userId };
  const after = await writeYearValue(before, version, {
    insert: () =>
      repo.insertPublication(tx, {
        municipalityId: actor.municipalityId,
        planId,
        kind,
        fiscalYear,
        firstPublishedAt: now,
        ...values,
      }),
    update: () => (before ? repo.updatePublication(tx, before, values) : Promise.resolve(null)),
  });
  if (!after) throw staleVersion(before?.version ?? 0);
  await recordAudit(tx, {
    ...actorOf(actor),
    action: before?.status === "published" ? "update_publication" : "publish",
    entityType: "publication",
    entityId: after.id,
    before: before && { status: before.status, updatedAt: before.contentUpdatedAt.toISOString() },
    after: { planId, kind, fiscalYear: kind === "year" ? fiscalYear : null, status: after.status },
  });
  return presentPublication(after, await codeOf(tx, actor.municipalityId));
}

/** PUT /api/plans/:planId/publication: the plan's structure and texts as its approved revision has them. */
export async function publishPlan(
  db: Db,
  actor: RequestActor,
  planId: string,
  version: number | null,
  input: PublishPlanInput,
) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    const content = await planContent(tx, actor, planId, [...new Set(input.sheetFields)]);
    return publish(tx, actor, planId, "plan", PLAN_YEAR, version, content);
  });
}

/** PUT /api/plans/:planId/publications/:fiscalYear: a closed year's results, with the sheet fields the plan shows. */
export async function publishYear(
  db: Db,
  actor: RequestActor,
  planId: string,
  fiscalYear: number,
  version: number | null,
) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    await loadPlanOr404(tx, actor, planId);
    const plan = await repo.findPublication(tx, actor.municipalityId, planId, "plan", PLAN_YEAR);
    if (plan?.status !== "published" || !plan.content)
      throw conflict(`${formatFiscalYear(fiscalYear)}の結果を公開する前に、計画を公開してください`);
    const fields: PublicSheetField[] = (plan.content as PlanContent).sheetFields;
    const content = await yearContent(tx, actor, planId, fiscalYear, fields);
    return publish(tx, actor, planId, "year", fiscalYear, version, content);
  });
}

/** Withdrawal: the content is dropped (nothing of it stays readable), the row keeps its first 公開日. */
async function withdraw(
  db: Db,
  actor: RequestActor,
  planId: string,
  kind: "plan" | "year",
  fiscalYear: number,
  version: number | null,
) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    await loadPlanOr404(tx, actor, planId);
    if (version === null) throw versionRequired();
    const before = await repo.findPublication(tx, actor.municipalityId, planId, kind, fiscalYear, true);
    if (before?.status !== "published") throw notFound("公開中の内容");
    if (before.version !== version) throw staleVersion(before.version);
    const after = await repo.updatePublication(tx, before, {
      status: "withdrawn",
      content: null,
      withdrawnAt: new Date(),
      updatedBy: actor.userId,
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "withdraw_publication",
      entityType: "publication",
      entityId: after.id,
      before: { status: before.status },
      after: { planId, kind, fiscalYear: kind === "year" ? fiscalYear : null, status: after.status },
    });
    return presentPublication(after, await codeOf(tx, actor.municipalityId));
  });
}

export const withdrawPlan = (db: Db, actor: RequestActor, planId: string, version: number | null) =>
  withdraw(db, actor, planId, "plan", PLAN_YEAR, version);

export const withdrawYear = (db: Db, actor: RequestActor, planId: string, fiscalYear: number, version: number | null) =>
  withdraw(db, actor, planId, "year", fiscalYear, version);
