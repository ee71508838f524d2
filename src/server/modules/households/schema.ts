import { z } from "zod";
import { optionalText, requiredText } from "../../platform/schema-fields.js";

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
    name: optionalText("世帯の呼び名", 100),
    address: requiredText("住所", 300),
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
