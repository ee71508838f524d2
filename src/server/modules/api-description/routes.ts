import type { FastifyInstance } from "fastify";
import { type Serialized, sendSerialized, serialize } from "../../platform/http/precompressed.js";
import { routesFor } from "../../platform/http/route.js";
import { registerReferencePage } from "./reference-page.js";

/** The API description as OpenAPI 3.1 JSON (document.ts builds it) and its reference page. */
export async function apiDescriptionRoutes(app: FastifyInstance) {
  const route = routesFor(app, "api-description");
  // the same for every reader while the process runs: built, serialised and gzipped once (about 120 KB, 12× less)
  let description: Serialized | undefined;
  route("GET /api/openapi.json", {}, async ({ request, reply }) => {
    description ??= serialize(app.swagger());
    return sendSerialized(request, reply, description);
  });
  await registerReferencePage(app);
}
