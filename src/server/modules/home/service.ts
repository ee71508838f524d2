import { principalOf } from "../../../domain/access/principals.js";
import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Db } from "../../db/client.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { planSections } from "./plan-side.js";
import type { HomeSection } from "./presenter.js";
import { providerSections, staffSections, supportAdminSections } from "./support-side.js";

/**
 * ホーム: what needs the caller now, as counts with the screen that lists each, in one transaction (one snapshot:
 * the counts agree with each other). It writes no audit record: it reads no person's data, only how many records the
 * caller could list anyway, and each list audits its own rows when the caller opens it.
 */
export async function getHome(db: Db, actor: RequestActor) {
  const today = todayInJapan();
  const sections = await db.transaction(async (tx): Promise<HomeSection[]> => {
    switch (principalOf(actor)) {
      case "system_admin":
      case "plan_office":
      case "department_editor":
      case "viewer":
        return planSections(tx, actor);
      case "coordinator":
      case "staff":
        return staffSections(tx, actor, today);
      case "provider":
        return providerSections(tx, actor, today);
      case "support_admin":
        return supportAdminSections(tx, actor);
      default:
        return [];
    }
  });
  return { today, sections };
}
