import { z } from "zod";
import { EXPERT_ROLES, MEETING_LEGAL_BASES } from "../../../domain/labels/meetings.js";
import { optionalText, requiredText } from "../../platform/schema-fields.js";
import { isoDate } from "../persons/schema.js";

export {
  EXPERT_ROLES,
  type ExpertRole,
  MEETING_LEGAL_BASES,
  type MeetingLegalBasis,
} from "../../../domain/labels/meetings.js";

const id = (what: string) => z.uuid(`${what}の指定が正しくありません`);

export const meetingParams = z.object({ meetingId: id("会議") });
export const memberParams = z.object({ meetingId: id("会議"), memberId: id("構成員") });
export const subjectParams = z.object({ meetingId: id("会議"), subjectId: id("議題") });
export const kindParams = z.object({ kindId: id("会議の種類") });
export const districtParams = z.object({ districtId: id("地区") });

const position = z
  .number({ error: "並び順は数で指定してください" })
  .int("並び順は整数で指定してください")
  .min(0, "並び順は0以上で指定してください")
  .max(999, "並び順は999以下で指定してください");
const active = z.boolean({ error: "有効かどうかを true/false で指定してください" });

/** A kind of meeting: the municipality's own name and the legal basis it shares information on (fixed once made). */
export const createMeetingKindSchema = z.strictObject({
  name: requiredText("会議の種類の名前", 40),
  legalBasis: z.enum(MEETING_LEGAL_BASES, {
    error: "根拠は art106_6（支援会議）・consent（重層的支援会議）から選んでください",
  }),
});
export type CreateMeetingKindInput = z.infer<typeof createMeetingKindSchema>;

export const updateMeetingKindSchema = z.strictObject({
  name: requiredText("会議の種類の名前", 40).optional(),
  active: active.optional(),
  position: position.optional(),
});
export type UpdateMeetingKindInput = z.infer<typeof updateMeetingKindSchema>;

export const createDistrictSchema = z.strictObject({ name: requiredText("地区の名前", 40) });
export type CreateDistrictInput = z.infer<typeof createDistrictSchema>;

export const updateDistrictSchema = z.strictObject({
  name: requiredText("地区の名前", 40).optional(),
  active: active.optional(),
  position: position.optional(),
});
export type UpdateDistrictInput = z.infer<typeof updateDistrictSchema>;

const startsAt = z
  .string({ error: "開始時刻は HH:MM で入力してください" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "開始時刻は HH:MM（24時間）で入力してください")
  .nullable();

export const listMeetingsQuery = z.object({
  districtId: id("地区").optional(),
  kindId: id("会議の種類").optional(),
  /** YYYY-MM */
  month: z
    .string({ error: "月は YYYY-MM で指定してください" })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月は YYYY-MM で指定してください")
    .optional(),
});
export type ListMeetingsQuery = z.infer<typeof listMeetingsQuery>;

export const createMeetingSchema = z.strictObject({
  kindId: id("会議の種類"),
  heldOn: isoDate("開催日"),
  startsAt: startsAt.default(null),
  districtId: id("地区").nullable().default(null),
  secretariatAgencyId: id("事務局の機関"),
  title: requiredText("会議の名前", 100),
});
export type CreateMeetingInput = z.infer<typeof createMeetingSchema>;

/** The meeting's details (its kind stays: the agenda was checked against its legal basis). */
export const updateMeetingSchema = z.strictObject({
  heldOn: isoDate("開催日").optional(),
  startsAt: startsAt.optional(),
  districtId: id("地区").nullable().optional(),
  secretariatAgencyId: id("事務局の機関").optional(),
  title: requiredText("会議の名前", 100).optional(),
});
export type UpdateMeetingInput = z.infer<typeof updateMeetingSchema>;

export const saveMinutesSchema = z.strictObject({ minutes: optionalText("会議録", 20000) });
export type SaveMinutesInput = z.infer<typeof saveMinutesSchema>;

/** A member: an agency staff account, or an outside expert (name, affiliation, role) who has no account. */
export const addMemberSchema = z
  .strictObject({
    userId: id("職員").optional(),
    expert: z
      .strictObject({
        name: requiredText("氏名", 60),
        affiliation: requiredText("所属", 100),
        role: z.enum(EXPERT_ROLES, { error: `役割は ${EXPERT_ROLES.join("・")} から選んでください` }),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.userId === !v.expert)
      ctx.addIssue({ code: "custom", path: ["userId"], message: "職員か外部の専門職のどちらか一方を指定してください" });
  });
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const pledgeSchema = z.strictObject({ pledgedOn: isoDate("誓約の日") });
export type PledgeInput = z.infer<typeof pledgeSchema>;

/** An agenda item: a case, or (支援会議 only) a person without a case or not yet consenting. */
export const addSubjectSchema = z
  .strictObject({
    caseId: id("ケース").optional(),
    personId: id("対象者").optional(),
    /** a つなぐシート asking for a 支援会議: the item is its person, and the meeting's members read the sheet */
    referralId: id("つなぐシート").optional(),
  })
  .superRefine((v, ctx) => {
    if ([v.caseId, v.personId, v.referralId].filter(Boolean).length !== 1)
      ctx.addIssue({
        code: "custom",
        path: ["caseId"],
        message: "ケース・対象者・つなぐシートのどれか一つを指定してください",
      });
  });
export type AddSubjectInput = z.infer<typeof addSubjectSchema>;

export const addDecisionSchema = z.strictObject({
  text: requiredText("決定事項", 2000),
  subjectId: id("議題").nullable().default(null),
});
export type AddDecisionInput = z.infer<typeof addDecisionSchema>;

export const supportDecisionSchema = z.strictObject({
  decidedOn: isoDate("支援決定の日"),
  decidedBy: requiredText("決定した人（職名）", 60),
});
export type SupportDecisionInput = z.infer<typeof supportDecisionSchema>;
