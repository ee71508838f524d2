import { OVERALL_OPINION_LABEL } from "../../../domain/labels/committees";
import { FormattedText } from "../../components/FormattedText";
import type { YearReport } from "../../types";

/** The report's section per committee: each submitted opinion beside the city's answer (市の対応方針). */
export function ReportOpinions({ committees }: { committees: YearReport["committees"] }) {
  if (committees.length === 0) return null;
  return (
    <section aria-labelledby="report-opinions" className="report-section">
      <h3 id="report-opinions">委員会の意見と市の対応方針</h3>
      {committees.map(({ committee, opinions }) => (
        <section key={committee.id} aria-labelledby={`report-committee-${committee.id}`}>
          <h4 id={`report-committee-${committee.id}`}>
            {committee.name}（{committee.kindLabel}）
          </h4>
          {opinions.length === 0 ? <p>意見はありません。</p> : null}
          {opinions.length ? (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">{committee.name}の意見と市の対応方針</caption>
                <thead>
                  <tr>
                    <th scope="col">対象</th>
                    <th scope="col">意見</th>
                    <th scope="col">市の対応方針</th>
                    <th scope="col">対応の状況</th>
                  </tr>
                </thead>
                <tbody>
                  {opinions.map((o) => (
                    <tr key={o.id}>
                      <td>{o.itemId ? [o.itemCode, o.itemTitle].filter(Boolean).join(" ") : OVERALL_OPINION_LABEL}</td>
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
          ) : null}
        </section>
      ))}
    </section>
  );
}
