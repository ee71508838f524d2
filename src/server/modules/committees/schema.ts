import { z } from "zod";
import { COMMITTEE_FIELD_LABELS, COMMITTEE_KINDS, RESPONSE_STATUSES } from "../../../domain/labels/committees.js";
import { fiscalYearInput } from "../evaluations/schema.js";
import { isoDate } from "../persons/schema.js";

const L = COMMITTEE_FIELD_LABELS;
export const OPINION_MAX_LENGTH = 4000;

const member = z
  .strictObject({
    userId: z.uuid(`${L.members}の指定が正しくありません`),
    termFrom: isoDate(L.termFrom),
    termTo: isoDate(L.termTo).nullable().optional(),
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
    marks: z
      .array(
        z
          .string({ error: `${L.marks}の指定が正しくありません` })
          .trim()
          .min(1, `${L.marks}に空の印があります`)
          .max(10, `${L.marks}の印は10文字以内です`),
        {
          error: `${L.marks}は印の一覧で指定してください`,
        },
      )
      .max(20, `${L.marks}は20件までです`)
      .default([]),
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
