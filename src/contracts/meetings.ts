import type { z } from "zod";
import type { caseMeetings } from "../server/modules/meetings/case-meetings.js";
import type { MeetingDetail as MeetingDetailDto, presentMeetingSummary } from "../server/modules/meetings/presenter.js";
import type { memberCandidates } from "../server/modules/meetings/roster.js";
import type {
  addDecisionSchema,
  addMemberSchema,
  addSubjectSchema,
  createDistrictSchema,
  createMeetingKindSchema,
  createMeetingSchema,
  pledgeSchema,
  saveMinutesSchema,
  supportDecisionSchema,
  updateDistrictSchema,
  updateMeetingKindSchema,
  updateMeetingSchema,
} from "../server/modules/meetings/schema.js";
import type { presentDistrict, presentKind } from "../server/modules/meetings/settings.js";
import type { Jsonify, JsonOf } from "./json.js";

// Meetings (支援会議 / 重層的支援会議)
export type MeetingKind = Jsonify<ReturnType<typeof presentKind>>;
export type District = Jsonify<ReturnType<typeof presentDistrict>>;
export type MeetingSummary = Jsonify<ReturnType<typeof presentMeetingSummary>>;
export type MeetingDetail = Jsonify<MeetingDetailDto>;
export type MeetingMember = MeetingDetail["members"][number];
export type MeetingSubject = MeetingDetail["subjects"][number];
export type MeetingDecision = MeetingDetail["decisions"][number];
/** GET /api/meetings/:meetingId/candidates: agency staff who may join the roster */
export type MeetingCandidates = JsonOf<typeof memberCandidates>;
/** GET /api/cases/:caseId/meetings: the case's 支援決定 and the meetings the caller may read that have it on the agenda */
export type CaseMeetings = JsonOf<typeof caseMeetings>;
export type CreateMeetingKindInput = z.input<typeof createMeetingKindSchema>;
export type UpdateMeetingKindInput = z.input<typeof updateMeetingKindSchema>;
export type CreateDistrictInput = z.input<typeof createDistrictSchema>;
export type UpdateDistrictInput = z.input<typeof updateDistrictSchema>;
export type CreateMeetingInput = z.input<typeof createMeetingSchema>;
export type UpdateMeetingInput = z.input<typeof updateMeetingSchema>;
export type SaveMinutesInput = z.input<typeof saveMinutesSchema>;
export type AddMeetingMemberInput = z.input<typeof addMemberSchema>;
export type PledgeInput = z.input<typeof pledgeSchema>;
export type AddSubjectInput = z.input<typeof addSubjectSchema>;
export type AddDecisionInput = z.input<typeof addDecisionSchema>;
export type SupportDecisionInput = z.input<typeof supportDecisionSchema>;
