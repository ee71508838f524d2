import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { formatJapaneseDate, formatJapaneseMonth, todayInJapan } from "../../../../domain/japanese-date";
import { can } from "../../../access";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SelectField, TextField } from "../../../components/FormField";
import { Loading, QueryError } from "../../../components/Status";
import { usePageTitle } from "../../../components/usePageTitle";
import { useSubmit } from "../../../forms/useSubmit";
import { useSession } from "../../../queries";
import {
  type MeetingFilter,
  meetingKeys,
  useDistricts,
  useMeetingKinds,
  useMeetings,
} from "../../../support/meetingQueries";
import { useAgencies } from "../../../support/queries";
import type { CreateMeetingInput, MeetingDetail, MeetingSummary } from "../../../types";
import { MonthFilter } from "./MonthFilter";

/** This month in Japan (the list opens on it). */
const thisMonth = () => todayInJapan().slice(0, 7);

/** 会議: the meetings the caller may read, by 地区 and month; the coordinators convene new ones here. */
export function MeetingListPage() {
  usePageTitle("会議");
  const session = useSession();
  const [filter, setFilter] = useState<MeetingFilter>({ month: thisMonth(), districtId: "", kindId: "" });
  const kinds = useMeetingKinds();
  const districts = useDistricts();
  const meetings = useMeetings(filter);
  const convenes = can(session.data, "POST /api/meetings");
  const districtOptions = [
    { value: "", label: "すべての地区" },
    ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
  ];
  const kindOptions = [
    { value: "", label: "すべての種類" },
    ...(kinds.data ?? []).map((k) => ({ value: k.id, label: k.name })),
  ];
  // grouped by 地区 in the municipality's order; meetings without one come last
  const groups = [...(districts.data ?? []).map((d) => ({ id: d.id, name: d.name })), { id: "", name: "地区なし" }]
    .map((g) => ({ ...g, rows: (meetings.data ?? []).filter((m) => (m.district?.id ?? "") === g.id) }))
    .filter((g) => g.rows.length > 0);

  return (
    <>
      <h1>会議</h1>
      <p className="lead">
        支援会議（本人の同意なしで共有できる会議。構成員は守秘義務を負い、誓約の後に内容を見られます）と重層的支援会議（本人の同意に基づく会議）の一覧です。表示されるのは、あなたが構成員・事務局である会議（多機関協働はすべて）です。
      </p>
      <div className="filters">
        <MonthFilter month={filter.month} onChange={(month) => setFilter({ ...filter, month })} />
        <SelectField
          label="地区"
          value={filter.districtId}
          options={districtOptions}
          onChange={(districtId) => setFilter({ ...filter, districtId })}
        />
        <SelectField
          label="会議の種類"
          value={filter.kindId}
          options={kindOptions}
          onChange={(kindId) => setFilter({ ...filter, kindId })}
        />
      </div>
      {meetings.isPending ? <Loading /> : null}
      {meetings.error ? <QueryError error={meetings.error} /> : null}
      <p aria-live="polite" className="small">
        {filter.month ? `${formatJapaneseMonth(filter.month)}の会議` : "すべての月の会議"}：
        {meetings.data?.length ?? "…"}件
      </p>
      {meetings.data && groups.length === 0 ? (
        <p>
          該当する会議はありません。
          {filter.month ? "「前の月」「すべての月」で、ほかの月の会議を表示できます。" : null}
        </p>
      ) : null}
      {groups.map((g) => (
        <section key={g.id || "none"} aria-labelledby={`district-${g.id || "none"}`}>
          <h2 id={`district-${g.id || "none"}`}>{g.name}</h2>
          <MeetingTable rows={g.rows} />
        </section>
      ))}
      {convenes ? <ConveneForm /> : null}
    </>
  );
}

function MeetingTable({ rows }: { rows: MeetingSummary[] }) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">開催日</th>
          <th scope="col">会議</th>
          <th scope="col">種類</th>
          <th scope="col">事務局</th>
          <th scope="col">構成員（誓約）</th>
          <th scope="col">議題</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id}>
            <td>
              {formatJapaneseDate(m.heldOn)}
              {m.startsAt ? ` ${m.startsAt}` : ""}
            </td>
            <td>
              <Link to="/support/meetings/$meetingId" params={{ meetingId: m.id }}>
                {m.title}
              </Link>
            </td>
            <td>{m.kind.name}</td>
            <td>{m.secretariat.name}</td>
            <td>
              {m.counts.members}人（{m.counts.pledged}人）
            </td>
            <td>{m.counts.subjects}件</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const EMPTY = { kindId: "", heldOn: "", startsAt: "", districtId: "", secretariatAgencyId: "", title: "" };

/** Convening a meeting (the coordinators): its kind, day, 地区, secretariat and name. */
function ConveneForm() {
  const navigate = useNavigate();
  const kinds = useMeetingKinds();
  const districts = useDistricts();
  const agencies = useAgencies();
  const [draft, setDraft] = useState(EMPTY);
  const submit = useSubmit({
    send: () =>
      api<{ meeting: MeetingDetail }>("/api/meetings", {
        method: "POST",
        body: {
          kindId: draft.kindId,
          heldOn: draft.heldOn,
          startsAt: draft.startsAt || null,
          districtId: draft.districtId || null,
          secretariatAgencyId: draft.secretariatAgencyId,
          title: draft.title,
        } satisfies CreateMeetingInput,
      }),
    invalidates: [meetingKeys.all],
    onDone: ({ meeting }) => navigate({ to: "/support/meetings/$meetingId", params: { meetingId: meeting.id } }),
  });
  const set = (field: keyof typeof EMPTY) => (value: string) => setDraft({ ...draft, [field]: value });
  return (
    <section aria-labelledby="convene-heading" className="no-print">
      <h2 id="convene-heading">会議を登録する</h2>
      <form onSubmit={submit.onSubmit()}>
        <ErrorAlert error={submit.error} />
        <SelectField
          label="会議の種類"
          required
          choose
          value={draft.kindId}
          onChange={set("kindId")}
          error={submit.fields.kindId}
          options={(kinds.data ?? []).filter((k) => k.active).map((k) => ({ value: k.id, label: k.name }))}
        />
        <TextField
          label="会議の名前"
          required
          value={draft.title}
          onChange={set("title")}
          error={submit.fields.title}
        />
        <TextField
          label="開催日"
          type="date"
          required
          value={draft.heldOn}
          onChange={set("heldOn")}
          error={submit.fields.heldOn}
        />
        <TextField
          label="開始時刻"
          hint="例: 14:00"
          value={draft.startsAt}
          onChange={set("startsAt")}
          error={submit.fields.startsAt}
        />
        <SelectField
          label="地区"
          value={draft.districtId}
          onChange={set("districtId")}
          error={submit.fields.districtId}
          options={[
            { value: "", label: "地区なし" },
            ...(districts.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <SelectField
          label="事務局"
          required
          choose
          value={draft.secretariatAgencyId}
          onChange={set("secretariatAgencyId")}
          error={submit.fields.secretariatAgencyId}
          options={(agencies.data ?? [])
            .filter((a) => a.kind !== "provider")
            .map((a) => ({ value: a.id, label: a.name }))}
        />
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? "登録しています…" : "会議を登録"}
        </button>
      </form>
    </section>
  );
}
