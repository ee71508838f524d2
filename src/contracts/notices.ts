import type { listNotices } from "../server/modules/notices/service.js";
import type { JsonOf } from "./json.js";

/** GET /api/notices: a page of the caller's notices, how many there are and how many are unread */
export type NoticePage = JsonOf<typeof listNotices>;
export type Notice = NoticePage["notices"][number];
