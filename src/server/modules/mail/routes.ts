import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { mailSettingsSchema } from "./schema.js";
import * as service from "./settings-service.js";

export function mailRoutes(app: FastifyInstance, db: Db, mail: service.MailContext) {
  const route = routesFor(app, "mail");

  route("GET /api/municipality/mail-settings", { etag: "settings" }, async ({ actor }) => ({
    settings: await service.getMailSettings(db, actor),
  }));

  route(
    "PUT /api/municipality/mail-settings",
    { body: mailSettingsSchema, ifMatch: "required", etag: "settings" },
    async ({ actor, body, version }) => ({
      settings: await service.putMailSettings(db, mail, actor, body, version),
    }),
  );

  route("POST /api/municipality/mail-settings/test", { bodyOptional: true, alsoAnswers: [409] }, async ({ actor }) =>
    service.sendTestMail(db, mail, actor),
  );
}
