/**
 * The evaluation sheet in words: its statuses, its fields and what can be done to it. One table each, read by the
 * screens, the API's presenters and messages, the xlsx, print and the CLI, so all of them say the same thing.
 */

/**
 * A sheet runs not_started → draft → submitted → accepted, or back to returned with a comment. The plan office may
 * instead leave a project 未評価 for the year, with a reason (not_evaluated): the year can then be closed without it.
 */
export const SHEET_STATUSES = ["not_started", "draft", "submitted", "accepted", "returned", "not_evaluated"] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];
export const SHEET_STATUS_LABELS: Record<SheetStatus, string> = {
  not_started: "未着手",
  draft: "作成中",
  submitted: "提出済",
  accepted: "承認済",
  returned: "差戻し",
  not_evaluated: "未評価",
};

/** The label of the plan office's reason for leaving a sheet 未評価. */
export const NOT_EVALUATED_REASON_LABEL = "未評価とする理由";

/** The fields of a sheet a department writes (and the xlsx round trip reads back). */
export const SHEET_FIELDS = [
  "previousStatus",
  "targetFirst",
  "targetSecond",
  "results",
  "grade",
  "reason",
  "issues",
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];
export const SHEET_FIELD_LABELS: Record<SheetField, string> = {
  previousStatus: "前年度の実施状況",
  targetFirst: "事業目標（前期）",
  targetSecond: "事業目標（後期）",
  results: "計画事業の実績等",
  grade: "評価",
  reason: "効果又は評価の理由",
  issues: "今後の課題及び事業推進の方策",
};

/** The reason a department gives for a grade other than the one its indicators suggest (the 目安). */
export const GRADE_OVERRIDE_REASON_LABEL = "目安と異なる評価とする理由";

/** What was done to a sheet, in its history and in the audit trail. */
export const SHEET_ACTIONS = [
  "create",
  "update",
  "submit",
  "accept",
  "return",
  "import",
  "import_xlsx",
  "load_demo",
  "not_evaluated",
] as const;
export type SheetAction = (typeof SHEET_ACTIONS)[number];
export const SHEET_ACTION_LABELS: Record<SheetAction, string> = {
  create: "作成",
  update: "保存",
  submit: "提出",
  accept: "承認",
  return: "差戻し",
  import: "取込",
  import_xlsx: "Excel取込",
  load_demo: "デモデータ作成",
  not_evaluated: "未評価とする",
};

/** A year's round is open until the plan office closes it (締め); a closed year is frozen until reopened. */
export const ROUND_STATUSES = ["open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = { open: "評価中", closed: "締切済" };

/** What a closed year's screens and refusals say. */
export const CLOSED_YEAR_MESSAGE = "この年度は締め切られています";

/** A numbered plan revision is a draft (案) until the plan office approves it. */
export const REVISION_STATUSES = ["draft", "approved"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];
export const REVISION_STATUS_LABELS: Record<RevisionStatus, string> = { draft: "案", approved: "承認済" };
