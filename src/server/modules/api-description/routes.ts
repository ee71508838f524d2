import type { FastifyInstance } from "fastify";
import { routesFor } from "../../platform/http/route.js";
import { registerReferencePage } from "./reference-page.js";

/** The API description as OpenAPI 3.1 JSON (document.ts builds it) and its reference page. */
export async function apiDescriptionRoutes(app: FastifyInstance) {
  const route = routesFor(app, "api-description");
  route("GET /api/openapi.json", {}, async () => app.swagger());
  await registerReferencePage(app);
}
