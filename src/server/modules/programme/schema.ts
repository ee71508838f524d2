import { z } from "zod";
import { PROGRAMME_FIELD_LABELS as L } from "../../../domain/labels/programme.js";
import { NOT_STORABLE, requiredText, storable } from "../../platform/schema-fields.js";

export const projectParams = z.object({ projectId: z.uuid("事業の指定が正しくありません") });

/** A list of records to link, each once; absent leaves the project's links as they are. */
const ids = (label: string) =>
  z
    .array(z.uuid(`${label}の指定が正しくありません`), { error: `${label}は一覧で指定してください` })
    .max(50, `${label}は50件までです`)
    .refine((list) => new Set(list).size === list.length, `${label}に同じものが二度あります`)
    .optional();

/** A change to one project of the registry: every field optional, the ones given replace what is stored. */
export const updateProjectSchema = z.strictObject({
  number: z
    .number({ error: `${L.number}は数字で入力してください` })
    .int(`${L.number}は整数で入力してください`)
    .min(1, `${L.number}は1以上で入力してください`)
    .max(999, `${L.number}は999以下で入力してください`)
    .optional(),
  name: requiredText(L.name, 200).optional(),
  content: z
    .string({ error: `${L.content}は文字列で入力してください` })
    .max(4000, `${L.content}は4000文字以内で入力してください`)
    .refine(storable, NOT_STORABLE)
    .optional(),
  integrated: z.boolean({ error: `${L.integrated}かどうかを true/false で指定してください` }).optional(),
  categoryIds: ids(L.categoryIds).refine((v) => v === undefined || v.length > 0, `${L.categoryIds}を選んでください`),
  departmentIds: ids(L.departmentIds),
  agencyIds: ids(L.agencyIds),
});
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;
