import type { DisclosedReferral, ReferralDetail } from "../../../types";
/** A case is opened from a referral that has been accepted (受付) or is being handled (対応中). */
export const OPENABLE_STATUSES: readonly string[] = ["accepted", "in_progress"];

/** Whether the caller sees the referral's person (the coordinators always do; a case is opened on these). */
export const isDisclosed = (r: ReferralDetail): r is DisclosedReferral => r.person !== null && r.personId !== null;
