import { z } from "zod";
import { PUBLIC_SHEET_FIELD_LABELS, PUBLIC_SHEET_FIELDS } from "../../../domain/labels/publications.js";
import { fiscalYearInput } from "../evaluations/schema.js";

export const publicationPlanParams = z.object({ planId: z.uuid("計画の指定が正しくありません") });
export const publicationYearParams = z.object({
  planId: z.uuid("計画の指定が正しくありません"),
  fiscalYear: fiscalYearInput,
});

/**
 * Publishing (or updating) a plan: the sheet fields its published years show. Only the sheet's written fields can be
 * named; the internal ones are not in the list, so a request naming one is a 400.
 */
export const publishPlanSchema = z.strictObject({
  sheetFields: z
    .array(
      z.enum(PUBLIC_SHEET_FIELDS, {
        message: `公開できる評価表の欄は ${PUBLIC_SHEET_FIELDS.map((f) => PUBLIC_SHEET_FIELD_LABELS[f]).join("・")} です`,
      }),
    )
    .max(PUBLIC_SHEET_FIELDS.length),
});
export type PublishPlanInput = z.infer<typeof publishPlanSchema>;
