import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatJapaneseMonth, todayInJapan } from "../../../../domain/japanese-date";
import { can } from "../../../access";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { TextAreaField, TextField } from "../../../components/FormField";
import { Loading, QueryError } from "../../../components/Status";
import { useSubmit } from "../../../forms/useSubmit";
import { useSession } from "../../../queries";
import { resourceKeys } from "../../../support/resourceQueries";
import type { ResourceActivity } from "../../../types";

const activityKey = (id: string) => [...resourceKeys.detail(id), "activity"] as const;

/** 地域づくりの拠点: per month, how many took part and the organisations that joined (never a person's name). */
export function ActivitySection({ resourceId }: { resourceId: string }) {
  const session = useSession();
  const activity = useQuery({
    queryKey: activityKey(resourceId),
    queryFn: () => api<ResourceActivity>(`/api/resources/${encodeURIComponent(resourceId)}/activity`),
  });
  const records = can(session.data, "PUT /api/resources/:resourceId/activity/:month");
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">地域づくりの拠点としての参加（月ごと）</h2>
      {activity.isPending ? <Loading /> : null}
      {activity.error ? <QueryError error={activity.error} /> : null}
      {activity.data && activity.data.months.length === 0 ? <p>まだ記録はありません。</p> : null}
      {activity.data?.months.length ? (
        <table className="data">
          <caption>参加者数の合計 {activity.data.participants}人</caption>
          <thead>
            <tr>
              <th scope="col">月</th>
              <th scope="col">参加者数</th>
              <th scope="col">参加した団体・機関</th>
            </tr>
          </thead>
          <tbody>
            {activity.data.months.map((m) => (
              <tr key={m.month}>
                <td>{formatJapaneseMonth(m.month)}</td>
                <td>{m.participants}人</td>
                <td>{m.organisations.join("・")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {records && activity.data ? <ActivityForm resourceId={resourceId} months={activity.data.months} /> : null}
    </section>
  );
}

function ActivityForm({ resourceId, months }: { resourceId: string; months: ResourceActivity["months"] }) {
  const [month, setMonth] = useState(todayInJapan().slice(0, 7));
  const [participants, setParticipants] = useState("");
  const [organisations, setOrganisations] = useState("");
  const existing = months.find((m) => m.month === month);
  const submit = useSubmit({
    send: () =>
      api(`/api/resources/${encodeURIComponent(resourceId)}/activity/${encodeURIComponent(month)}`, {
        method: "PUT",
        version: existing?.version ?? 0,
        body: {
          participants: participants.trim() === "" ? Number.NaN : Number(participants),
          organisations: organisations
            .split("\n")
            .map((o) => o.trim())
            .filter(Boolean),
        },
      }),
    invalidates: [activityKey(resourceId)],
    onDone: () => {
      setParticipants("");
      setOrganisations("");
    },
  });
  return (
    <form onSubmit={submit.onSubmit()} className="no-print" noValidate>
      <h3>月の参加を記録する</h3>
      <ErrorAlert error={submit.error} />
      <TextField
        label="月"
        required
        hint={existing ? "例: 2025-06（この月の記録を書き換えます）" : "例: 2025-06"}
        value={month}
        onChange={setMonth}
        error={submit.fields.month}
      />
      <TextField
        label="参加者数"
        required
        inputMode="numeric"
        value={participants}
        onChange={setParticipants}
        error={submit.fields.participants}
      />
      <TextAreaField
        label="参加した団体・機関"
        hint="1行に1つ。個人の名前は書かないでください"
        rows={3}
        value={organisations}
        onChange={setOrganisations}
        error={submit.fields.organisations}
      />
      <button type="submit" disabled={submit.busy}>
        {submit.busy ? "記録しています…" : "記録する"}
      </button>
    </form>
  );
}
