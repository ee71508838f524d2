import { useQuery } from "@tanstack/react-query";
import { api } from "../../api";
import { FormattedText } from "../../components/FormattedText";
import { fyLabel } from "../../format";
import type { ItemOpinions, Sheet } from "../../types";

/**
 * The committees' opinions on this item from every closed year, with the city's answers (市の対応方針): the item
 * keeps them from one year and revision to the next, so the department writing this year's sheet reads what was
 * said and promised. Shown only where there are some, and only those the reader may read.
 */
export function SheetItemOpinions({ sheet }: { sheet: Sheet }) {
  const itemId = sheet.item?.id;
  const opinions = useQuery({
    queryKey: ["item-opinions", sheet.planId, itemId],
    queryFn: () =>
      api<{ committees: ItemOpinions }>(`/api/plans/${sheet.planId}/items/${itemId}/opinions`).then(
        (r) => r.committees,
      ),
    enabled: Boolean(itemId),
  });
  const rows = (opinions.data ?? []).flatMap(({ committee, opinions: list }) => list.map((o) => ({ committee, o })));
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="sheet-item-opinions" className="report-section">
      <h3 id="sheet-item-opinions">この事業への委員会の意見と市の対応方針</h3>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">この事業への委員会の意見と市の対応方針</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">委員会</th>
              <th scope="col">意見</th>
              <th scope="col">市の対応方針</th>
              <th scope="col">対応の状況</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ committee, o }) => (
              <tr key={o.id}>
                <td>{fyLabel(o.fiscalYear)}</td>
                <td>{committee.name}</td>
                <td>
                  <FormattedText text={o.body} />
                </td>
                <td>
                  <FormattedText text={o.response ?? "（回答前）"} />
                </td>
                <td>{o.responseStatusLabel ?? "未回答"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
