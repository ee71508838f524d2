/**
 * The mid-year report (中間報告) in words: the progress scale, the sheet's fields and states, the round's states.
 * One table each, read by the API's presenters and messages, the screens, the print and the xlsx.
 */

/** 進捗状況: where a project stands at mid-year, on a fixed scale (no grade: the year is not over). */
export const MID_YEAR_PROGRESS = ["on_track", "mostly_on_track", "delayed", "not_begun"] as const;
export type MidYearProgress = (typeof MID_YEAR_PROGRESS)[number];
export const MID_YEAR_PROGRESS_LABELS: Record<MidYearProgress, string> = {
  on_track: "順調",
  mostly_on_track: "概ね順調",
  delayed: "遅れ",
  not_begun: "未着手",
};
/** The progress that makes a project "late" in the report's list of items to watch. */
export const LATE_PROGRESS: readonly MidYearProgress[] = ["delayed", "not_begun"];

/** A mid-year sheet runs not_started → draft → submitted → accepted, or back to returned with the reason. */
export const MID_YEAR_SHEET_STATUSES = ["not_started", "draft", "submitted", "accepted", "returned"] as const;
export type MidYearSheetStatus = (typeof MID_YEAR_SHEET_STATUSES)[number];
export const MID_YEAR_SHEET_STATUS_LABELS: Record<MidYearSheetStatus, string> = {
  not_started: "未記入",
  draft: "作成中",
  submitted: "提出済",
  accepted: "確認済",
  returned: "差戻し",
};
/** The states in which the department has not (or no longer) handed the sheet in: 未提出 in the report. */
export const MID_YEAR_UNSUBMITTED: readonly MidYearSheetStatus[] = ["not_started", "draft", "returned"];

/** The fields a department writes. */
export const MID_YEAR_FIELDS = ["progress", "issues", "secondHalfPlan"] as const;
export type MidYearField = (typeof MID_YEAR_FIELDS)[number];
export const MID_YEAR_FIELD_LABELS: Record<MidYearField, string> = {
  progress: "進捗状況",
  issues: "課題",
  secondHalfPlan: "下半期の予定",
};
export const MID_YEAR_INDICATOR_ACTUAL_LABEL = "指標の上半期の実績";
export const MID_YEAR_REVIEW_COMMENT_LABEL = "差戻しの理由";

export const MID_YEAR_ROUND_STATUSES = ["open", "closed"] as const;
export type MidYearRoundStatus = (typeof MID_YEAR_ROUND_STATUSES)[number];
export const MID_YEAR_ROUND_STATUS_LABELS: Record<MidYearRoundStatus, string> = {
  open: "受付中",
  closed: "締切済",
};

/** What a closed mid-year round's screens and refusals say. */
export const MID_YEAR_CLOSED_MESSAGE = "この年度の中間報告は締め切られています";
