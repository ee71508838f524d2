import { getRouteApi, Link } from "@tanstack/react-router";
import { formatJapaneseDate, todayInJapan } from "../../../../domain/japanese-date";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { usePaper } from "../../../components/usePaper";
import { useMeeting } from "../../../support/meetingQueries";
import { subjectLabel } from "./AgendaSection";
import { MeetingFacts } from "./MeetingPage";
import { pledgeLabel } from "./RosterSection";

const route = getRouteApi("/support/meetings/$meetingId/minutes");

/**
 * The printed 会議録 (A4 portrait): kind, date, 地区, secretariat, the roster as fixed for this meeting with
 * affiliations and pledge dates, the agenda, decisions and minutes.
 */
export function MinutesPrintPage() {
  const { meetingId } = route.useParams();
  const found = useMeeting(meetingId);
  usePaper("a4-portrait");
  usePageTitle("会議録");
  if (found.isPending) return <Loading />;
  if (found.error) return <QueryError error={found.error} />;
  const m = found.data;
  const roster = m.members.filter((x) => !x.leftAt);
  const agenda = m.subjects.filter((s) => !s.removedAt);
  return (
    <article className="minutes-print">
      <p className="no-print">
        <Link to="/support/meetings/$meetingId" params={{ meetingId: m.id }}>
          会議へ戻る
        </Link>{" "}
        <button type="button" onClick={() => window.print()}>
          印刷する
        </button>
      </p>
      <h1>会議録　{m.title}</h1>
      <MeetingFacts m={m} />
      {m.restricted ? (
        <p>誓約の後に会議録を表示します。</p>
      ) : (
        <>
          <h2>出席者（構成員）</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">氏名</th>
                <th scope="col">所属</th>
                <th scope="col">役割</th>
                <th scope="col">誓約</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((x) => (
                <tr key={x.id}>
                  <td>{x.name}</td>
                  <td>{x.affiliation ?? ""}</td>
                  <td>{x.expertRoleLabel ?? "支援機関の職員"}</td>
                  <td>{pledgeLabel(m, x)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>議題</h2>
          <ol>
            {agenda.map((s) => (
              <li key={s.id}>
                {s.caseId ? "ケース: " : "対象者: "}
                {subjectLabel(s)}
              </li>
            ))}
          </ol>
          <h2>決定事項</h2>
          <ol>
            {m.decisions.map((d) => {
              const about = agenda.find((s) => s.id === d.subjectId);
              return (
                <li key={d.id}>
                  {about ? `【${subjectLabel(about)}】` : ""}
                  {d.text}
                </li>
              );
            })}
          </ol>
          <h2>会議録</h2>
          <p className="pre-wrap">{m.minutes ?? ""}</p>
          {m.pledgeRequired ? (
            <p className="small">
              本会議は社会福祉法第106条の6に基づく支援会議であり、構成員は会議で知り得た秘密を漏らしてはならない。
            </p>
          ) : null}
          <p className="small">作成日: {formatJapaneseDate(todayInJapan())}</p>
        </>
      )}
    </article>
  );
}
