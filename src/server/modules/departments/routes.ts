import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { actorOf, recordAudit } from "../../platform/audit.js";
import { requireAuth } from "../../platform/auth/plugin.js";
import { conflict, notFound, parseInput, staleVersion } from "../../platform/errors.js";
import { policies } from "../../platform/policies.js";
import { expectedVersion } from "../../platform/versions.js";
import * as plansRepo from "../plans/repository.js";
import { presentDepartment } from "./presenter.js";
import * as repo from "./repository.js";
import { createDepartmentSchema, mergeDepartmentSchema, renameDepartmentSchema } from "./schema.js";

const idParam = (p: unknown) => (p as { id: string }).id;

export function departmentRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/departments", async (request) => {
    const auth = requireAuth(request);
    const [rows, names] = await Promise.all([
      repo.listDepartments(db, auth.municipalityId),
      repo.listDepartmentNames(db, auth.municipalityId),
    ]);
    return { departments: rows.map((d) => presentDepartment(d, names)) };
  });

  app.post("/api/departments", async (request, reply) => {
    const auth = requireAuth(request);
    const input = parseInput(createDepartmentSchema, request.body);
    policies.manageDepartments(auth);
    const row = await db.transaction(async (tx) => {
      if (await repo.findDepartmentByName(tx, auth.municipalityId, input.name)) {
        throw conflict(`「${input.name}」は既に登録されています`);
      }
      const d = await repo.insertDepartment(tx, auth.municipalityId, input.name);
      await recordAudit(tx, {
        ...actorOf(auth, request.ip),
        action: "create",
        entityType: "department",
        entityId: d.id,
        after: d,
      });
      return d;
    });
    reply.status(201);
    return { department: presentDepartment(row) };
  });

  /** 組織改正 (rename): the department keeps its id, so its items and past sheets stay with it. */
  app.post("/api/departments/:id/rename", async (request) => {
    const auth = requireAuth(request);
    const input = parseInput(renameDepartmentSchema, request.body);
    const version = expectedVersion(request);
    policies.manageDepartments(auth);
    const id = idParam(request.params);
    const row = await db.transaction(async (tx) => {
      const before = await repo.findDepartment(tx, auth.municipalityId, id);
      if (!before) throw notFound("課");
      const other = await repo.findDepartmentByName(tx, auth.municipalityId, input.name);
      if (other && other.id !== id) throw conflict(`「${input.name}」は既に登録されています`);
      const after = await repo.renameDepartment(tx, auth.municipalityId, id, version, input.name, input.effectiveFrom);
      if (!after) throw staleVersion(before.version);
      await recordAudit(tx, {
        ...actorOf(auth, request.ip),
        action: "rename",
        entityType: "department",
        entityId: id,
        before,
        after,
      });
      await plansRepo.touchPlansOfMunicipality(tx, auth.municipalityId);
      return after;
    });
    return { department: presentDepartment(row) };
  });

  /** 組織改正 (merge): the old department stays (its history is kept) and points to the one it was merged into. */
  app.post("/api/departments/:id/merge", async (request) => {
    const auth = requireAuth(request);
    const input = parseInput(mergeDepartmentSchema, request.body);
    const version = expectedVersion(request);
    policies.manageDepartments(auth);
    const id = idParam(request.params);
    const row = await db.transaction(async (tx) => {
      const before = await repo.findDepartment(tx, auth.municipalityId, id);
      const into = await repo.findDepartment(tx, auth.municipalityId, input.intoDepartmentId);
      if (!before) throw notFound("課");
      if (!into || into.id === id) throw conflict("統合先の課が正しくありません");
      const after = await repo.markMerged(tx, auth.municipalityId, id, version, into.id, input.effectiveFrom);
      if (!after) throw staleVersion(before.version);
      await recordAudit(tx, {
        ...actorOf(auth, request.ip),
        action: "merge",
        entityType: "department",
        entityId: id,
        before,
        after,
      });
      await plansRepo.touchPlansOfMunicipality(tx, auth.municipalityId);
      return after;
    });
    return { department: presentDepartment(row) };
  });
}
