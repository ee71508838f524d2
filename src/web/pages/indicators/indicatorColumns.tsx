import { Link } from "@tanstack/react-router";
import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { AttainmentBadge, actualText, formatRate, indicatorLabel, targetText } from "../../components/Indicators";
import type { IndicatorYear } from "../../types";

export const features = tableFeatures({});
export const helper = createColumnHelper<typeof features, IndicatorYear>();

export function columnsFor(fiscalYearLabel: string) {
  return helper.columns([
    helper.accessor((r) => r.name, {
      id: "name",
      header: "指標",
      cell: (info) => (
        <>
          <Link to="/indicators/$indicatorId" params={{ indicatorId: info.row.original.id }}>
            {indicatorLabel(info.getValue())}
          </Link>
          <span className="small muted block">{info.row.original.kindLabel}</span>
        </>
      ),
    }),
    helper.accessor((r) => targetText(r.target), { id: "target", header: `目標（${fiscalYearLabel}）` }),
    helper.accessor((r) => actualText(r.actual), {
      id: "actual",
      header: "実績",
      cell: (info) => (
        <>
          {info.getValue()}
          {info.row.original.actual?.comment ? (
            <span className="small muted block">{info.row.original.actual.comment}</span>
          ) : null}
        </>
      ),
    }),
    helper.accessor((r) => r.attainment.status, {
      id: "attainment",
      header: "達成状況",
      cell: (info) => (
        <>
          <AttainmentBadge status={info.row.original.attainment.status} reason={info.row.original.attainment.reason} />
          <span className="small muted block">{info.row.original.attainment.reason}</span>
        </>
      ),
    }),
    helper.accessor((r) => r.attainment.rate, {
      id: "rate",
      header: "達成率",
      cell: (info) => formatRate(info.getValue()),
    }),
  ]);
}
