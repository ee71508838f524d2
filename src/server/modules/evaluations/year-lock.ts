/**
 * A closed year is frozen: its sheets (and their grades), the actuals entered for it and so its 総括表 do not change
 * until the plan office reopens it. Every write of those calls `assertYearOpen` inside its transaction, after it has
 * decided the caller may see the record (a caller without a basis still gets its 404).
 */
import { CLOSED_YEAR_MESSAGE } from "../../../domain/labels/evaluation.js";
import type { Executor } from "../../db/client.js";
import { AppError } from "../../platform/errors.js";
import * as repo from "./repository.js";

export const yearClosed = () =>
  new AppError(409, "year_closed", `${CLOSED_YEAR_MESSAGE}。変更するには、計画所管課が年度を再開してください。`);

/**
 * Refuses a change to a closed year. The round stays share-locked until the caller's transaction ends, so the
 * plan office cannot close the year between this check and the caller's write. A year without a round (an actual
 * entered before its evaluation was opened) is open.
 */
export async function assertYearOpen(tx: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  const round = await repo.lockRound(tx, municipalityId, planId, fiscalYear, "share");
  if (round?.status === "closed") throw yearClosed();
}

/** Whether the year's round is closed (for screens that hide their edit controls; writes use assertYearOpen). */
export async function isYearClosed(db: Executor, municipalityId: string, planId: string, fiscalYear: number) {
  return (await repo.findRound(db, municipalityId, planId, fiscalYear))?.status === "closed";
}
