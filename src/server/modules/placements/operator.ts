import { todayInJapan } from "../../../domain/japanese-date.js";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { notFound } from "../../platform/errors.js";
import { recordDenial, withVisible } from "../../platform/need-to-know.js";
import * as personsRepo from "../persons/repository.js";
import * as resourcesRepo from "../resources/repository.js";
import { presentPlacement } from "./presenter.js";
import * as repo from "./repository.js";

/**
 * The placements at a resource, for its operator agency: only those whose person's consent in force covers that
 * agency (the consent records' scope, read at this request, so a withdrawal counts at once). The coordinators see
 * all of them; anyone else, or a resource without an operator agency, gets 404 and the attempt is logged.
 */
export function placementsForOperator(db: Db, actor: RequestActor, resourceId: string) {
  return withVisible(
    db,
    async (tx) => {
      const resource = await resourcesRepo.findResource(tx, actor.municipalityId, resourceId);
      const operator = resource?.operatorAgencyId != null && resource.operatorAgencyId === actor.agencyId;
      if (resource && (actor.isCoordinator || operator)) return resource;
      await recordDenial(tx, actor, { entityType: "resource", entityId: resourceId }, "resource_placements");
      return null;
    },
    async (tx, resource) => {
      const rows = await repo.placementsAtResource(tx, actor.municipalityId, resource.id);
      let shown = rows;
      if (!actor.isCoordinator) {
        const caller = { agencyId: actor.agencyId as string, userId: actor.userId };
        const facts = await personsRepo.personFacts(tx, actor.municipalityId, caller, [
          ...new Set(rows.map((r) => r.mainPersonId)),
        ]);
        const consented = new Set(facts.filter((f) => f.consentId).map((f) => f.id));
        shown = rows.filter((r) => consented.has(r.mainPersonId));
      }
      const events = await repo.eventsOf(
        tx,
        actor.municipalityId,
        shown.map((r) => r.placement.id),
      );
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "read",
        entityType: "resource_placements",
        entityId: resource.id,
        basis: actor.isCoordinator ? "coordinator" : "consent",
        after: { placements: shown.map((r) => r.placement.id) },
      });
      const today = todayInJapan();
      return {
        placements: shown.map((r) => ({
          ...presentPlacement(r.placement, events, resource, today),
          personId: r.mainPersonId,
        })),
      };
    },
    () => notFound("地域資源"),
  );
}
