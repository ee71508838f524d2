import { z } from "zod";
import { isKana } from "../../../domain/persons/kana.js";
import { NOT_STORABLE, optionalText, requiredText, storable } from "../../platform/schema-fields.js";

export const isoDate = (label: string) =>
  z
    .string({ error: `${label}は YYYY-MM-DD で入力してください` })
    // a text that is not YYYY-MM-DD gets that one message, not also "not a correct date"
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label}は YYYY-MM-DD で入力してください`, abort: true })
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, `${label}が正しい日付ではありません`);

const kana = z
  .string({ error: "ふりがなを入力してください" })
  .trim()
  .min(1, "ふりがなを入力してください")
  .max(100, "ふりがなは100文字以内で入力してください")
  .refine(isKana, "ふりがなは ひらがな・カタカナ で入力してください");

export const createPersonSchema = z.strictObject({
  nameKanji: optionalText("氏名", 100),
  nameKana: kana,
  dateOfBirth: isoDate("生年月日").nullable().default(null),
  address: optionalText("住所", 300),
  phone: optionalText("電話番号", 30).refine(
    (v) => v === null || /^[0-9０-９+()\-－ ]+$/.test(v),
    "電話番号は数字と - ( ) + で入力してください",
  ),
});
export type CreatePersonInput = z.infer<typeof createPersonSchema>;

/**
 * Names stay out of URLs and logs: the search is a POST with what was typed in the body, a reading (kana only) or
 * the beginning of a name (漢字, or anything else that is not kana only).
 */
export const searchPersonsSchema = z.strictObject({
  query: z
    .string({ error: "ふりがなか氏名を入力してください" })
    .trim()
    .min(1, "ふりがなか氏名を入力してください")
    .max(100, "100文字以内で入力してください")
    .refine(storable, NOT_STORABLE),
});

export const linkPersonsSchema = z.strictObject({
  otherPersonId: z.uuid("関連付ける相手の指定が正しくありません"),
  reason: requiredText("関連付けの理由", 500),
});

export const personParams = z.object({ personId: z.uuid("対象者の指定が正しくありません") });
