/**
 * The API's shapes for the screens: every one is computed from the server's code in src/contracts, none is
 * written here. This module only keeps the screens' imports short; the label tables below move to the shared
 * labels module.
 */
import type {
  AnyImportReport,
  AttainmentStatus,
  Consent,
  IndicatorKind,
  PersonAccess,
  PlanDocumentReport,
  SheetStatus,
  TargetTyped,
  WorkbookReport,
} from "../contracts";
import type { SheetField } from "../server/modules/evaluations/schema";

export type * from "../contracts";
export type { SheetField };
/** A sheet's text fields (every field of the sheet but its grade). */
export type SheetTextField = Exclude<SheetField, "grade">;

export const SHEET_STATUS_LABELS: Record<SheetStatus, string> = {
  not_started: "未着手",
  draft: "作成中",
  submitted: "提出済",
  accepted: "承認済",
  returned: "差戻し",
};

/** The badge text of an attainment (the server's statusLabel says 要判定 / 実績未入力; the screens use these). */
export const ATTAINMENT_LABELS: Record<AttainmentStatus, string> = {
  met: "達成",
  notMet: "未達成",
  manual: "要判断",
  noActual: "未入力",
};

/** How the server read a target (TargetTyped.kind), in the words of the screens. */
export const TARGET_KIND_LABELS: Record<TargetTyped["kind"], string> = {
  numeric: "数値",
  milestone: "段階",
  asNeeded: "適宜",
  text: "文章",
};

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  activity: "活動指標",
  outcome: "成果指標",
  policy: "政策指標",
};

/** Why the caller's agency may see a person found by a search (the need-to-know basis). */
export const PERSON_ACCESS_LABELS: Record<PersonAccess, string> = {
  coordinator: "多機関協働として",
  registrar: "自機関で登録",
  referral: "つなぐシートの送付・受信",
  case: "ケースのチーム",
};

export const CONSENT_LABELS: Record<Consent, string> = {
  given: "同意あり",
  not_given: "同意なし",
  unknown: "未確認",
};

/** The label of a sheet's destination when it goes to the coordinators. */
export const COORDINATORS = "多機関協働（調整役）";

export function isWorkbookReport(r: AnyImportReport): r is WorkbookReport {
  return r.kind === "evaluation-xlsx";
}

export function isPlanDocumentReport(r: { kind: string }): r is PlanDocumentReport {
  return r.kind === "implementation-plan" || r.kind === "indicator-table";
}
