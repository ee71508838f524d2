import { useState } from "react";
import { formatJapaneseDate, todayInJapan } from "../../../../domain/japanese-date";
import { EXPERT_ROLE_LABELS, EXPERT_ROLES, type ExpertRole } from "../../../../domain/labels/meetings";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SelectField, TextField } from "../../../components/FormField";
import type { Notice } from "../../../components/NoticeArea";
import { useSubmit } from "../../../forms/useSubmit";
import { meetingKeys, useMeetingCandidates } from "../../../support/meetingQueries";
import type { AddMeetingMemberInput, MeetingDetail, MeetingMember, PledgeInput } from "../../../types";

interface Props {
  m: MeetingDetail;
  manage: boolean;
  setNotice: (n: Notice) => void;
}

export const pledgeLabel = (m: MeetingDetail, member: MeetingMember) =>
  member.pledgedOn ? `${formatJapaneseDate(member.pledgedOn)} 誓約` : m.pledgeRequired ? "誓約前" : "（不要）";

/** The roster (構成員): current members with their pledge, and those who left (kept as history). */
export function RosterSection({ m, manage, setNotice }: Props) {
  const invalidates = [meetingKeys.detail(m.id), meetingKeys.candidates(m.id), meetingKeys.all];
  const remove = useSubmit({
    send: (member: MeetingMember) => api(`/api/meetings/${m.id}/members/${member.id}`, { method: "DELETE" }),
    invalidates,
    onDone: (_r, member) => setNotice({ kind: "success", text: `${member.name}さんを構成員から外しました。` }),
  });
  const pledge = useSubmit({
    send: (member: MeetingMember) =>
      api(`/api/meetings/${m.id}/members/${member.id}/pledge`, {
        method: "POST",
        body: { pledgedOn: todayInJapan() } satisfies PledgeInput,
      }),
    invalidates,
    onDone: (_r, member) => setNotice({ kind: "success", text: `${member.name}さんの誓約を記録しました。` }),
  });
  return (
    <section aria-labelledby="roster-heading">
      <h2 id="roster-heading">構成員</h2>
      <ErrorAlert error={remove.error ?? pledge.error} />
      <table className="data">
        <thead>
          <tr>
            <th scope="col">氏名</th>
            <th scope="col">所属</th>
            <th scope="col">役割</th>
            <th scope="col">誓約</th>
            {manage ? (
              <th scope="col" className="no-print">
                操作
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {m.members.map((member) => (
            <tr key={member.id} className={member.leftAt ? "muted" : undefined}>
              <td>
                {member.name}
                {member.leftAt ? `（${formatJapaneseDate(member.leftAt)} に外れた）` : ""}
              </td>
              <td>{member.affiliation ?? ""}</td>
              <td>{member.expertRoleLabel ?? "支援機関の職員"}</td>
              <td>{pledgeLabel(m, member)}</td>
              {manage ? (
                <td className="no-print">
                  {!member.leftAt && !member.pledgedOn && member.kind === "expert" && m.pledgeRequired ? (
                    <button type="button" disabled={pledge.busy} onClick={() => void pledge.run(member)}>
                      {member.name}さんの誓約を本日付で記録
                    </button>
                  ) : null}
                  {member.leftAt ? null : (
                    <button type="button" disabled={remove.busy} onClick={() => void remove.run(member)}>
                      {member.name}さんを外す
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {manage ? <AddMemberForm m={m} /> : null}
    </section>
  );
}

/** Adding agency staff (by account) or an outside expert (name, affiliation, role). */
function AddMemberForm({ m }: { m: MeetingDetail }) {
  const candidates = useMeetingCandidates(m.id, true);
  const [userId, setUserId] = useState("");
  const [expert, setExpert] = useState({ name: "", affiliation: "", role: "" as ExpertRole | "" });
  const invalidates = [meetingKeys.detail(m.id), meetingKeys.candidates(m.id), meetingKeys.all];
  const addStaff = useSubmit({
    send: () =>
      api(`/api/meetings/${m.id}/members`, { method: "POST", body: { userId } satisfies AddMeetingMemberInput }),
    invalidates,
    onDone: () => setUserId(""),
  });
  const addExpert = useSubmit({
    send: () =>
      api(`/api/meetings/${m.id}/members`, {
        method: "POST",
        body: { expert: { ...expert, role: expert.role as ExpertRole } } satisfies AddMeetingMemberInput,
      }),
    invalidates,
    onDone: () => setExpert({ name: "", affiliation: "", role: "" }),
  });
  return (
    <div className="no-print">
      <form onSubmit={addStaff.onSubmit()} aria-label="支援機関の職員を構成員に加える">
        <ErrorAlert error={addStaff.error} />
        <SelectField
          label="支援機関の職員"
          choose
          required
          value={userId}
          onChange={setUserId}
          error={addStaff.fields.userId}
          options={(candidates.data ?? []).map((c) => ({ value: c.userId, label: `${c.name}（${c.agency.name}）` }))}
        />
        <button type="submit" disabled={addStaff.busy}>
          職員を加える
        </button>
      </form>
      <form onSubmit={addExpert.onSubmit()} aria-label="外部の専門職を構成員に加える">
        <ErrorAlert error={addExpert.error} />
        <TextField
          label="専門職の氏名"
          required
          value={expert.name}
          onChange={(name) => setExpert({ ...expert, name })}
          error={addExpert.fields["expert.name"]}
        />
        <TextField
          label="所属"
          required
          value={expert.affiliation}
          onChange={(affiliation) => setExpert({ ...expert, affiliation })}
          error={addExpert.fields["expert.affiliation"]}
        />
        <SelectField
          label="役割"
          choose
          required
          value={expert.role}
          onChange={(role) => setExpert({ ...expert, role })}
          error={addExpert.fields["expert.role"]}
          options={EXPERT_ROLES.map((r) => ({ value: r, label: EXPERT_ROLE_LABELS[r] }))}
        />
        <button type="submit" disabled={addExpert.busy}>
          専門職を加える
        </button>
      </form>
    </div>
  );
}
