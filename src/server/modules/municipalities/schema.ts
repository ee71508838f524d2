import { z } from "zod";
import { readMunicipalityCode } from "../../../domain/municipality-code.js";

/** municipality create: the 団体コード (with its check digit), the name and the first administrator's login id. */
export const createMunicipalitySchema = z.strictObject({
  code: z.string({ error: "--code <団体コード（6桁）> を指定してください" }).transform((typed, ctx) => {
    const reading = readMunicipalityCode(typed);
    if (reading.ok) return reading.code;
    ctx.addIssue({ code: "custom", message: reading.message });
    return z.NEVER;
  }),
  name: z
    .string({ error: "--name <自治体名> を指定してください" })
    .trim()
    .min(1, "--name <自治体名> を指定してください")
    .max(100, "自治体名は100文字以内で指定してください"),
  admin: z
    .string({ error: "--admin <最初の管理者のログインID> を指定してください" })
    .trim()
    .toLowerCase()
    .min(1, "--admin <最初の管理者のログインID> を指定してください")
    .max(100)
    .regex(/^[0-9a-z._@-]+$/, "ログインIDは半角英数字と . _ @ - で指定してください"),
});
export type CreateMunicipalityInput = z.infer<typeof createMunicipalitySchema>;
