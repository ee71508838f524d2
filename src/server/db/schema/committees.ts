import { date, index, integer, jsonb, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { recordTable, sameMunicipality, timestamps, version } from "./columns.js";
import { users } from "./core.js";
import { planItems, plans } from "./plans.js";

/**
 * The committees that review a plan's closed years (推進会議, 推進委員会, 小委員会 per field) and their members
 * with terms. The members are accounts on the plan side (viewers for the citizens' committee, staff for the internal
 * council); a member outside the term has no access to the committee.
 */
export const committees = recordTable(
  "committees",
  {
    planId: uuid("plan_id").notNull(),
    kind: text("kind").notNull(), // internal_council | committee | subcommittee
    name: text("name").notNull(),
    /** the constituent-plan marks whose items the committee reviews; empty = every item (not for a 小委員会) */
    marks: jsonb("marks").$type<string[]>().notNull().default([]),
    sortOrder: integer("sort_order").notNull().default(0),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    unique("committees_plan_name_uq").on(t.municipalityId, t.planId, t.name),
    sameMunicipality(t, t.planId, plans),
  ],
);

export const committeeMembers = recordTable(
  "committee_members",
  {
    committeeId: uuid("committee_id").notNull(),
    userId: uuid("user_id").notNull(),
    termFrom: date("term_from", { mode: "string" }).notNull(),
    termTo: date("term_to", { mode: "string" }),
  },
  (t) => [
    unique("committee_members_uq").on(t.municipalityId, t.committeeId, t.userId),
    sameMunicipality(t, t.committeeId, committees),
    sameMunicipality(t, t.userId, users),
    index("committee_members_user_idx").on(t.municipalityId, t.userId),
  ],
);

/**
 * An opinion (意見) of a committee member on a closed year: about one item (kept by the item's id, which stays the
 * same across revisions) or about the year as a whole (item null). A draft is its writer's alone; once submitted the
 * plan office answers it with the city's policy (市の対応方針) and its status.
 */
export const committeeOpinions = recordTable(
  "committee_opinions",
  {
    committeeId: uuid("committee_id").notNull(),
    planId: uuid("plan_id").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    itemId: uuid("item_id"),
    authorId: uuid("author_id").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull().default("draft"), // draft | submitted
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    response: text("response"),
    responseStatus: text("response_status"), // reflected | considering | difficult | other
    respondedBy: uuid("responded_by"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    sameMunicipality(t, t.committeeId, committees),
    sameMunicipality(t, t.planId, plans),
    sameMunicipality(t, t.itemId, planItems),
    sameMunicipality(t, t.authorId, users),
    sameMunicipality(t, t.respondedBy, users),
    index("committee_opinions_year_idx").on(t.municipalityId, t.planId, t.fiscalYear),
    index("committee_opinions_item_idx").on(t.municipalityId, t.itemId),
  ],
);
