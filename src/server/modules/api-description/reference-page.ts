import { createRequire } from "node:module";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * The reference page for IT staff (/api-docs): Swagger UI reading /api/openapi.json, served from this server (no
 * CDN: the LGWAN has no internet). The page is a viewer and holds nothing itself: what it shows comes from
 * /api/openapi.json, whose access-table entry decides who may read it. Its script is a file of its own, so a
 * Content-Security-Policy without inline script holds. Only reads can be tried from the page.
 */
export const REFERENCE_PAGE = "/api-docs";
const ASSETS = `${REFERENCE_PAGE}/assets/`;

/** The files of Swagger UI the page loads (the package ships them ready to serve); nothing else in its folder. */
const SWAGGER_UI_FILES = new Set(["/swagger-ui-bundle.js", "/swagger-ui.css", "/favicon-32x32.png"]);
const swaggerUiFolder = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@fastify/swagger-ui/package.json")),
  "static",
);

const page = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tsunagu API リファレンス</title>
<link rel="icon" type="image/png" href="${ASSETS}favicon-32x32.png">
<link rel="stylesheet" href="${ASSETS}swagger-ui.css">
</head>
<body>
<main id="reference" aria-label="tsunagu API リファレンス"></main>
<script src="${ASSETS}swagger-ui-bundle.js"></script>
<script src="${REFERENCE_PAGE}/start.js"></script>
</body>
</html>
`;

const start = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#reference",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    supportedSubmitMethods: ["get"],
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
  });
});
`;

export async function registerReferencePage(app: FastifyInstance) {
  app.get(REFERENCE_PAGE, async (_request, reply) => reply.type("text/html; charset=utf-8").send(page));
  app.get(`${REFERENCE_PAGE}/start.js`, async (_request, reply) =>
    reply.type("text/javascript; charset=utf-8").send(start),
  );
  await app.register(fastifyStatic, {
    root: swaggerUiFolder,
    prefix: ASSETS,
    decorateReply: false,
    allowedPath: (pathName) => SWAGGER_UI_FILES.has(pathName),
  });
}
