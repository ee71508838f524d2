import { formatFiscalYear } from "../../../domain/fiscal-year.js";
import {
  PUBLICATION_KIND_LABELS,
  PUBLICATION_STATUS_LABELS,
  type PublicationKind,
  type PublicationStatus,
} from "../../../domain/labels/publications.js";
import type { PublicationRow } from "./repository.js";

/** A publication as the plan office's list shows it (never its content: the public site shows that). */
export function presentPublication(row: PublicationRow, code: string) {
  const year = row.kind === "year" ? row.fiscalYear : null;
  const sheetFields =
    row.kind === "plan" && row.content ? ((row.content as { sheetFields?: string[] }).sheetFields ?? []) : null;
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: PUBLICATION_KIND_LABELS[row.kind as PublicationKind] ?? row.kind,
    fiscalYear: year,
    fiscalYearLabel: year === null ? null : formatFiscalYear(year),
    status: row.status,
    statusLabel: PUBLICATION_STATUS_LABELS[row.status as PublicationStatus] ?? row.status,
    sheetFields,
    firstPublishedAt: row.firstPublishedAt.toISOString(),
    updatedAt: row.contentUpdatedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    version: row.version,
    /** where residents read it */
    url: year === null ? `/p/${code}/plans/${row.planId}/` : `/p/${code}/plans/${row.planId}/years/${year}`,
  };
}
export type PublicationDto = ReturnType<typeof presentPublication>;
