import { z } from "zod";
import { REFERRAL_STATUSES, type ReferralStatus } from "../../../domain/labels/support.js";
import { optionalText, requiredText } from "../../platform/schema-fields.js";
import { concernLabels } from "../concerns/schema.js";
import { isoDate } from "../persons/schema.js";

export { REFERRAL_STATUSES, type ReferralStatus } from "../../../domain/labels/support.js";
/** Where a referral may go next. A forwarded referral waits for its new receiver, as a sent one does. */
export const TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ["accepted", "declined", "forwarded"],
  forwarded: ["accepted", "declined", "forwarded"],
  accepted: ["in_progress", "completed", "declined", "forwarded"],
  in_progress: ["completed", "declined", "forwarded"],
  completed: [],
  declined: [],
};
export const CLOSED_STATUSES: readonly ReferralStatus[] = ["completed", "declined"];

/** The default list of concerns (困りごと): the list of a municipality that has not edited its own. */
export const DEFAULT_CONCERNS = [
  "介護",
  "障害",
  "子育て",
  "生活困窮",
  "住まい",
  "ひきこもり",
  "ヤングケアラー",
  "8050",
  "精神保健",
  "虐待・DV",
  "外国籍",
  "その他",
] as const;
export const URGENCIES = ["高", "中", "低"] as const;
export const CONSENTS = ["given", "not_given", "unknown"] as const;
export type Consent = (typeof CONSENTS)[number];

/**
 * Consent given is recorded with the day and how it was obtained; a withdrawal (of a case's consent) with the day it
 * was asked for. Shared by the referral and the case so that both say the same.
 */
export function requireConsentDetails(
  v: { consent: string; consentDate: string | null; consentMethod: string | null },
  ctx: z.RefinementCtx,
) {
  if ((v.consent === "given" || v.consent === "withdrawn") && !v.consentDate)
    ctx.addIssue({
      code: "custom",
      path: ["consentDate"],
      message: v.consent === "given" ? "同意を得た日を入力してください" : "撤回の申し出があった日を入力してください",
    });
  if (v.consent === "given" && !v.consentMethod)
    ctx.addIssue({
      code: "custom",
      path: ["consentMethod"],
      message: "同意の方法（書面・口頭など）を入力してください",
    });
}

export const createReferralSchema = z
  .strictObject({
    personId: z.uuid("対象者の指定が正しくありません"),
    toAgencyId: z.uuid("送付先の機関の指定が正しくありません").nullable().default(null),
    /** labels of the municipality's active categories (checked by the service) */
    concerns: concernLabels("困りごと"),
    observed: requiredText("気づいたこと", 5000),
    urgency: z.enum(URGENCIES, { error: "緊急度は 高・中・低 から選んでください" }),
    consent: z.enum(CONSENTS, { error: "本人同意は given・not_given・unknown から選んでください" }),
    consentDate: isoDate("同意日").nullable().default(null),
    consentMethod: optionalText("同意の方法", 100),
    dueDate: isoDate("対応期限").nullable().default(null),
    /** asks the coordinators to take the person up at a 支援会議: no agency is named, consent is not needed */
    toSupportMeeting: z.boolean({ error: "支援会議での検討の依頼は true か false で指定してください" }).default(false),
  })
  .superRefine(requireConsentDetails)
  .superRefine((v, ctx) => {
    if (v.toSupportMeeting && v.toAgencyId)
      ctx.addIssue({
        code: "custom",
        path: ["toAgencyId"],
        message:
          "支援会議での検討を依頼するときは、送付先の機関を選ばないでください（多機関協働の調整役が受け取ります）",
      });
  });
export type CreateReferralInput = z.infer<typeof createReferralSchema>;

export const transitionSchema = z
  .strictObject({
    to: z.enum(["accepted", "in_progress", "completed", "declined", "forwarded"], {
      error: "次の状態は accepted・in_progress・completed・declined・forwarded から選んでください",
    }),
    reason: optionalText("理由", 1000),
    toAgencyId: z.uuid("転送先の機関の指定が正しくありません").nullable().default(null),
    /** forwarded to the 多機関協働 coordinators (who alone open a case with several agencies), not to one agency */
    toCoordinators: z.boolean({ error: "多機関協働への引き継ぎは true か false で指定してください" }).default(false),
  })
  .superRefine((v, ctx) => {
    if ((v.to === "declined" || v.to === "forwarded") && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "辞退・転送の理由を入力してください" });
    if (v.toCoordinators && (v.to !== "forwarded" || v.toAgencyId))
      ctx.addIssue({
        code: "custom",
        path: ["toCoordinators"],
        message: "多機関協働への引き継ぎは、転送先の機関を選ばずに転送として指定してください",
      });
    if (v.to === "forwarded" && !v.toAgencyId && !v.toCoordinators)
      ctx.addIssue({ code: "custom", path: ["toAgencyId"], message: "転送先の機関を選んでください" });
    if (v.to !== "forwarded" && v.toAgencyId)
      ctx.addIssue({ code: "custom", path: ["toAgencyId"], message: "転送先は転送のときだけ指定できます" });
  });
export type TransitionInput = z.infer<typeof transitionSchema>;

export const listReferralsQuery = z.object({
  status: z
    .enum([...REFERRAL_STATUSES, "overdue"], {
      error: "状態は sent・accepted・in_progress・completed・declined・forwarded・overdue から選んでください",
    })
    .optional(),
});
export type ListFilter = z.infer<typeof listReferralsQuery>["status"];

export const referralParams = z.object({ referralId: z.uuid("つなぐシートの指定が正しくありません") });
