import { integer, jsonb, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { recordTable, sameMunicipality, timestamps, version } from "./columns.js";
import { users } from "./core.js";
import { plans } from "./plans.js";

/**
 * What the plan office has published to residents (issue 16): per plan, its structure (kind "plan", fiscal_year 0)
 * and each closed year's results (kind "year"). `content` is the snapshot taken when it was published or last
 * updated: the public site reads only this, so later drafts, renames or a reopened year change nothing public until
 * the office updates it. A withdrawn publication keeps its row (and its first 公開日) with no content shown.
 */
export const publications = recordTable(
  "publications",
  {
    planId: uuid("plan_id").notNull(),
    kind: text("kind").notNull(),
    fiscalYear: integer("fiscal_year").notNull().default(0),
    status: text("status").notNull(), // published / withdrawn
    content: jsonb("content"),
    firstPublishedAt: timestamp("first_published_at", { withTimezone: true }).notNull(),
    contentUpdatedAt: timestamp("content_updated_at", { withTimezone: true }).notNull(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    updatedBy: uuid("updated_by"),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    unique().on(t.municipalityId, t.planId, t.kind, t.fiscalYear),
    sameMunicipality(t, t.planId, plans).onDelete("cascade"),
    sameMunicipality(t, t.updatedBy, users),
  ],
);
