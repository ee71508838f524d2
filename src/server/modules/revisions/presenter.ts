import type { InForce } from "../../../domain/revisions/in-force.js";
import type { RevisionListRow } from "./repository.js";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function presentRevision(r: RevisionListRow, all: RevisionListRow[], inForce?: InForce) {
  const basedOn = r.basedOnRevisionId ? (all.find((x) => x.id === r.basedOnRevisionId) ?? null) : null;
  return {
    id: r.id,
    number: r.number,
    label: r.label,
    status: r.status as "draft" | "approved",
    approvedAt: iso(r.approvedAt),
    approvedBy: r.approvedByLogin,
    /** who approved, by name (null for an operator command: approvedBy is its label) */
    approvedByName: r.approvedByName,
    basedOn: basedOn ? { number: basedOn.number, label: basedOn.label } : null,
    createdAt: iso(r.createdAt),
    version: r.version,
    /** from its approval until the next approval (null: still in force, or a draft) */
    inForce: { from: iso(inForce?.from), until: iso(inForce?.until) },
    /** the fiscal years whose evaluation round was opened while this revision was in force */
    evaluationFiscalYears: inForce?.evaluationFiscalYears ?? [],
  };
}
export type RevisionDto = ReturnType<typeof presentRevision>;

/** One side of a diff: a frozen revision, or the live state (the draft being prepared, if any). */
export function presentSide(r: RevisionListRow | null, live: boolean) {
  return {
    number: r?.number ?? null,
    label: r?.label ?? "現在の内容",
    status: live ? ("live" as const) : ("approved" as const),
    approvedAt: live ? null : iso(r?.approvedAt),
  };
}
