import type { Db, Executor } from "../../db/client.js";
import { type Actor, actorOf, recordAudit } from "../../platform/audit.js";
import type { AuthContext, RequestActor } from "../../platform/auth/context.js";
import { conflict, notFound, staleVersion } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import * as plansRepo from "../plans/repository.js";
import { presentDepartment } from "./presenter.js";
import * as repo from "./repository.js";
import type { CreateDepartmentInput, MergeDepartmentInput, RenameDepartmentInput } from "./schema.js";

const nameTaken = (name: string) => conflict(`「${name}」は既に登録されています`);

export async function listDepartments(db: Db, actor: AuthContext) {
  const [rows, names] = await Promise.all([
    repo.listDepartments(db, actor.municipalityId),
    repo.listDepartmentNames(db, actor.municipalityId),
  ]);
  return rows.map((d) => presentDepartment(d, names));
}

/**
 * Registers a department in the caller's transaction, with its audit record: the 課の管理 page and an import's
 * decision to register a new name leave the same record.
 */
export async function registerDepartment(tx: Executor, actor: Actor, name: string) {
  const d = await repo.insertDepartment(tx, actor.municipalityId, name);
  await recordAudit(tx, { ...actorOf(actor), action: "create", entityType: "department", entityId: d.id, after: d });
  return d;
}

export async function createDepartment(db: Db, actor: RequestActor, input: CreateDepartmentInput) {
  policies.manageDepartments(actor);
  const row = await db.transaction(async (tx) => {
    if (await repo.findDepartmentByName(tx, actor.municipalityId, input.name)) throw nameTaken(input.name);
    return registerDepartment(tx, actor, input.name);
  });
  return presentDepartment(row);
}

/**
 * 組織改正: `change` writes the department's new state (null when the version moved meanwhile); the plans' cached
 * views carry department names, so every plan of the municipality moves its version in the same transaction.
 */
async function reorganise(
  db: Db,
  actor: RequestActor,
  id: string,
  action: "rename" | "merge",
  change: (tx: Executor, before: repo.DepartmentRow) => Promise<repo.DepartmentRow | null>,
) {
  policies.manageDepartments(actor);
  const row = await db.transaction(async (tx) => {
    const before = await repo.findDepartment(tx, actor.municipalityId, id);
    if (!before) throw notFound("課");
    const after = await change(tx, before);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, { ...actorOf(actor), action, entityType: "department", entityId: id, before, after });
    await plansRepo.touchPlansOfMunicipality(tx, actor.municipalityId);
    return after;
  });
  return presentDepartment(row);
}

/** 組織改正 (rename): the department keeps its id, so its items and past sheets stay with it. */
export function renameDepartment(
  db: Db,
  actor: RequestActor,
  id: string,
  version: number,
  input: RenameDepartmentInput,
) {
  return reorganise(db, actor, id, "rename", async (tx) => {
    const other = await repo.findDepartmentByName(tx, actor.municipalityId, input.name);
    if (other && other.id !== id) throw nameTaken(input.name);
    return repo.renameDepartment(tx, actor.municipalityId, id, version, input.name, input.effectiveFrom);
  });
}

/** 組織改正 (merge): the old department stays (its history is kept) and points to the one it was merged into. */
export function mergeDepartment(db: Db, actor: RequestActor, id: string, version: number, input: MergeDepartmentInput) {
  return reorganise(db, actor, id, "merge", async (tx) => {
    const into = await repo.findDepartment(tx, actor.municipalityId, input.intoDepartmentId);
    if (!into || into.id === id) throw conflict("統合先の課が正しくありません");
    return repo.markMerged(tx, actor.municipalityId, id, version, into.id, input.effectiveFrom);
  });
}
