import { z } from "zod";
import { PLACEMENT_INTERRUPTION_REASONS, PLACEMENT_STATUSES } from "../../../domain/labels/placements.js";
import { RESOURCE_AUDIENCES } from "../../../domain/labels/resources.js";
import { optionalText, requiredText } from "../../platform/schema-fields.js";
import { isoDate } from "../persons/schema.js";

const caseId = z.uuid("ケースの指定が正しくありません");
export const resourceParams = z.object({ resourceId: z.uuid("地域資源の指定が正しくありません") });
export const placementParams = z.object({ caseId, placementId: z.uuid("参加支援の指定が正しくありません") });

/** A resource proposed for the case's person: it starts at 見学・体験 on `startedOn`. */
export const proposePlacementSchema = z.strictObject({
  resourceId: z.uuid("地域資源の指定が正しくありません"),
  wishes: requiredText("本人の希望", 2000),
  startedOn: isoDate("見学・体験の日"),
  followUpOn: isoDate("次のフォローアップ日").nullable().default(null),
});
export type ProposePlacementInput = z.infer<typeof proposePlacementSchema>;

/** The next status, on its day; 中断 needs its reason. The order itself is checked by the service (a field-named 400). */
export const changeStatusSchema = z.strictObject({
  status: z.enum(PLACEMENT_STATUSES, { error: "状況は見学・体験・参加・定着・中断から選んでください" }),
  on: isoDate("変更日"),
  reason: z
    .enum(PLACEMENT_INTERRUPTION_REASONS, { error: "中断の理由を一覧から選んでください" })
    .nullable()
    .default(null),
  note: optionalText("メモ", 1000),
  followUpOn: isoDate("次のフォローアップ日").nullable().default(null),
});
export type ChangeStatusInput = z.infer<typeof changeStatusSchema>;

/** A resource looked for and not found: no person's name belongs here. */
export const unmetNeedSchema = z.strictObject({
  lookedFor: requiredText("探した資源", 1000),
  districtId: z.uuid("地区の指定が正しくありません").nullable().default(null),
  audiences: z
    .array(z.enum(RESOURCE_AUDIENCES, { error: "対象を一覧から選んでください" }))
    .max(RESOURCE_AUDIENCES.length)
    .default([]),
});
export type UnmetNeedInput = z.infer<typeof unmetNeedSchema>;
