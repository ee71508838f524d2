import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { agencyMap } from "../agencies/service.js";
import { withCase } from "../cases/access.js";
import * as meetingsRepo from "../meetings/repository.js";
import { presentUnmetNeed } from "./presenter.js";
import * as repo from "./repository.js";
import type { UnmetNeedInput } from "./schema.js";

/**
 * Unmet needs: a resource a case looked for and did not find, recorded from the case by those who may manage it,
 * read by the coordinators as 地域づくり input. The list names what, where and for whom, never the case or person.
 */

export function recordUnmetNeed(db: Db, actor: RequestActor, caseId: string, input: UnmetNeedInput) {
  return withCase(
    db,
    actor,
    caseId,
    "unmet_need_create",
    async (tx, { basis, disclosure }) => {
      policies.manageCase(basis);
      if (input.districtId && !(await meetingsRepo.findDistrict(tx, actor.municipalityId, input.districtId)))
        throw new ValidationError([{ field: "districtId", message: "地区を一覧から選んでください" }]);
      const row = await repo.insertUnmetNeed(tx, {
        municipalityId: actor.municipalityId,
        caseId,
        lookedFor: input.lookedFor,
        districtId: input.districtId,
        audiences: [...new Set(input.audiences)],
        recordedOn: todayInJapan(),
        recordedByAgencyId: actor.agencyId,
        recordedBy: actor.userId,
      });
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "create",
        entityType: "unmet_need",
        entityId: row.id,
        basis: disclosure as string,
        after: { caseId, lookedFor: row.lookedFor, districtId: row.districtId },
      });
      return presentUnmetNeed(row, null, null);
    },
    { personal: true },
  );
}

/** The coordinators' list (地域づくり input). */
export async function listUnmetNeeds(db: Db, actor: RequestActor) {
  const rows = await repo.listUnmetNeeds(db, actor.municipalityId);
  const districts = new Map((await meetingsRepo.listDistricts(db, actor.municipalityId)).map((d) => [d.id, d.name]));
  const agencies = await agencyMap(db, actor.municipalityId);
  return {
    unmetNeeds: rows.map((n) =>
      presentUnmetNeed(
        n,
        n.districtId ? (districts.get(n.districtId) ?? null) : null,
        n.recordedByAgencyId ? (agencies.get(n.recordedByAgencyId)?.name ?? null) : null,
      ),
    ),
  };
}
