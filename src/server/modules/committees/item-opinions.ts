/** An item's opinions and answers from every closed year, on its page in the revisions that follow. */
import type { Db } from "../../db/client.js";
import type { AuthContext } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as plansRepo from "../plans/repository.js";
import { loadPlanOr404 } from "../plans/service.js";
import { opinionsOnItem } from "./readable.js";

export async function getItemOpinions(db: Db, auth: AuthContext, planId: string, itemId: string) {
  policies.readPlans(auth);
  await loadPlanOr404(db, auth, planId);
  // items keep their ids across revisions, so the opinions on an earlier year's item are this item's
  const item = await plansRepo.findItem(db, auth.municipalityId, planId, itemId);
  if (!item) throw notFound("項目");
  const departmentIds = await plansRepo.departmentIdsOfItem(db, auth.municipalityId, itemId);
  return opinionsOnItem(db, auth, planId, { id: item.id, code: item.code, title: item.title, departmentIds });
}
