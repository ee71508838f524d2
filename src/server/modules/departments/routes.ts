import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { requireActor } from "../../platform/auth/plugin.js";
import { parseInput } from "../../platform/errors.js";
import { expectedVersion } from "../../platform/versions.js";
import { createDepartmentSchema, departmentParams, mergeDepartmentSchema, renameDepartmentSchema } from "./schema.js";
import * as service from "./service.js";

export function departmentRoutes(app: FastifyInstance, db: Db) {
  app.get("/api/departments", async (request) => {
    const actor = requireActor(request);
    return { departments: await service.listDepartments(db, actor) };
  });

  app.post("/api/departments", async (request, reply) => {
    const actor = requireActor(request);
    const input = parseInput(createDepartmentSchema, request.body);
    const department = await service.createDepartment(db, actor, input);
    reply.status(201);
    return { department };
  });

  app.post("/api/departments/:id/rename", async (request) => {
    const actor = requireActor(request);
    const { id } = parseInput(departmentParams, request.params);
    const input = parseInput(renameDepartmentSchema, request.body);
    const version = expectedVersion(request);
    return { department: await service.renameDepartment(db, actor, id, version, input) };
  });

  app.post("/api/departments/:id/merge", async (request) => {
    const actor = requireActor(request);
    const { id } = parseInput(departmentParams, request.params);
    const input = parseInput(mergeDepartmentSchema, request.body);
    const version = expectedVersion(request);
    return { department: await service.mergeDepartment(db, actor, id, version, input) };
  });
}
