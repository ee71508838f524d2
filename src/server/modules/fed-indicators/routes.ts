import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { sheetParams } from "../evaluations/schema.js";
import { indicatorParams, indicatorYearParams } from "../indicators/schema.js";
import { deleteMeasureLink, putMeasureLink } from "./links.js";
import { acceptSuggestion, getFeed, getSheetSuggestions } from "./reads.js";
import { measureLinkSchema } from "./schema.js";

/** Indicators fed by computed measures: the link, the suggested actuals, accepting one. */
export function fedIndicatorRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "fed-indicators");

  route("GET /api/indicators/:indicatorId/feed", { params: indicatorParams }, async ({ actor, params }) =>
    getFeed(db, actor, params.indicatorId),
  );

  // the first link is made without a version, as a year's first actual is
  route(
    "PUT /api/indicators/:indicatorId/measure-link",
    { params: indicatorParams, body: measureLinkSchema, ifMatch: "optional", etag: "link" },
    async ({ actor, params, body, version }) => ({
      link: await putMeasureLink(db, actor, params.indicatorId, version, body),
    }),
  );

  route(
    "DELETE /api/indicators/:indicatorId/measure-link",
    { params: indicatorParams, ifMatch: "required", status: 204 },
    async ({ actor, params, version }) => {
      await deleteMeasureLink(db, actor, params.indicatorId, version);
    },
  );

  route(
    "POST /api/indicators/:indicatorId/actuals/:fiscalYear/accept-suggestion",
    { params: indicatorYearParams, ifMatch: "optional", etag: "actual" },
    async ({ actor, params, version }) => acceptSuggestion(db, actor, params.indicatorId, params.fiscalYear, version),
  );

  route("GET /api/sheets/:sheetId/suggested-actuals", { params: sheetParams }, async ({ actor, params }) =>
    getSheetSuggestions(db, actor, params.sheetId),
  );
}
