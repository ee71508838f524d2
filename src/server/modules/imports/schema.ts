import { z } from "zod";
import type { DepartmentDecisions } from "../../../domain/departments/named-departments.js";
import { parseInput, ValidationError } from "../../platform/errors.js";

/**
 * The plan office's decision for each new department name of a document, sent with the commit. The upload body is
 * the file itself, so the decisions travel beside it like its name: URL-encoded JSON in the `X-Import-Departments`
 * header, `{"<name as listed in the preview>": {"action": "create" | "skip"} | {"action": "map", "departmentId": …}}`.
 */
export const DEPARTMENT_DECISIONS_HEADER = "x-import-departments";

const decision = z.discriminatedUnion(
  "action",
  [
    z.strictObject({ action: z.literal("create") }),
    z.strictObject({ action: z.literal("skip") }),
    z.strictObject({ action: z.literal("map"), departmentId: z.uuid("対応付ける課を選んでください") }),
  ],
  { error: "課の扱いは「登録する」「対応付ける」「登録しない」のいずれかを選んでください" },
);

export const commitDecisionsSchema = z.strictObject({
  departments: z
    .record(z.string().min(1).max(200), decision)
    .refine((d) => Object.keys(d).length <= 1000, "課の指定が多すぎます"),
});

/** The decisions of a commit request (none when the header is absent); unreadable ones are a field-named 400. */
export function departmentDecisionsOf(header: string | string[] | undefined): DepartmentDecisions {
  if (header === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(Array.isArray(header) ? header.join("") : header));
  } catch {
    throw new ValidationError([{ field: "departments", message: "課の扱いの指定を読み取れませんでした" }]);
  }
  return parseInput(commitDecisionsSchema, { departments: value }).departments;
}
