import os from "node:os";
import { eq } from "drizzle-orm";
import { parseFiscalYear } from "../../domain/fiscal-year.js";
import type { Db } from "../db/client.js";
import { municipalities, plans } from "../db/schema/index.js";
import type { RequestActor } from "../platform/auth/context.js";
import { AppError } from "../platform/errors.js";

/**
 * The caller of an operator command: acts with plan-office rights in one municipality, is recorded in the
 * audit trail as "cli:<os user>" and is not a row of users.
 */
export async function operatorFor(db: Db, municipalityCode: string | undefined): Promise<RequestActor> {
  if (!municipalityCode) throw new AppError(2, "usage", "--municipality <自治体コード> を指定してください");
  const [m] = await db.select().from(municipalities).where(eq(municipalities.code, municipalityCode));
  if (!m) throw new AppError(2, "not_found", `自治体コード ${municipalityCode} は登録されていません`);
  return operatorIn(m);
}

export function operatorIn(m: { id: string; code: string; name: string }): RequestActor {
  return {
    userId: null as unknown as string, // no user row: audit shows the label, updated_by stays empty
    municipalityId: m.id,
    municipalityCode: m.code,
    municipalityName: m.name,
    loginId: `cli:${os.userInfo().username}`,
    displayName: "運用コマンド",
    role: "system_admin",
    departmentIds: [],
    agencyId: null,
    isCoordinator: false,
    csrfToken: "",
    sessionTokenHash: "",
    pendingSteps: [],
    ip: null, // a command run on the server has no client address
  };
}

/** The operator acting in the municipality that owns a plan (CLI commands name a plan, not a municipality). */
export async function operatorForPlan(db: Db, planId: string | undefined, usage: string): Promise<RequestActor> {
  if (!planId || !/^[0-9a-f-]{36}$/i.test(planId))
    throw new AppError(2, "usage", `--plan <計画ID> を指定してください（${usage}）`);
  const [row] = await db
    .select({ m: municipalities })
    .from(plans)
    .innerJoin(municipalities, eq(municipalities.id, plans.municipalityId))
    .where(eq(plans.id, planId));
  if (!row) throw new AppError(2, "not_found", "計画が見つかりません");
  return operatorIn(row.m);
}

/** --fiscal-year as operators type it: 2024, 令和6年度, R6. */
export function fiscalYearOption(text: string | undefined, example: string): number {
  const fy = text ? (/^\d{4}$/.test(text) ? Number(text) : parseFiscalYear(text)) : null;
  if (!fy) throw new AppError(2, "usage", `--fiscal-year <年度> を指定してください（例: ${example}）`);
  return fy;
}
