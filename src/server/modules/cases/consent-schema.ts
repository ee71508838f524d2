import { z } from "zod";
import { CONSENT_METHODS, CONSENT_SCOPES } from "../../../domain/labels/support.js";
import { optionalText } from "../../platform/schema-fields.js";
import { isoDate } from "../persons/schema.js";

/**
 * A consent as it is recorded: whose, for whom (the case's team or named agencies), given on which day and how.
 * A consent is never changed afterwards; a withdrawal is a fact of its own.
 */
export const recordConsentSchema = z
  .strictObject({
    personId: z.uuid("本人の指定が正しくありません"),
    scope: z.enum(CONSENT_SCOPES, { error: `共有先は ${CONSENT_SCOPES.join("・")} から選んでください` }),
    /** scope "agencies": the agencies the person agreed to */
    agencyIds: z
      .array(z.uuid("機関の指定が正しくありません"), { error: "機関を配列で指定してください" })
      .max(20, "機関は20件までです")
      .default([]),
    givenOn: isoDate("同意を得た日"),
    method: z.enum(CONSENT_METHODS, { error: `同意の方法は ${CONSENT_METHODS.join("・")} から選んでください` }),
    /** what "other" was (e.g. 代理人の署名) */
    methodNote: optionalText("方法の説明", 100),
    note: optionalText("備考", 1000),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "agencies" && !v.agencyIds.length)
      ctx.addIssue({ code: "custom", path: ["agencyIds"], message: "同意を得た共有先の機関を1つ以上選んでください" });
    if (v.scope === "team" && v.agencyIds.length)
      ctx.addIssue({ code: "custom", path: ["agencyIds"], message: "チーム全体への同意では機関を選びません" });
    if (new Set(v.agencyIds).size !== v.agencyIds.length)
      ctx.addIssue({ code: "custom", path: ["agencyIds"], message: "同じ機関が2回指定されています" });
    if (v.method === "other" && !v.methodNote)
      ctx.addIssue({ code: "custom", path: ["methodNote"], message: "「その他」の方法を入力してください" });
  });
export type RecordConsentInput = z.infer<typeof recordConsentSchema>;

export const withdrawConsentSchema = z.strictObject({
  withdrawnOn: isoDate("撤回の申し出があった日"),
  reason: optionalText("備考", 1000),
});
export type WithdrawConsentInput = z.infer<typeof withdrawConsentSchema>;

export const consentParams = z.object({
  caseId: z.uuid("ケースの指定が正しくありません"),
  consentId: z.uuid("同意の指定が正しくありません"),
});
