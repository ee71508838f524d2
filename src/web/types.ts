/**
 * Shapes of the API answers as the web app uses them (mirrors the server presenters:
 * src/server/modules/*\/presenter.ts and summaries/service.ts).
 */

export type Role = "system_admin" | "plan_office" | "department_editor" | "viewer";

export interface Session {
  user: {
    id: string;
    loginId: string;
    displayName: string;
    role: Role;
    roleLabel: string;
    departmentIds: string[];
  };
  municipality: { id: string; code: string; name: string };
  csrfToken: string;
}

export interface Municipality {
  code: string;
  name: string;
}

export interface GradeDef {
  code: string;
  label: string;
}

export interface Department {
  id: string;
  name: string;
  active: boolean;
  mergedIntoId: string | null;
  abolishedOn: string | null;
  version: number;
  history: { name: string; validFrom: string | null; validTo: string | null }[];
}

export interface Plan {
  id: string;
  title: string;
  kind: string;
  startFiscalYear: number;
  endFiscalYear: number;
  periodLabel: string;
  levelNames: string[];
  gradeScale: GradeDef[];
  constituentPlans: { code: string; title: string }[];
  version: number;
}

export type ItemCategory = "新規" | "拡充" | "継続";

export interface Placement {
  id: string;
  parentItemId: string | null;
  position: number;
  relisted: boolean;
}

export interface PlanItem {
  id: string;
  level: number;
  code: string | null;
  title: string;
  summary: string | null;
  isNew: boolean;
  isPriority: boolean;
  category: ItemCategory | null;
  planPage: string | null;
  constituentPlans: string[];
  departmentIds: string[];
  version: number;
  placements: Placement[];
}

export interface Round {
  id: string;
  fiscalYear: number;
  status: string;
  openedAt: string;
}

export type SheetStatus = "not_started" | "draft" | "submitted" | "accepted" | "returned";

export const SHEET_STATUS_LABELS: Record<SheetStatus, string> = {
  not_started: "未着手",
  draft: "作成中",
  submitted: "提出済",
  accepted: "承認済",
  returned: "差戻し",
};

export interface ItemBrief {
  id: string;
  code: string | null;
  title: string;
  summary: string | null;
  isNew: boolean;
  isPriority: boolean;
  category: string | null;
}

export interface SheetListRow {
  id: string;
  fiscalYear: number;
  status: SheetStatus;
  statusLabel: string;
  grade: string | null;
  departmentIds: string[];
  departmentNames: string[];
  updatedAt: string;
  version: number;
  item: ItemBrief | null;
}

export const SHEET_TEXT_FIELDS = [
  "previousStatus",
  "targetFirst",
  "targetSecond",
  "results",
  "reason",
  "issues",
] as const;
export type SheetTextField = (typeof SHEET_TEXT_FIELDS)[number];
export type SheetField = SheetTextField | "grade";

export interface SourceText {
  raw: string;
  line: number;
}

export interface Sheet {
  id: string;
  planId: string;
  planTitle: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  previousFiscalYearLabel: string;
  status: SheetStatus;
  statusLabel: string;
  previousStatus: string | null;
  targetFirst: string | null;
  targetSecond: string | null;
  results: string | null;
  grade: string | null;
  reason: string | null;
  issues: string | null;
  reviewComment: string | null;
  departmentIds: string[];
  departmentNames: string[];
  gradeScale: GradeDef[];
  /** imported original text per field ({field: {raw, line}}), or null */
  source: Record<string, unknown> | null;
  version: number;
  editable: boolean;
  updatedAt: string;
  submittedAt: string | null;
  item: ItemBrief | null;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  actionLabel: string;
  changes: { field: string; label: string; before: unknown; after: unknown }[];
}

export interface GradeTally {
  counts: Record<string, number>;
  ungraded: number;
  graded: number;
  projects: number;
  percentages: Record<string, number>;
}

export interface SummaryGroup extends GradeTally {
  nodeId: string;
  level: number;
  levelName: string;
  code: string | null;
  title: string;
}

export type SummaryLine =
  | { kind: "heading"; nodeId: string; level: number; levelName: string; code: string | null; title: string }
  | {
      kind: "project";
      itemId: string;
      level: number;
      code: string | null;
      title: string;
      isNew: boolean;
      isPriority: boolean;
      relisted: boolean;
      grade: string | null;
      submittedGrade: string | null;
      status: string | null;
      departmentNames: string[];
    }
  | { kind: "subtotal"; nodeId: string; level: number; label: string };

export interface Summary {
  plan: { id: string; title: string; levelNames: string[]; gradeScale: GradeDef[] };
  fiscalYear: number;
  fiscalYearLabel: string;
  countedStatus: string;
  groups: SummaryGroup[];
  total: GradeTally;
  lines: SummaryLine[];
}

export interface ImportWarning {
  kind: string;
  line: number;
  message: string;
}

/** Report of a text document import (総括表 + 評価表 of a municipality). */
export interface ImportReport {
  kind: "evaluation" | string;
  documentTitle?: string;
  plan: { title: string; startFiscalYear: number | null; endFiscalYear: number | null };
  fiscalYear: number | null;
  goals: number;
  measures: number;
  items: number;
  sheets: number;
  gradeScale?: GradeDef[];
  /** either {code: n} or {counts: {code: n}, ungraded: n} */
  gradeCounts: Record<string, number> | { counts: Record<string, number>; ungraded?: number };
  warnings: ImportWarning[];
  unparsed: { line: number; text: string }[];
  alreadyImported?: boolean;
}

/** Report of an edited evaluation workbook (our own xlsx export brought back). */
export interface WorkbookReport {
  kind: "evaluation-xlsx";
  planId: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  dryRun: boolean;
  changed: {
    sheetId: string;
    code: string | null;
    title: string;
    worksheet: string;
    fields: { field: string; label: string; before: string | null; after: string | null }[];
  }[];
  unchanged: number;
  conflicts: {
    sheetId: string;
    code: string | null;
    title: string;
    worksheet: string;
    message: string;
    fields: { field: string; label: string; file: string | null; current: string | null }[];
  }[];
  problems: { kind: string; worksheet: string | null; cell: string | null; message: string }[];
}

export type AnyImportReport = ImportReport | WorkbookReport;

export function isWorkbookReport(r: AnyImportReport): r is WorkbookReport {
  return r.kind === "evaluation-xlsx";
}
