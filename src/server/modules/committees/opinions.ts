/**
 * Opinions (意見) on a closed year: a member in term writes a draft about an item routed to the committee or about
 * the year as a whole, changes it while it is a draft and submits it; the plan office then answers it with the
 * city's policy (市の対応方針) and its status. Every change is under the opinion's version (If-Match) and audited.
 */

import type { z } from "zod";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, forbidden, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { reachCommittee } from "./access.js";
import { peopleOf, presentOpinion } from "./presenter.js";
import * as repo from "./repository.js";
import { asRouted, closedRound, routedItemIds } from "./review.js";
import type { answerSchema, newOpinionSchema } from "./schema.js";

async function present(tx: Executor, actor: RequestActor, opinion: repo.OpinionRow) {
  return presentOpinion(opinion, await repo.namesOf(tx, actor.municipalityId, peopleOf([opinion])), null);
}

export async function createOpinion(
  db: Db,
  actor: RequestActor,
  committeeId: string,
  fiscalYear: number,
  input: z.infer<typeof newOpinionSchema>,
) {
  return db.transaction(async (tx) => {
    const { committee, serving } = await reachCommittee(tx, actor, committeeId);
    policies.writeOpinion(serving);
    await closedRound(tx, actor.municipalityId, committee.planId, fiscalYear);
    const itemId = input.itemId ?? null;
    if (itemId && !(await routedItemIds(tx, actor.municipalityId, asRouted(committee), fiscalYear)).has(itemId))
      throw new ValidationError([{ field: "itemId", message: "この委員会が意見を述べる項目ではありません" }]);
    const opinion = await repo.insertOpinion(tx, {
      municipalityId: actor.municipalityId,
      committeeId,
      planId: committee.planId,
      fiscalYear,
      itemId,
      authorId: actor.userId,
      body: input.body,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "committee_opinion",
      entityId: opinion.id,
      after: { committeeId, fiscalYear, itemId, status: opinion.status },
    });
    return present(tx, actor, opinion);
  });
}

/**
 * The opinion the caller may act on: found, in a committee the caller reads, and (for a draft) the caller's own.
 * Anything else is not found: a draft of someone else is not shown to exist.
 */
async function reachOpinion(tx: Executor, actor: RequestActor, opinionId: string) {
  const opinion = await repo.findOpinion(tx, actor.municipalityId, opinionId, true);
  if (!opinion) throw notFound("意見");
  const reached = await reachCommittee(tx, actor, opinion.committeeId).catch(() => {
    throw notFound("意見");
  });
  if (!policies.canSeeOpinion(actor, opinion)) throw notFound("意見");
  return { opinion, ...reached };
}

/** The writer's own draft, while its writer is still a member in term. */
async function ownDraft(tx: Executor, actor: RequestActor, opinionId: string, version: number) {
  const { opinion, serving } = await reachOpinion(tx, actor, opinionId);
  if (opinion.authorId !== actor.userId) throw forbidden();
  policies.writeOpinion(serving);
  if (opinion.status !== "draft") throw conflict("提出した意見は変更できません");
  if (opinion.version !== version) throw staleVersion(opinion.version);
  return opinion;
}

export async function editOpinion(db: Db, actor: RequestActor, opinionId: string, version: number, body: string) {
  return db.transaction(async (tx) => {
    const before = await ownDraft(tx, actor, opinionId, version);
    const after = await repo.updateOpinion(tx, actor.municipalityId, opinionId, version, { body });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "committee_opinion",
      entityId: opinionId,
      before: { version: before.version },
      after: { version: after.version },
    });
    return present(tx, actor, after);
  });
}

export async function submitOpinion(db: Db, actor: RequestActor, opinionId: string, version: number) {
  return db.transaction(async (tx) => {
    const before = await ownDraft(tx, actor, opinionId, version);
    const after = await repo.updateOpinion(tx, actor.municipalityId, opinionId, version, {
      status: "submitted",
      submittedAt: new Date(),
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "transition",
      entityType: "committee_opinion",
      entityId: opinionId,
      before: { status: before.status },
      after: { status: after.status },
    });
    return present(tx, actor, after);
  });
}

/** The plan office's answer: 市の対応方針 and its status, on a submitted opinion; a later answer replaces it. */
export async function answerOpinion(
  db: Db,
  actor: RequestActor,
  opinionId: string,
  version: number,
  input: z.infer<typeof answerSchema>,
) {
  policies.managePlans(actor);
  return db.transaction(async (tx) => {
    const { opinion: before } = await reachOpinion(tx, actor, opinionId);
    if (before.status !== "submitted") throw conflict("提出されていない意見には回答できません");
    if (before.version !== version) throw staleVersion(before.version);
    const after = await repo.updateOpinion(tx, actor.municipalityId, opinionId, version, {
      response: input.response,
      responseStatus: input.responseStatus,
      respondedBy: actor.userId,
      respondedAt: new Date(),
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "respond",
      entityType: "committee_opinion",
      entityId: opinionId,
      before: { response: before.response, responseStatus: before.responseStatus },
      after: { response: after.response, responseStatus: after.responseStatus },
    });
    return present(tx, actor, after);
  });
}
