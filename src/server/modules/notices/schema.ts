import { z } from "zod";
import { pageQuery } from "../../platform/paging.js";

export const noticeListQuery = z.object(pageQuery(20, 100));
export const noticeParams = z.object({ noticeId: z.uuid("お知らせの指定が正しくありません") });
