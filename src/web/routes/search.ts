import {
  CASE_REVIEW_FILTERS,
  PHASES,
  REFERRAL_BOXES,
  REFERRAL_STATUSES,
  type ReferralBox,
} from "../../domain/labels/support";
import type { AuditFilter } from "../types";

/**
 * The search parameters of the pages, read from the URL: each page's validator keeps the values it understands and
 * drops the rest, so a hand-edited link opens the page with its defaults instead of failing.
 */

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const int = (v: unknown) => {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
};
/** one of the given values, else none */
const oneOf = <T extends string>(values: readonly T[], v: unknown) => values.find((value) => value === v);
const flag = (v: unknown) => (v === true || v === "1" || v === 1 || v === "true" ? true : undefined);

type Search = Record<string, unknown>;

/** Pages about one plan (its revisions, the 担当課 matrix, the milestone ladder). */
export interface PlanSearch {
  planId?: string;
}
export const planSearch = (s: Search): PlanSearch => ({ planId: str(s.planId) });

/** Pages about a plan in a fiscal year (評価, 総括表, 指標, 達成状況, 自分の課). */
export interface PlanYearSearch extends PlanSearch {
  fy?: number;
}
export const planYearSearch = (s: Search): PlanYearSearch => ({ ...planSearch(s), fy: int(s.fy) });

/** 委員会の意見: the plan, the closed year and the committee shown. */
export interface CommitteeSearch extends PlanYearSearch {
  committee?: string;
}
export const committeeSearch = (s: Search): CommitteeSearch => ({ ...planYearSearch(s), committee: str(s.committee) });

/** `revision=draft`: the working copy of the revision being drafted (the plan office). */
export interface RevisionViewSearch {
  revision?: "draft";
}
export const revisionViewSearch = (s: Search): RevisionViewSearch => ({
  revision: s.revision === "draft" ? "draft" : undefined,
});

export const loginSearch = (s: Search): { redirect?: string } => ({ redirect: str(s.redirect) });

export interface EvaluationSearch extends PlanYearSearch {
  status?: string;
  mine?: boolean;
}
export const evaluationSearch = (s: Search): EvaluationSearch => ({
  ...planYearSearch(s),
  status: str(s.status),
  mine: flag(s.mine),
});

export interface MidYearSearch extends PlanYearSearch {
  status?: string;
}
export const midYearSearch = (s: Search): MidYearSearch => ({ ...planYearSearch(s), status: str(s.status) });

export interface SummarySearch extends PlanYearSearch {
  departmentId?: string;
  grade?: string;
  isNew?: boolean;
  isPriority?: boolean;
}
export const summarySearch = (s: Search): SummarySearch => ({
  ...planYearSearch(s),
  departmentId: str(s.departmentId),
  grade: str(s.grade),
  isNew: flag(s.isNew),
  isPriority: flag(s.isPriority),
});

export interface IndicatorSearch extends PlanYearSearch, RevisionViewSearch {
  departmentId?: string;
  /** an indicator whose 目標 form opens (plan office, from the targets that cannot be classified) */
  edit?: string;
  /** the page of the list (1-based; absent = the first) */
  page?: number;
}
export const indicatorSearch = (s: Search): IndicatorSearch => ({
  ...planYearSearch(s),
  departmentId: str(s.departmentId),
  edit: str(s.edit),
  page: int(s.page),
  ...revisionViewSearch(s),
});

export interface RevisionSearch extends PlanSearch {
  /** a revision number or "draft" */
  from?: string;
  to?: string;
}
const revisionRef = (v: unknown) => {
  const s = typeof v === "number" ? String(v) : str(v);
  return s && /^(?:\d{1,6}|draft)$/.test(s) ? s : undefined;
};
export const revisionSearch = (s: Search): RevisionSearch => ({
  ...planSearch(s),
  from: revisionRef(s.from),
  to: revisionRef(s.to),
});

export interface MatrixSearch extends PlanSearch {
  level?: number;
}
export const matrixSearch = (s: Search): MatrixSearch => ({ ...planSearch(s), level: int(s.level) });

/** The audit trail's filters: ids, dates and the kind of action (never a name). */
const AUDIT_ACTIONS = ["read", "change", "denied", "login"] as const;
export const auditSearch = (s: Search): AuditFilter => ({
  entityType: str(s.entityType),
  entityId: str(s.entityId),
  actorUserId: str(s.actorUserId),
  from: str(s.from),
  to: str(s.to),
  action: oneOf(AUDIT_ACTIONS, s.action),
});

/** The referral list's search: a box and a status it knows (overdue: past the due date), never personal data. */
export interface ReferralListSearch {
  box?: ReferralBox;
  status?: string;
}
const REFERRAL_FILTERS = [...REFERRAL_STATUSES, "overdue"] as const;
export const referralListSearch = (s: Search): ReferralListSearch => ({
  box: oneOf(REFERRAL_BOXES, s.box),
  status: oneOf(REFERRAL_FILTERS, s.status),
});

/** The case list's search: a phase it knows and a page number (1-based; absent = the first). */
export const caseListSearch = (s: Search): { phase?: string; review?: string; page?: number } => {
  const page = int(s.page);
  return {
    phase: oneOf(PHASES, s.phase),
    review: oneOf(CASE_REVIEW_FILTERS, s.review),
    page: page !== undefined && page > 1 && page < 100_000 ? page : undefined,
  };
};

/** The case page's tabs (the first, 概要, when none or an unknown one is named). */
export const CASE_TABS = [
  "overview",
  "person",
  "sharing",
  "plan",
  "placements",
  "meetings",
  "records",
  "assessments",
] as const;
export type CaseTab = (typeof CASE_TABS)[number];
export const caseDetailSearch = (s: Search): { tab?: CaseTab } => ({
  tab: oneOf(CASE_TABS, s.tab) === "overview" ? undefined : oneOf(CASE_TABS, s.tab),
});
