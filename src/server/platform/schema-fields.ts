import { z } from "zod";

/**
 * Field rules the modules' zod schemas share. Pure (zod only): the web imports the schemas for its forms.
 */

/** PostgreSQL text cannot hold U+0000; the field says so in its own words (parseInput refuses it for any value). */
export const storable = (v: string) => !v.includes("\u0000");
export const NOT_STORABLE = "使用できない文字が含まれています";

/**
 * Text that must be given: trimmed, 1 to `max` characters. `notText` words a value that is not text at all (by
 * default the same as a missing one).
 */
export const requiredText = (label: string, max: number, notText = `${label}を入力してください`) =>
  z
    .string({ error: notText })
    .trim()
    .min(1, `${label}を入力してください`)
    .max(max, `${label}は${max}文字以内で入力してください`)
    .refine(storable, NOT_STORABLE);

/**
 * Text a change may clear: absent leaves the stored value, null or blank clears it, anything else is kept as
 * written (not trimmed). `text` is the field's own rule (length, wording).
 */
export const clearable = (text: z.ZodString) =>
  text
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || v.trim() === "" ? null : v));

/** Free text that may be left out: null when missing or blank, else trimmed; at most `max` characters. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}は文字列で入力してください` })
    .max(max, `${label}は${max}文字以内で入力してください`)
    .refine(storable, NOT_STORABLE)
    .nullable()
    .default(null)
    .transform((v) => (v === null || v.trim() === "" ? null : v.trim()));
