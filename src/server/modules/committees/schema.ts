import { z } from "zod";
import { COMMITTEE_FIELD_LABELS, COMMITTEE_KINDS, RESPONSE_STATUSES } from "../../../domain/labels/committees.js";
import { fiscalYearInput } from "../evaluations/schema.js";

const L = COMMITTEE_FIELD_LABELS;
export const OPINION_MAX_LENGTH = 4000;

const isoDay = (label: string) =>
  z
    .string({ error: `${label}を入力してください` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}は日付（例: 2025-04-01）で入力してください`)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), `${label}が正しい日付ではありません`);

const member = z
  .strictObject({
    userId: z.uuid(`${L.members}の指定が正しくありません`),
    termFrom: isoDay(L.termFrom),
    termTo: isoDay(L.termTo).nullable().optional(),
  })
  .refine((m) => !m.termTo || m.termFrom <= m.termTo, {
    message: `${L.termTo}は${L.termFrom}より後にしてください`,
    path: ["termTo"],
  });

/** A committee as the plan office sends it: its settings and the whole list of members with their terms. */
export const committeeSchema = z
  .strictObject({
    kind: z.enum(COMMITTEE_KINDS, { error: `${L.kind}を選んでください` }),
    name: z
      .string({ error: `${L.name}を入力してください` })
      .trim()
      .min(1, `${L.name}を入力してください`)
      .max(60, `${L.name}は60文字以内で入力してください`),
    marks: z.array(z.string().trim().min(1).max(10)).max(20).default([]),
    members: z.array(member).max(100).default([]),
  })
  .refine((c) => c.kind !== "subcommittee" || c.marks.length > 0, {
    message: "小委員会には担当する構成計画を1つ以上選んでください",
    path: ["marks"],
  })
  .refine((c) => new Set(c.members.map((m) => m.userId)).size === c.members.length, {
    message: "同じ委員が2回指定されています",
    path: ["members"],
  });
export type CommitteeInput = z.infer<typeof committeeSchema>;

const opinionBody = z
  .string({ error: `${L.body}を入力してください` })
  .trim()
  .min(1, `${L.body}を入力してください`)
  .max(OPINION_MAX_LENGTH, `${L.body}は${OPINION_MAX_LENGTH}文字以内で入力してください`);

/** A new opinion: about one item of the year, or (itemId null) about the year as a whole. */
export const newOpinionSchema = z.strictObject({
  itemId: z.uuid("項目の指定が正しくありません").nullable().optional(),
  body: opinionBody,
});
export const opinionTextSchema = z.strictObject({ body: opinionBody });

export const answerSchema = z.strictObject({
  response: z
    .string({ error: `${L.response}を入力してください` })
    .trim()
    .min(1, `${L.response}を入力してください`)
    .max(OPINION_MAX_LENGTH, `${L.response}は${OPINION_MAX_LENGTH}文字以内で入力してください`),
  responseStatus: z.enum(RESPONSE_STATUSES, { error: `${L.responseStatus}を選んでください` }),
});

export const committeeParams = z.object({ committeeId: z.uuid("委員会の指定が正しくありません") });
export const committeeYearParams = committeeParams.extend({ fiscalYear: fiscalYearInput });
export const opinionParams = z.object({ opinionId: z.uuid("意見の指定が正しくありません") });
export const itemOpinionParams = z.object({
  planId: z.uuid("計画の指定が正しくありません"),
  itemId: z.uuid("項目の指定が正しくありません"),
});
