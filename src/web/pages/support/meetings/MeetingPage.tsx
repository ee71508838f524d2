import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { formatJapaneseDate, todayInJapan } from "../../../../domain/japanese-date";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { TextField } from "../../../components/FormField";
import { type Notice, NoticeArea } from "../../../components/NoticeArea";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { useSubmit } from "../../../forms/useSubmit";
import { meetingKeys, useMeeting } from "../../../support/meetingQueries";
import type { MeetingDetail, PledgeInput } from "../../../types";
import { AgendaSection } from "./AgendaSection";
import { MinutesSection } from "./MinutesSection";
import { RosterSection } from "./RosterSection";

const route = getRouteApi("/support/meetings/$meetingId");

/** The header lines every view of a meeting shares (the page and the printed 会議録). */
export function MeetingFacts({ m }: { m: MeetingDetail }) {
  return (
    <dl className="facts">
      <dt>会議の種類</dt>
      <dd>{m.kind.name}</dd>
      <dt>根拠</dt>
      <dd>{m.kind.legalBasisLabel}</dd>
      <dt>開催日</dt>
      <dd>
        {formatJapaneseDate(m.heldOn)}
        {m.startsAt ? ` ${m.startsAt}` : ""}
      </dd>
      <dt>地区</dt>
      <dd>{m.district?.name ?? "地区なし"}</dd>
      <dt>事務局</dt>
      <dd>{m.secretariat.name}</dd>
    </dl>
  );
}

/**
 * A meeting: its roster with each member's pledge, its agenda, decisions and minutes. A 支援会議 member who has not
 * pledged sees only that the meeting exists and is asked to sign the confidentiality pledge first.
 */
export function MeetingPage() {
  const { meetingId } = route.useParams();
  const found = useMeeting(meetingId);
  const [notice, setNotice] = useState<Notice>(null);
  usePageTitle(found.error ? "見つかりません" : "会議");
  if (found.isPending) return <Loading />;
  if (found.error) return <QueryError error={found.error} />;
  const m = found.data;
  const manage = m.access === "coordinator" || m.access === "secretariat";
  return (
    <>
      <p className="no-print">
        <Link to="/support/meetings">会議の一覧へ戻る</Link>
        {m.restricted ? null : (
          <>
            {" ／ "}
            <Link to="/support/meetings/$meetingId/minutes" params={{ meetingId: m.id }}>
              会議録を印刷する
            </Link>
          </>
        )}
      </p>
      <h1>{m.title}</h1>
      <p className="lead">あなたの立場: {m.accessLabel}</p>
      <MeetingFacts m={m} />
      <NoticeArea notice={notice} />
      {m.restricted ? (
        <PledgeRequest m={m} />
      ) : (
        <>
          <RosterSection m={m} manage={manage} setNotice={setNotice} />
          <AgendaSection m={m} manage={manage} setNotice={setNotice} />
          <MinutesSection m={m} manage={manage} setNotice={setNotice} />
        </>
      )}
    </>
  );
}

/** The member's own pledge, asked before anything of a 支援会議 is shown to them. */
function PledgeRequest({ m }: { m: MeetingDetail }) {
  const [pledgedOn, setPledgedOn] = useState(todayInJapan());
  const submit = useSubmit({
    send: () =>
      api(`/api/meetings/${m.id}/members/${m.own?.memberId}/pledge`, {
        method: "POST",
        body: { pledgedOn } satisfies PledgeInput,
      }),
    invalidates: [meetingKeys.detail(m.id), meetingKeys.all],
  });
  return (
    <section aria-labelledby="pledge-heading">
      <h2 id="pledge-heading">守秘義務の誓約</h2>
      <p className="notice warning">
        この会議は社会福祉法第106条の6に基づく支援会議です。本人の同意なしに共有される情報を扱うため、構成員には守秘義務（違反には罰則があります）が課されます。誓約をするまで、議題・構成員・会議録は表示されません。
      </p>
      <form onSubmit={submit.onSubmit()}>
        <ErrorAlert error={submit.error} />
        <TextField
          label="誓約の日"
          type="date"
          required
          value={pledgedOn}
          onChange={setPledgedOn}
          error={submit.fields.pledgedOn}
        />
        <button type="submit" disabled={submit.busy || !m.own}>
          {submit.busy ? "記録しています…" : "守秘義務を守ることを誓約する"}
        </button>
      </form>
    </section>
  );
}
