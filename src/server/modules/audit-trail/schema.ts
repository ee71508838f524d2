import { z } from "zod";
import { parseJapaneseDate } from "../../../domain/japanese-date.js";
import { AUDIT_ACTION_KINDS } from "../../../domain/labels/audit.js";

export { AUDIT_ACTION_KINDS, type AuditActionKind } from "../../../domain/labels/audit.js";

const day = (label: string) =>
  z
    .string({ error: `${label}を日付で指定してください` })
    .trim()
    .max(40, `${label}が長すぎます`)
    .refine(
      (v) => parseJapaneseDate(v) !== null,
      `${label}は 令和7年4月1日・R7.4.1・2025-04-01 のように入力してください`,
    )
    .transform((v) => parseJapaneseDate(v) as string);

/**
 * The filters of the audit trail: ids and dates only (never a name, so that nothing personal is in a URL or a
 * log line). Unknown parameters are refused.
 */
export const auditQuerySchema = z
  .strictObject({
    /** what the record is about: e.g. referral, person, user, plan_item (with entityId) */
    entityType: z
      .string({ error: "対象の種類を指定してください" })
      .regex(/^[a-z][a-z_]{0,39}$/, "対象の種類は referral・person のような英小文字で指定してください")
      .optional(),
    entityId: z
      .string({ error: "対象のIDを指定してください" })
      .trim()
      .regex(/^[0-9A-Za-z][0-9A-Za-z_.:-]{0,99}$/, "対象のIDが正しくありません")
      .optional(),
    actorUserId: z.uuid("操作した人の指定が正しくありません").optional(),
    from: day("開始日").optional(),
    to: day("終了日").optional(),
    action: z
      .enum(AUDIT_ACTION_KINDS, { error: "操作の種類は read・change・denied・login から選んでください" })
      .optional(),
    /** paging: records older than this sequence number (the nextBefore of the previous page) */
    before: z.coerce
      .number({ error: "ページの指定が正しくありません" })
      .int("ページの指定が正しくありません")
      .min(1, "ページの指定が正しくありません")
      .max(Number.MAX_SAFE_INTEGER, "ページの指定が正しくありません")
      .optional(),
    limit: z.coerce
      .number({ error: "件数は数値で指定してください" })
      .int("件数は整数で指定してください")
      .min(1, "件数は1以上で指定してください")
      .max(200, "件数は200件以内で指定してください")
      .default(50),
  })
  .superRefine((q, ctx) => {
    if (q.entityId !== undefined && q.entityType === undefined) {
      ctx.addIssue({ code: "custom", path: ["entityType"], message: "対象のIDと一緒に対象の種類を指定してください" });
    }
    if (q.from && q.to && q.from > q.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "終了日は開始日と同じか、それより後の日にしてください" });
    }
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;
