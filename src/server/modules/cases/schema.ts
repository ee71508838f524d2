import { z } from "zod";
import {
  CASE_CONSENTS,
  CASE_REVIEW_FILTERS,
  PHASES,
  type Phase,
  RECORD_VISIBILITIES,
} from "../../../domain/labels/support.js";
import { pageQuery } from "../../platform/paging.js";
import { NOT_STORABLE, optionalText, requiredText, storable } from "../../platform/schema-fields.js";
import { concernLabels } from "../concerns/schema.js";
import { createHouseholdSchema } from "../households/schema.js";
import { isoDate } from "../persons/schema.js";
import { requireConsentDetails } from "../referrals/schema.js";

export {
  CASE_CONSENTS,
  type CaseConsent,
  PHASES,
  type Phase,
  RECORD_VISIBILITIES,
} from "../../../domain/labels/support.js";

/**
 * Where a case may go next: one step forward, back to an earlier step (re-assessment, re-planning), or closed
 * from anywhere. A closed case stays closed (a new case is opened from a new referral).
 */
export const PHASE_TRANSITIONS: Record<Phase, readonly Phase[]> = {
  intake: ["assessment", "closed"],
  assessment: ["planning", "intake", "closed"],
  planning: ["support", "assessment", "closed"],
  support: ["monitoring", "planning", "assessment", "closed"],
  monitoring: ["support", "planning", "assessment", "closed"],
  closed: [],
};
/** The next phase in order: the only move that needs no reason. */
export const nextPhase = (p: Phase): Phase | null => PHASES[PHASES.indexOf(p) + 1] ?? null;

/** 支援経過: the kinds of activity (stored as the words themselves). */
export const RECORD_KINDS = ["面談", "訪問", "電話", "同行", "オンライン", "会議"] as const;

/**
 * The shared assessment format (統一的な記録方式): a fixed list of sections, every one free text. Saving creates a
 * new version; versions are never overwritten.
 */
export const ASSESSMENT_SECTIONS = [
  { key: "person", label: "本人の状況", hint: "心身の状態、生活の様子、本人が困っていること" },
  { key: "household", label: "世帯の状況", hint: "世帯員それぞれの状況と関係、介護・養育の負担" },
  { key: "health", label: "健康・障害", hint: "病気、障害、通院・服薬、手帳や認定の状況" },
  { key: "economy", label: "経済状況", hint: "収入、支出、債務、受けている給付" },
  { key: "housing", label: "住まい", hint: "住居の種類と状態、家賃、転居の必要" },
  { key: "social", label: "社会参加・つながり", hint: "仕事、学校、居場所、近所や友人とのつながり" },
  { key: "wishes", label: "本人の希望", hint: "本人（と家族）が望む暮らし、支援への希望" },
  { key: "view", label: "支援者の見立て", hint: "課題の整理、強み、優先して取り組むこと" },
] as const;
export type AssessmentSectionKey = (typeof ASSESSMENT_SECTIONS)[number]["key"];

const uuidList = (label: string, min: number) =>
  z
    .array(z.uuid(`${label}の指定が正しくありません`), { error: `${label}を配列で指定してください` })
    .min(min, `${label}を${min}つ以上指定してください`)
    .max(20, `${label}は20件までです`);

/** labels of the municipality's active categories (checked by the service) */
const concerns = concernLabels("課題");

export const consentSchema = z
  .strictObject({
    consent: z.enum(CASE_CONSENTS, { error: `本人同意は ${CASE_CONSENTS.join("・")} から選んでください` }),
    consentDate: isoDate("日付").nullable().default(null),
    consentMethod: optionalText("確認の方法", 100),
    reason: optionalText("備考", 1000),
  })
  .superRefine(requireConsentDetails);
export type ConsentInput = z.infer<typeof consentSchema>;

export const openCaseSchema = z
  .strictObject({
    referralIds: uuidList("つなぐシート", 1),
    /** an existing household, or … */
    householdId: z.uuid("世帯の指定が正しくありません").optional(),
    /** … a new one, registered with the case in the same transaction */
    household: createHouseholdSchema.optional(),
    mainPersonId: z.uuid("主たる対象者の指定が正しくありません"),
    leadAgencyId: z.uuid("主担当機関の指定が正しくありません"),
    teamAgencyIds: uuidList("チームの機関", 0).default([]),
    /** null = the concerns of the referrals */
    issues: concerns.nullable().default(null),
    /** the consent as confirmed when opening; null = derived from the referrals (given only if all say given) */
    consent: consentSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.referralIds).size !== v.referralIds.length)
      ctx.addIssue({ code: "custom", path: ["referralIds"], message: "同じつなぐシートが2回指定されています" });
    if ((v.householdId === undefined) === (v.household === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["householdId"],
        message: "世帯は、登録済みの世帯を選ぶか新しい世帯を指定するか、どちらか一方にしてください",
      });
  });
export type OpenCaseInput = z.infer<typeof openCaseSchema>;

/** Cases per page of the list (every case shown is an audited read of its main person). */
export const CASE_PAGE_SIZE = 50;

export const listCasesQuery = z.object({
  phase: z.enum(PHASES, { error: `段階は ${PHASES.join("・")} から選んでください` }).optional(),
  review: z
    .enum(CASE_REVIEW_FILTERS, { error: `見直しは ${CASE_REVIEW_FILTERS.join("・")} から選んでください` })
    .optional(),
  ...pageQuery(CASE_PAGE_SIZE, 200),
});
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const caseParams = z.object({ caseId: z.uuid("ケースの指定が正しくありません") });
export const teamMemberParams = z.object({
  caseId: z.uuid("ケースの指定が正しくありません"),
  agencyId: z.uuid("機関の指定が正しくありません"),
});
export const assessmentParams = z.object({
  caseId: z.uuid("ケースの指定が正しくありません"),
  version: z.coerce
    .number({ error: "版の指定が正しくありません" })
    .int("版の指定が正しくありません")
    .min(1, "版の指定が正しくありません")
    .max(1_000_000, "版の指定が正しくありません"),
});

export const updateCaseSchema = z
  .strictObject({
    issues: concerns.optional(),
    leadAgencyId: z.uuid("主担当機関の指定が正しくありません").optional(),
    reason: optionalText("理由", 1000),
  })
  .superRefine((v, ctx) => {
    if (v.issues === undefined && v.leadAgencyId === undefined)
      ctx.addIssue({ code: "custom", path: ["(body)"], message: "変更する項目（課題・主担当機関）を指定してください" });
  });
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;

export const changePhaseSchema = z.strictObject({
  to: z.enum(PHASES, { error: `次の段階は ${PHASES.join("・")} から選んでください` }),
  reason: optionalText("理由", 1000),
});
export type ChangePhaseInput = z.infer<typeof changePhaseSchema>;

export const addTeamAgencySchema = z.strictObject({
  agencyId: z.uuid("機関の指定が正しくありません"),
  reason: optionalText("理由", 1000),
});
export type AddTeamAgencyInput = z.infer<typeof addTeamAgencySchema>;

export const removeTeamAgencySchema = z.strictObject({ reason: optionalText("理由", 1000) });

export const createRecordSchema = z.strictObject({
  kind: z.enum(RECORD_KINDS, { error: `種別は ${RECORD_KINDS.join("・")} から選んでください` }),
  date: isoDate("実施日"),
  text: requiredText("内容", 10000),
  visibility: z
    .enum(RECORD_VISIBILITIES, { error: "公開範囲は team（チーム全体）・agency（自機関のみ）から選んでください" })
    .default("team"),
});
export type CreateRecordInput = z.infer<typeof createRecordSchema>;

const sectionText = (label: string) =>
  z
    .string({ error: `${label}は文字列で入力してください` })
    .max(5000, `${label}は5000文字以内で入力してください`)
    .refine(storable, NOT_STORABLE)
    .default("")
    .transform((v) => v.trim());

export const saveAssessmentSchema = z
  .strictObject({
    sections: z.strictObject(
      Object.fromEntries(ASSESSMENT_SECTIONS.map((s) => [s.key, sectionText(s.label)])) as Record<
        AssessmentSectionKey,
        ReturnType<typeof sectionText>
      >,
      { error: "アセスメントの項目を指定してください" },
    ),
    note: optionalText("更新メモ", 500),
  })
  .superRefine((v, ctx) => {
    if (Object.values(v.sections).every((t) => !t))
      ctx.addIssue({ code: "custom", path: ["sections"], message: "少なくとも1つの項目を入力してください" });
  });
export type SaveAssessmentInput = z.infer<typeof saveAssessmentSchema>;
