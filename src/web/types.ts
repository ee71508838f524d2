import type { Change } from "../domain/revisions/diff";

/**
 * Shapes of the API answers as the web app uses them (mirrors the server presenters:
 * src/server/modules/*\/presenter.ts and summaries/service.ts).
 */

export type { Role } from "../domain/access/principals";

import type { Role } from "../domain/access/principals";

/** Which version of a plan a screen shows (see the server's revisions/in-force.ts). */
export interface PlanShown {
  /** in_force: an approved revision; draft: the working copy of the revision being drafted; unapproved: 策定中 */
  kind: "in_force" | "draft" | "unapproved";
  number: number | null;
  label: string | null;
  /** the revision being drafted (told to the plan office only) */
  draftNumber: number | null;
}

export interface Session {
  user: {
    id: string;
    loginId: string;
    displayName: string;
    role: Role;
    roleLabel: string;
    departmentIds: string[];
    /** the agency of an agency staff or provider account */
    agencyId: string | null;
    /** the account's agency is a 多機関協働 coordinator */
    isCoordinator: boolean;
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
  /** why the grade differs from the one the indicators suggest */
  gradeOverrideReason: string | null;
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
  /** the indicators of the sheet's item (and the items below it) in the sheet's year */
  indicators: IndicatorYear[];
  /** the grade the indicators suggest (grade null: nothing decidable) */
  suggestedGrade: SuggestedGrade;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  /** the login id as recorded ("cli:<os user>" for an operator command) */
  actor: string;
  /** the person's name (null when there is no user: an operator command) */
  actorName: string | null;
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

/** A department a document names (src/domain/departments/named-departments.ts), with what the import did with it. */
export interface NamedDepartment {
  name: string;
  status: "existing" | "new" | "collective";
  department: { id: string; name: string } | null;
  matchedBy: "name" | "former_name" | "merged" | null;
  mentions: number;
  firstLine: number | null;
  /** after the commit (src/server/modules/imports/departments-by-name.ts) */
  outcome?: "existing" | "created" | "mapped" | "skipped" | "collective";
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
  encoding?: string;
  departments?: NamedDepartment[];
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

export type AnyImportReport = ImportReport | WorkbookReport | PlanDocumentReport;

export function isWorkbookReport(r: AnyImportReport): r is WorkbookReport {
  return r.kind === "evaluation-xlsx";
}

// ---------------------------------------------------------------------------------------------------------------
// Indicators (src/server/modules/indicators/presenter.ts, service.ts)

export type AttainmentStatus = "met" | "notMet" | "manual" | "noActual";

export type TargetTyped =
  | { kind: "numeric"; comparator: "gte" | "lte" | "eq" | "gt" | "lt"; value: number; unit: string }
  | { kind: "milestone"; step: string; rank: number; prefix?: string }
  | { kind: "asNeeded" }
  | { kind: "text" };

export interface IndicatorTarget {
  fiscalYear: number;
  fiscalYearLabel: string;
  /** as written in the plan ("28か所以上") */
  source: string;
  typed: TargetTyped;
  /** as displayed ("28か所以上", "試行実施", "適宜") */
  formatted: string;
  version: number;
}

export type ActualKind = "number" | "milestone" | "text";

export interface IndicatorActual {
  fiscalYear: number;
  kind: ActualKind;
  value: number | null;
  step: string | null;
  text: string | null;
  /** as people read it: "1,200人", "試行実施" */
  display: string;
  comment: string | null;
  version: number;
  revisionId: string | null;
  updatedAt: string;
}

export interface Attainment {
  status: AttainmentStatus;
  statusLabel: string;
  /** 1 = exactly reached; null when it cannot be computed */
  rate: number | null;
  reason: string;
}

export interface IndicatorItemBrief {
  id: string;
  code: string | null;
  title: string;
  level: number;
  levelName: string;
}

export interface IndicatorBaseline {
  source: string | null;
  fiscalYear: number | null;
}

/** One indicator in one fiscal year (list, sheet, my department). */
export interface IndicatorYear {
  id: string;
  kind: string;
  kindLabel: string;
  name: string;
  baseline: IndicatorBaseline | null;
  position: number;
  version: number;
  item: IndicatorItemBrief | null;
  departments: { id: string; name: string }[];
  fiscalYear: number;
  target: IndicatorTarget | null;
  actual: IndicatorActual | null;
  attainment: Attainment;
}

export interface AttainmentTally {
  indicators: number;
  met: number;
  notMet: number;
  manual: number;
  noActual: number;
  decidable: number;
  /** met ÷ decidable, null when nothing is decidable */
  share: number | null;
}

export interface IndicatorList {
  plan: { id: string; title: string };
  fiscalYear: number;
  fiscalYearLabel: string;
  counts: AttainmentTally;
  /** indicators the filter selects (counts cover them all); the page holds indicators[offset … offset+limit) */
  total: number;
  offset: number;
  limit: number | null;
  indicators: IndicatorYear[];
}

export interface IndicatorPoint {
  fiscalYear: number;
  fiscalYearLabel: string;
  target: IndicatorTarget | null;
  actual: IndicatorActual | null;
  attainment: Attainment;
}

/** GET /api/indicators/:id */
export interface IndicatorDetail {
  id: string;
  planId: string;
  kind: string;
  kindLabel: string;
  name: string;
  baseline: IndicatorBaseline | null;
  position: number;
  version: number;
  item: IndicatorItemBrief | null;
  departments: { id: string; name: string }[];
  years: IndicatorPoint[];
}

/** GET /api/indicators/:id/series */
export interface IndicatorSeries {
  indicator: { id: string; name: string; kind: string; unit: string | null };
  baseline: { source: string | null; fiscalYear: number | null; value: number | null };
  points: IndicatorPoint[];
}

/** PUT /api/indicators/:id/actuals/:fiscalYear */
export interface ActualSaved {
  indicatorId: string;
  fiscalYear: number;
  target: IndicatorTarget | null;
  actual: IndicatorActual;
  attainment: Attainment;
}

/** GET /api/plans/:planId/targets/unclassified: targets that stay free text, for the plan office. */
export interface UnclassifiedTargets {
  plan: { id: string; title: string };
  counts: TargetKindCounts & { total: number };
  texts: {
    source: string;
    count: number;
    occurrences: {
      indicatorId: string;
      indicatorName: string;
      fiscalYear: number;
      fiscalYearLabel: string;
      item: IndicatorItemBrief | null;
    }[];
  }[];
}

export interface MilestoneStep {
  label: string;
  rank: number;
  aliases?: string[];
}

export interface MilestoneLadder {
  ladder: { steps: MilestoneStep[] };
  isDefault: boolean;
  version: number;
}

/** PUT /api/plans/:planId/milestone-ladder: every target of the plan is read again with the new ladder. */
export interface LadderSaved extends MilestoneLadder {
  retypedTargets: number;
  unclassifiedTargets: number;
}

export type IndicatorKind = "activity" | "outcome" | "policy";

export interface AttainmentShare {
  plan: { id: string; title: string };
  fiscalYear: number;
  fiscalYearLabel: string;
  total: AttainmentTally;
  goals: (AttainmentTally & { item: IndicatorItemBrief | null })[];
  departments: (AttainmentTally & { department: { id: string; name: string } })[];
}

export type MatrixMark = "own" | "rolledUp";

export interface DepartmentMatrix {
  plan: { id: string; title: string };
  level: number;
  levelName: string;
  legend: Record<MatrixMark, string>;
  departments: { id: string; name: string }[];
  rows: {
    item: IndicatorItemBrief | null;
    goal: IndicatorItemBrief | null;
    parent: IndicatorItemBrief | null;
    marks: Record<string, MatrixMark>;
  }[];
}

export interface SuggestedGrade {
  grade: string | null;
  reason: string;
}

export interface MyDepartment {
  plan: { id: string; title: string };
  fiscalYear: number;
  fiscalYearLabel: string;
  departments: { id: string; name: string }[];
  counts: AttainmentTally;
  items: {
    item: IndicatorItemBrief | null;
    goal: IndicatorItemBrief | null;
    mark: MatrixMark;
    departments: { id: string; name: string }[];
    counts: AttainmentTally;
    suggestedGrade: SuggestedGrade;
    indicators: IndicatorYear[];
  }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Revisions (src/server/modules/revisions/presenter.ts, service.ts)

export interface Revision {
  id: string;
  number: number;
  label: string;
  status: "draft" | "approved";
  approvedAt: string | null;
  /** the approver's login id as recorded */
  approvedBy: string | null;
  /** the approver's name (null for an operator command) */
  approvedByName: string | null;
  basedOn: { number: number; label: string } | null;
  createdAt: string | null;
  version: number;
  inForce: { from: string | null; until: string | null };
  evaluationFiscalYears: number[];
}

export interface RevisionList {
  revisions: Revision[];
  /** the approved revision in force */
  current: number | null;
  /** the revision being prepared */
  draft: number | null;
  rounds: { fiscalYear: number; openedAt: string; revisionNumber: number | null }[];
}

export interface DiffSide {
  number: number | null;
  label: string;
  status: "live" | "approved";
  approvedAt: string | null;
}

export interface DiffSummary {
  added: number;
  removed: number;
  moved: number;
  renamed: number;
  changed: number;
  indicatorsAdded: number;
  indicatorsRemoved: number;
  indicatorsRenamed: number;
  indicatorsChanged: number;
  targetsChanged: number;
  planChanged: number;
}

export interface PlanDiff {
  plan: { id: string; title: string; levelNames: string[] };
  from: DiffSide;
  to: DiffSide;
  summary: DiffSummary;
  /** src/domain/revisions/diff.ts Change (drawn with diffTableRows) */
  changes: Change[];
}

// ---------------------------------------------------------------------------------------------------------------
// Imports of plan documents (src/server/modules/imports/implementation-plan-report.ts, indicator-table-report.ts)

export interface TargetKindCounts {
  numeric: number;
  milestone: number;
  asNeeded: number;
  text: number;
  blank: number;
}

/** 実施計画 (重点取組の個別シート). */
export interface ImplementationPlanReport {
  kind: "implementation-plan";
  encoding: string;
  plan: { title: string; startFiscalYear: number | null; endFiscalYear: number | null };
  fiscalYears: number[];
  goals: number;
  measures: number;
  items: number;
  activities: number;
  rows: { items: number; placements: number };
  relistings: { initiatives: number; activities: number; throughInitiative: number; unresolved: number };
  indicators: number;
  targets: TargetKindCounts;
  freeTextTargets: string[];
  matrix: { departments: number; cells: number };
  departments?: NamedDepartment[];
  warnings: ImportWarning[];
  unparsed: { line: number; text: string }[];
  alreadyImported?: boolean;
}

/** 基本計画の指標の表. */
export interface IndicatorTableReport {
  kind: "indicator-table";
  encoding: string;
  plan: { title: string; startFiscalYear: number; endFiscalYear: number; periodBasis: string };
  items: number;
  policies: number;
  measures: number;
  activities: number;
  indicators: number;
  targets: TargetKindCounts;
  targetFiscalYears: Record<string, number>;
  freeTextTargets: string[];
  departments?: NamedDepartment[];
  warnings: ImportWarning[];
  unparsed: { line: number; text: string }[];
  alreadyImported?: boolean;
}

export type PlanDocumentReport = ImplementationPlanReport | IndicatorTableReport;

export function isPlanDocumentReport(r: { kind: string }): r is PlanDocumentReport {
  return r.kind === "implementation-plan" || r.kind === "indicator-table";
}

// ---------------------------------------------------------------------------------------------------------------
// User accounts (src/server/modules/users/presenter.ts)

export interface UserAccount {
  id: string;
  loginId: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  departmentIds: string[];
  agencyId: string | null;
  disabled: boolean;
  version: number;
}

/** An agency as the user screens need it (src/server/modules/agencies/presenter.ts). */
export interface AgencyOption {
  id: string;
  name: string;
  kind: "public" | "provider";
  kindLabel: string;
  isCoordinator: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Audit trail (src/server/modules/audit-trail/presenter.ts, service.ts)

export type AuditActionKind = "read" | "change" | "denied" | "login";

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { userId: string | null; loginId: string; displayName: string | null };
  agency: { id: string; name: string | null; asRecorded: boolean } | null;
  action: string;
  actionLabel: string;
  kind: AuditActionKind;
  /** `name` only where the viewer may see it (never a person without a basis); `label` is what is shown */
  target: { type: string; typeLabel: string; id: string | null; name: string | null; label: string };
  basis: string | null;
  basisLabel: string | null;
  ip: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

/** The filters of the audit trail as they travel in the URL and the API: ids and dates only. */
export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  action?: AuditActionKind;
}
