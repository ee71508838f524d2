import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { routesFor } from "../../platform/http/route.js";
import { registerDailyJob } from "../../platform/jobs/daily.js";
import { generateDueNotices } from "./due-notices.js";
import { generateReviewNotices } from "./review-notices.js";
import { noticeListQuery, noticeParams } from "./schema.js";
import { listNotices, markAllNoticesRead, markNoticeRead } from "./service.js";

// each morning the job table scans every municipality's deadlines and support plan reviews (idempotent: a second
// run writes nothing)
registerDailyJob("notices.due", async (db, municipalityId, now) => {
  await generateDueNotices(db, municipalityId, now);
  await generateReviewNotices(db, municipalityId, now);
});

/** お知らせ: the caller's own notices (every account has some to read). */
export function noticeRoutes(app: FastifyInstance, db: Db) {
  const route = routesFor(app, "notices");
  route("GET /api/notices", { query: noticeListQuery }, async ({ actor, query }) => listNotices(db, actor, query));
  route("POST /api/notices/read-all", {}, async ({ actor }) => markAllNoticesRead(db, actor));
  route("POST /api/notices/:noticeId/read", { params: noticeParams }, async ({ actor, params }) => ({
    notice: await markNoticeRead(db, actor, params.noticeId),
  }));
}
