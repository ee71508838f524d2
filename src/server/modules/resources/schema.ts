import { z } from "zod";
import {
  EDITABLE_RESOURCE_STATUSES,
  PROPOSAL_DECISIONS,
  RESOURCE_AUDIENCE_LABELS,
  RESOURCE_AUDIENCES,
  RESOURCE_CATEGORIES,
  RESOURCE_CATEGORY_LABELS,
  RESOURCE_STATUSES,
  WEEKDAYS,
} from "../../../domain/labels/resources.js";
import { optionalText, requiredText, storable } from "../../platform/schema-fields.js";

const id = (what: string) => z.uuid(`${what}の指定が正しくありません`);

export const resourceParams = z.object({ resourceId: id("地域資源") });

const category = z.enum(RESOURCE_CATEGORIES, {
  error: `種別は ${Object.values(RESOURCE_CATEGORY_LABELS).join("・")} から選んでください`,
});
const audience = z.enum(RESOURCE_AUDIENCES, {
  error: `対象は ${Object.values(RESOURCE_AUDIENCE_LABELS).join("・")} から選んでください`,
});
const weekday = z.enum(WEEKDAYS, { error: "曜日は MO・TU・WE・TH・FR・SA・SU で指定してください" });
const tag = z
  .string({ error: "タグは文字列で入力してください" })
  .trim()
  .min(1, "空のタグは登録できません")
  .max(20, "タグは1つ20文字以内で入力してください")
  .refine(storable, "使用できない文字が含まれています");
/** a list without repeats, kept in the order given */
const distinct = <T extends z.ZodType<string>>(item: T, label: string, max: number) =>
  z
    .array(item, { error: `${label}は一覧で指定してください` })
    .max(max, `${label}は${max}個までです`)
    .transform((v) => [...new Set(v)]);

/**
 * What a resource says about itself. The operator is one of the municipality's agencies or, for a community group
 * without an account, its name: exactly one of the two.
 */
const resourceFields = {
  name: requiredText("名称", 100),
  category,
  operatorAgencyId: id("運営する機関").nullable().default(null),
  operatorName: optionalText("運営団体の名前", 100),
  districtId: id("地区").nullable().default(null),
  address: optionalText("所在地", 200),
  locationHidden: z.boolean({ error: "所在地を伏せるかどうかを true/false で指定してください" }).default(false),
  days: distinct(weekday, "曜日", 7).default([]),
  scheduleNote: optionalText("日時の補足", 200),
  audiences: distinct(audience, "対象", RESOURCE_AUDIENCES.length).default([]),
  capacity: z
    .number({ error: "定員は数で入力してください" })
    .int("定員は整数で入力してください")
    .min(1, "定員は1以上で入力してください")
    .max(100000, "定員は100000以下で入力してください")
    .nullable()
    .default(null),
  contact: optionalText("連絡先", 200),
  accessibility: optionalText("バリアフリー・配慮", 500),
  description: optionalText("内容", 2000),
  tags: distinct(tag, "タグ", 20).default([]),
};

type OperatorChoice = { operatorAgencyId?: string | null; operatorName?: string | null };
const oneOperator = (v: OperatorChoice, ctx: z.RefinementCtx) => {
  if (!v.operatorAgencyId === !v.operatorName)
    ctx.addIssue({
      code: "custom",
      path: ["operatorName"],
      message: "運営は機関を選ぶか、地域の団体の名前を入力してください（どちらか一方）",
    });
};

export const createResourceSchema = z.strictObject(resourceFields).superRefine(oneOperator);
export type CreateResourceInput = z.infer<typeof createResourceSchema>;

/** An edit sends the whole resource again (the form shows every field), with its status in the directory. */
export const updateResourceSchema = z
  .strictObject({
    ...resourceFields,
    status: z.enum(EDITABLE_RESOURCE_STATUSES, { error: "状態は 公開中・休止 から選んでください" }),
  })
  .superRefine(oneOperator);
export type UpdateResourceInput = z.infer<typeof updateResourceSchema>;

export const reviewProposalSchema = z
  .strictObject({
    decision: z.enum(PROPOSAL_DECISIONS, { error: "受け入れるか見送るかを選んでください" }),
    reason: optionalText("見送る理由", 500),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && !v.reason?.trim())
      ctx.addIssue({ code: "custom", path: ["reason"], message: "見送る理由を入力してください" });
  });
export type ReviewProposalInput = z.infer<typeof reviewProposalSchema>;

const oneOrMany = <T extends z.ZodType<string>>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]));

/** The directory's filters: every one narrows (a resource must match all of them). */
export const listResourcesQuery = z.object({
  q: z.string().trim().max(100, "検索語は100文字以内で入力してください").optional(),
  category: category.optional(),
  districtId: id("地区").optional(),
  day: weekday.optional(),
  audience: audience.optional(),
  tag: oneOrMany(tag).optional(),
  status: z
    .enum(RESOURCE_STATUSES, { error: "状態は active・paused・proposed・rejected から選んでください" })
    .optional(),
});
export type ListResourcesQuery = z.infer<typeof listResourcesQuery>;

export const activityParams = z.object({
  resourceId: id("地域資源"),
  month: z
    .string({ error: "月は YYYY-MM で指定してください" })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月は YYYY-MM で指定してください"),
});

/** A month of a community hub (地域づくりの拠点): how many took part, and the organisations that joined (no persons). */
export const activitySchema = z.strictObject({
  participants: z
    .number({ error: "参加者数は数で入力してください" })
    .int("参加者数は整数で入力してください")
    .min(0, "参加者数は0以上で入力してください")
    .max(1000000, "参加者数は1000000以下で入力してください"),
  organisations: distinct(requiredText("参加した団体・機関の名前", 100), "参加した団体・機関", 50).default([]),
});
export type ActivityInput = z.infer<typeof activitySchema>;
