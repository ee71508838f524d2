import type { ResourceStatus } from "../../../domain/labels/resources.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as agenciesRepo from "../agencies/repository.js";
import { agencyMap } from "../agencies/service.js";
import * as meetingsRepo from "../meetings/repository.js";
import { presentResource, type ResourceNames } from "./presenter.js";
import * as repo from "./repository.js";
import type { CreateResourceInput, ListResourcesQuery, ReviewProposalInput, UpdateResourceInput } from "./schema.js";

/**
 * The resource directory's rules: who adds (agency staff into the directory, a provider as a proposal), who edits
 * (agency staff; a hidden location only those who may see it), who decides a proposal (the coordinators, with a
 * reason when turning it down). Every change is an audit record in its transaction; a hidden address never goes
 * into one (the support-side administrator reads the trail and may not see it).
 */

export async function resourceNames(tx: Executor, municipalityId: string): Promise<ResourceNames> {
  return {
    agencies: await agencyMap(tx, municipalityId),
    districts: new Map((await meetingsRepo.listDistricts(tx, municipalityId)).map((d) => [d.id, d.name] as const)),
  };
}

const DIRECTORY: readonly ResourceStatus[] = ["active", "paused"];
const PROPOSALS: readonly ResourceStatus[] = ["proposed", "rejected"];

export async function listResources(db: Db, actor: AuthContext, query: ListResourcesQuery) {
  policies.readResources(actor);
  const only = query.status;
  return db.transaction(async (tx) => {
    const rows = await repo.listResources(tx, actor.municipalityId, {
      q: query.q || undefined,
      category: query.category,
      districtId: query.districtId,
      day: query.day,
      audience: query.audience,
      tags: query.tag,
      statuses: only ? DIRECTORY.filter((s) => s === only) : DIRECTORY,
      proposals: policies.proposalScope(actor),
      proposalStatuses: only ? PROPOSALS.filter((s) => s === only) : PROPOSALS,
    });
    const names = await resourceNames(tx, actor.municipalityId);
    return { resources: rows.map((r) => presentResource(r, names, policies.seesHiddenLocation(actor, r))) };
  });
}

export async function visibleResource(tx: Executor, actor: AuthContext, resourceId: string, lock = false) {
  const row = await repo.findResource(tx, actor.municipalityId, resourceId, lock);
  if (!row) throw notFound("地域資源");
  policies.readResource(actor, row);
  return row;
}

export async function getResource(db: Db, actor: AuthContext, resourceId: string) {
  return db.transaction(async (tx) => {
    const row = await visibleResource(tx, actor, resourceId);
    return presentResource(row, await resourceNames(tx, actor.municipalityId), policies.seesHiddenLocation(actor, row));
  });
}

/** The references a resource makes: an agency of the municipality as operator, an active 地区. */
async function checkReferences(tx: Executor, actor: AuthContext, input: CreateResourceInput) {
  if (input.operatorAgencyId && !(await agenciesRepo.findAgency(tx, actor.municipalityId, input.operatorAgencyId)))
    throw new ValidationError([{ field: "operatorAgencyId", message: "運営する機関が見つかりません" }]);
  if (input.districtId) {
    const district = await meetingsRepo.findDistrict(tx, actor.municipalityId, input.districtId);
    if (!district?.active)
      throw new ValidationError([{ field: "districtId", message: "地区が見つかりません（使われていない地区です）" }]);
  }
  if (input.locationHidden && !input.address)
    throw new ValidationError([{ field: "address", message: "所在地を伏せるときは所在地を入力してください" }]);
}

/** What the audit record keeps of a resource: everything but a hidden address. */
const audited = (v: { address: string | null; locationHidden: boolean } & Record<string, unknown>) => ({
  ...v,
  address: v.locationHidden && v.address ? "（伏せた所在地）" : v.address,
});

export async function createResource(db: Db, actor: RequestActor, input: CreateResourceInput) {
  policies.addResource(actor);
  const proposal = actor.role === "provider";
  return db.transaction(async (tx) => {
    await checkReferences(tx, actor, input);
    const row = await repo.insertResource(tx, {
      municipalityId: actor.municipalityId,
      ...input,
      status: proposal ? "proposed" : "active",
      proposedByAgencyId: proposal ? actor.agencyId : null,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: proposal ? "propose" : "create",
      entityType: "resource",
      entityId: row.id,
      after: audited({ ...input, status: row.status }),
    });
    return presentResource(row, await resourceNames(tx, actor.municipalityId), policies.seesHiddenLocation(actor, row));
  });
}

export async function updateResource(
  db: Db,
  actor: RequestActor,
  resourceId: string,
  version: number,
  input: UpdateResourceInput,
) {
  return db.transaction(async (tx) => {
    const before = await visibleResource(tx, actor, resourceId, true);
    policies.editResource(actor, before);
    if (before.version !== version) throw staleVersion(before.version);
    if (!DIRECTORY.includes(before.status as ResourceStatus))
      throw conflict("提案中・見送りの地域資源は編集できません（多機関協働が受け入れると編集できます）");
    await checkReferences(tx, actor, input);
    const row = await repo.updateResource(tx, actor.municipalityId, resourceId, version, input);
    if (!row) throw staleVersion(before.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "resource",
      entityId: row.id,
      before: audited(before),
      after: audited(input),
    });
    return presentResource(row, await resourceNames(tx, actor.municipalityId), policies.seesHiddenLocation(actor, row));
  });
}

/** A coordinator accepts a proposal into the directory, or turns it down with the reason the provider reads. */
export async function reviewProposal(
  db: Db,
  actor: RequestActor,
  resourceId: string,
  version: number,
  input: ReviewProposalInput,
) {
  policies.reviewResourceProposals(actor);
  return db.transaction(async (tx) => {
    const before = await visibleResource(tx, actor, resourceId, true);
    if (before.version !== version) throw staleVersion(before.version);
    if (before.status !== "proposed") throw conflict("提案中の地域資源ではありません");
    const accepted = input.decision === "accept";
    const row = await repo.updateResource(tx, actor.municipalityId, resourceId, version, {
      status: accepted ? "active" : "rejected",
      reviewReason: accepted ? null : input.reason,
      reviewedAt: new Date(),
    });
    if (!row) throw staleVersion(before.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "review",
      entityType: "resource",
      entityId: row.id,
      before: { status: before.status },
      after: { status: row.status, reason: row.reviewReason },
    });
    return presentResource(row, await resourceNames(tx, actor.municipalityId), policies.seesHiddenLocation(actor, row));
  });
}
