/** A case is opened from a referral that has been accepted (受付) or is being handled (対応中). */
export const OPENABLE_STATUSES: readonly string[] = ["accepted", "in_progress"];
