import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { conflict, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { countExistingDepartments } from "../plans/repository.js";
import { type AgencyMap, presentAgency } from "./presenter.js";
import * as repo from "./repository.js";
import type { CreateAgencyInput } from "./schema.js";

/** The municipality's agencies by id, for the presenters of records that name agencies. */
export async function agencyMap(tx: Executor, municipalityId: string): Promise<AgencyMap> {
  return new Map((await repo.listAgencies(tx, municipalityId)).map((a) => [a.id, a]));
}

export async function listAgencies(db: Db, actor: AuthContext) {
  policies.readAgencies(actor);
  return (await repo.listAgencies(db, actor.municipalityId)).map(presentAgency);
}

export async function createAgency(db: Db, actor: RequestActor, input: CreateAgencyInput) {
  policies.manageAgencies(actor);
  if (input.kind === "provider" && input.isCoordinator) {
    throw new ValidationError([{ field: "isCoordinator", message: "登録事業者を多機関協働の調整役にはできません" }]);
  }
  return db.transaction(async (tx) => {
    if (input.departmentId && (await countExistingDepartments(tx, actor.municipalityId, [input.departmentId])) !== 1) {
      throw new ValidationError([{ field: "departmentId", message: "存在しない課が指定されています" }]);
    }
    if (await repo.findAgencyByName(tx, actor.municipalityId, input.name)) {
      throw conflict(`機関名「${input.name}」は既に登録されています`);
    }
    const agency = await repo.insertAgency(tx, { municipalityId: actor.municipalityId, ...input });
    const presented = presentAgency(agency);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "agency",
      entityId: agency.id,
      after: { ...presented, version: undefined },
    });
    return presented;
  });
}
