import { z } from "zod";
import { storable } from "../../platform/schema-fields.js";

/** 続柄: the relationship of a member to the household's main person (本人). */
export const RELATIONSHIPS = [
  "本人",
  "配偶者",
  "子",
  "父",
  "母",
  "祖父母",
  "孫",
  "兄弟姉妹",
  "同居人",
  "その他",
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

const relationship = z.enum(RELATIONSHIPS, { error: `続柄は ${RELATIONSHIPS.join("・")} から選んでください` });

export const memberSchema = z.strictObject({
  personId: z.uuid("世帯員の指定が正しくありません"),
  relationship,
});
export type MemberInput = z.infer<typeof memberSchema>;

export const createHouseholdSchema = z
  .strictObject({
    name: z
      .string({ error: "世帯の呼び名は文字列で入力してください" })
      .max(100, "世帯の呼び名は100文字以内で入力してください")
      .refine(storable, "使用できない文字が含まれています")
      .nullable()
      .default(null)
      .transform((v) => (v === null || v.trim() === "" ? null : v.trim())),
    address: z
      .string({ error: "住所を入力してください" })
      .trim()
      .min(1, "住所を入力してください")
      .max(300, "住所は300文字以内で入力してください")
      .refine(storable, "使用できない文字が含まれています"),
    members: z
      .array(memberSchema, { error: "世帯員を指定してください" })
      .min(1, "世帯員を1人以上指定してください")
      .max(30, "世帯員は30人までです"),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.members.forEach((m, i) => {
      if (seen.has(m.personId))
        ctx.addIssue({ code: "custom", path: ["members", i, "personId"], message: "同じ人が2回指定されています" });
      seen.add(m.personId);
    });
    if (v.members.filter((m) => m.relationship === "本人").length > 1)
      ctx.addIssue({ code: "custom", path: ["members"], message: "続柄「本人」は1人だけです" });
  });
export type CreateHouseholdInput = z.infer<typeof createHouseholdSchema>;

export const householdParams = z.object({ householdId: z.uuid("世帯の指定が正しくありません") });
export const memberParams = z.object({
  householdId: z.uuid("世帯の指定が正しくありません"),
  personId: z.uuid("世帯員の指定が正しくありません"),
});
/** Find the households of a person (an id, never a name, in the URL). */
export const listHouseholdsQuery = z.object({ personId: z.uuid("対象者の指定が正しくありません").optional() });
