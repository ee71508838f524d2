import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { createDepartmentSchema, departmentParams, mergeDepartmentSchema, renameDepartmentSchema } from "./schema.js";
import * as service from "./service.js";

export function departmentRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "departments");

  route("GET /api/departments", {}, async ({ actor }) => ({ departments: await service.listDepartments(db, actor) }));

  route("POST /api/departments", { body: createDepartmentSchema, status: 201 }, async ({ actor, body }) => ({
    department: await service.createDepartment(db, actor, body),
  }));

  route(
    "POST /api/departments/:id/rename",
    { params: departmentParams, body: renameDepartmentSchema, ifMatch: "required" },
    async ({ actor, params, body, version }) => ({
      department: await service.renameDepartment(db, actor, params.id, version, body),
    }),
  );

  route(
    "POST /api/departments/:id/merge",
    { params: departmentParams, body: mergeDepartmentSchema, ifMatch: "required" },
    async ({ actor, params, body, version }) => ({
      department: await service.mergeDepartment(db, actor, params.id, version, body),
    }),
  );
}
