import { todayInJapan } from "../../../domain/japanese-date.js";
import { PLACEMENT_NEXT, type PlacementStatus } from "../../../domain/labels/placements.js";
import type { Db, Executor } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import type { RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, staleVersion, ValidationError } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { type VisibleCase, withCase } from "../cases/access.js";
import * as resourcesRepo from "../resources/repository.js";
import { presentPlacement } from "./presenter.js";
import * as repo from "./repository.js";
import type { ChangeStatusInput, ProposePlacementInput } from "./schema.js";

/**
 * Placements (参加支援): a local resource proposed for a case's main person and followed 見学・体験 → 参加 → 定着
 * (or 中断). Need-to-know exactly as the case's personal content: a team agency without a disclosure basis, another
 * agency or a provider gets 404 and the attempt is logged. The coordinators and the lead agency propose and move a
 * placement; every change is appended to its history in the same transaction as the audit record.
 */

const placementNotFound = () => notFound("参加支援");

async function answer(tx: Executor, municipalityId: string, rows: repo.PlacementRow[]) {
  const events = await repo.eventsOf(
    tx,
    municipalityId,
    rows.map((r) => r.id),
  );
  const resources = new Map<string, resourcesRepo.ResourceRow>();
  for (const id of new Set(rows.map((r) => r.resourceId))) {
    const r = await resourcesRepo.findResource(tx, municipalityId, id);
    if (r) resources.set(id, r);
  }
  const today = todayInJapan();
  return rows.map((r) => presentPlacement(r, events, resources.get(r.resourceId), today));
}

/** The placements of a case, with their history and whether a follow-up is due (every read audited). */
export function listPlacements(db: Db, actor: RequestActor, caseId: string) {
  return withCase(
    db,
    actor,
    caseId,
    "placements",
    async (tx, { basis, disclosure }) => {
      const rows = await repo.listPlacements(tx, actor.municipalityId, caseId);
      await recordAudit(tx, {
        ...actorOf(actor),
        action: "read",
        entityType: "placements",
        entityId: caseId,
        basis: disclosure as string,
        after: { placements: rows.length },
      });
      const placements = await answer(tx, actor.municipalityId, rows);
      return { placements, canManage: basis !== "team" };
    },
    { personal: true },
  );
}

function managePlacements<T>(
  db: Db,
  actor: RequestActor,
  caseId: string,
  action: string,
  work: (tx: Executor, v: VisibleCase) => Promise<T>,
) {
  return withCase(
    db,
    actor,
    caseId,
    action,
    async (tx, v) => {
      policies.manageCase(v.basis);
      if (v.c.phase === "closed") throw conflict("終結したケースの参加支援は変更できません");
      return work(tx, v);
    },
    { lock: true, personal: true },
  );
}

/** Proposes a resource that is in the directory (公開中) for the case's main person: it starts at 見学・体験. */
export function proposePlacement(db: Db, actor: RequestActor, caseId: string, input: ProposePlacementInput) {
  return managePlacements(db, actor, caseId, "placement_create", async (tx, { disclosure }) => {
    const resource = await resourcesRepo.findResource(tx, actor.municipalityId, input.resourceId);
    if (resource?.status !== "active")
      throw new ValidationError([{ field: "resourceId", message: "公開中の地域資源を選んでください" }]);
    if (input.followUpOn !== null && input.followUpOn < input.startedOn)
      throw new ValidationError([
        { field: "followUpOn", message: "フォローアップ日は見学・体験の日以降にしてください" },
      ]);
    const row = await repo.insertPlacement(tx, {
      municipalityId: actor.municipalityId,
      caseId,
      resourceId: resource.id,
      wishes: input.wishes,
      status: "trial",
      statusOn: input.startedOn,
      followUpOn: input.followUpOn,
      proposedByAgencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    await repo.insertEvent(tx, {
      municipalityId: actor.municipalityId,
      placementId: row.id,
      status: "trial",
      on: input.startedOn,
      recordedBy: actor.userId,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "create",
      entityType: "placement",
      entityId: row.id,
      basis: disclosure as string,
      after: { caseId, resourceId: resource.id, status: "trial", on: input.startedOn },
    });
    const [placement] = await answer(tx, actor.municipalityId, [row]);
    return placement as NonNullable<typeof placement>;
  });
}

/** Moves a placement to the next status in the order, at the version the caller read. */
export function changePlacementStatus(
  db: Db,
  actor: RequestActor,
  params: { caseId: string; placementId: string },
  version: number,
  input: ChangeStatusInput,
) {
  return managePlacements(db, actor, params.caseId, "placement_status", async (tx, { disclosure }) => {
    const current = await repo.findPlacement(tx, actor.municipalityId, params.caseId, params.placementId);
    if (!current) throw placementNotFound();
    if (current.version !== version) throw staleVersion(current.version);
    const from = current.status as PlacementStatus;
    const problems = [];
    if (!PLACEMENT_NEXT[from].includes(input.status))
      problems.push({
        field: "status",
        message: PLACEMENT_NEXT[from].length
          ? "状況は見学・体験 → 参加 → 定着の順に進めてください（中断はいつでも）"
          : "中断した参加支援の状況は変えられません",
      });
    if (input.on < current.statusOn) problems.push({ field: "on", message: "変更日は前回の変更日以降にしてください" });
    if (input.status === "interrupted" && !input.reason)
      problems.push({ field: "reason", message: "中断の理由を選んでください" });
    if (input.status !== "interrupted" && input.reason)
      problems.push({ field: "reason", message: "中断の理由は中断のときだけ選びます" });
    if (input.followUpOn !== null && input.followUpOn < input.on)
      problems.push({ field: "followUpOn", message: "フォローアップ日は変更日以降にしてください" });
    if (problems.length) throw new ValidationError(problems);
    const row = await repo.updatePlacement(tx, actor.municipalityId, current.id, version, {
      status: input.status,
      statusOn: input.on,
      interruptionReason: input.reason,
      followUpOn: input.status === "interrupted" ? null : input.followUpOn,
    });
    if (!row) throw staleVersion(current.version);
    await repo.insertEvent(tx, {
      municipalityId: actor.municipalityId,
      placementId: row.id,
      status: input.status,
      on: input.on,
      interruptionReason: input.reason,
      note: input.note,
      recordedBy: actor.userId,
    });
    await recordAudit(tx, {
      ...actorOf(actor),
      action: "update",
      entityType: "placement",
      entityId: row.id,
      basis: disclosure as string,
      before: { status: from, on: current.statusOn },
      after: { status: input.status, on: input.on, reason: input.reason },
    });
    const [placement] = await answer(tx, actor.municipalityId, [row]);
    return placement as NonNullable<typeof placement>;
  });
}
