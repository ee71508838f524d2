import { Link } from "@tanstack/react-router";
import { formatDateTime } from "../../../format";
import type { CaseDetail } from "../../../support/caseTypes";
import { birthLabel } from "../../../support/components";

export function HouseholdSection({ c }: { c: CaseDetail }) {
  return (
    <section aria-labelledby="household-heading">
      <h2 id="household-heading">世帯{c.household.name ? `（${c.household.name}）` : ""}</h2>
      <p>住所: {c.household.address}</p>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">世帯員</caption>
          <thead>
            <tr>
              <th scope="col">続柄</th>
              <th scope="col">氏名</th>
              <th scope="col">ふりがな</th>
              <th scope="col">生年月日</th>
            </tr>
          </thead>
          <tbody>
            {c.household.members.map((m) => (
              <tr key={m.personId}>
                <td>{m.relationship}</td>
                <th scope="row">{m.nameKanji ?? <span className="muted">（未登録）</span>}</th>
                <td>{m.nameKana}</td>
                <td className="nowrap">{birthLabel(m.dateOfBirth)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {c.referrals.length ? (
        <>
          <h3>もとになったつなぐシート</h3>
          <ul className="plain-list">
            {c.referrals.map((r) => (
              <li key={r.id}>
                <Link to="/support/referrals/$referralId" params={{ referralId: r.id }}>
                  {formatDateTime(r.createdAt)} {r.fromAgency.name}から（{r.concerns.join("、")}）
                </Link>{" "}
                <span className={`status referral-${r.status}`}>{r.statusLabel}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
