import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SelectField } from "../../../components/FormField";
import type { Notice } from "../../../components/NoticeArea";
import { formatEraDate } from "../../../format";
import { useSubmit } from "../../../forms/useSubmit";
import { meetingKeys, useMeetings } from "../../../support/meetingQueries";
import { supportKeys } from "../../../support/queries";
import type { ReferralDetail } from "../../../types";

type Props = { referral: ReferralDetail; setNotice: (n: Notice) => void };

const meetingName = (m: { heldOn: string; kindName: string }) => `${formatEraDate(m.heldOn)} ${m.kindName}`;

/**
 * The 支援会議 a referral went to. The coordinators see every meeting that took it up and put it on a 支援会議's
 * agenda; a meeting's member sees the meeting that gives it the referral; nobody else sees this section.
 */
export function MeetingSection({ referral: r, setNotice }: Props) {
  if (r.access !== "coordinator" && r.access !== "meeting_member") return null;
  return (
    <section aria-labelledby="meeting-heading">
      <h2 id="meeting-heading">支援会議</h2>
      {r.access === "meeting_member" ? (
        <p className="notice">
          支援会議の構成員として、この会議の議題になったつなぐシートを読んでいます。本人の同意がなくても共有できるのは、構成員が守秘義務を負うためです（社会福祉法第106条の6）。会議の外に持ち出さないでください。
        </p>
      ) : r.toSupportMeeting ? (
        <p>送付元は、このつなぐシートを支援会議で検討するよう求めています。</p>
      ) : null}
      {r.meetings.length ? (
        <ul>
          {r.meetings.map((m) => (
            <li key={m.id}>
              <Link to="/support/meetings/$meetingId" params={{ meetingId: m.id }}>
                {meetingName(m)}
              </Link>
              の議題
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">まだどの会議の議題にもなっていません。</p>
      )}
      {r.access === "coordinator" ? <TakeUpForm referral={r} setNotice={setNotice} /> : null}
    </section>
  );
}

/** The coordinators put the referral's person on a 支援会議's agenda; its pledged members then read the sheet. */
function TakeUpForm({ referral: r, setNotice }: Props) {
  const meetings = useMeetings({ month: "", districtId: "", kindId: "" });
  const [meetingId, setMeetingId] = useState("");
  const taken = new Set(r.meetings.map((m) => m.id));
  const choices = (meetings.data ?? [])
    .filter((m) => m.kind.legalBasis === "art106_6" && !taken.has(m.id))
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  const add = useSubmit({
    send: () => api(`/api/meetings/${meetingId}/subjects`, { method: "POST", body: { referralId: r.id } }),
    invalidates: [supportKeys.referral(r.id), meetingKeys.all],
    onDone: () => {
      setMeetingId("");
      setNotice({ kind: "success", text: "支援会議の議題にしました。誓約した構成員がこのつなぐシートを読めます。" });
    },
  });
  return (
    <form className="no-print" onSubmit={add.onSubmit()} aria-label="支援会議の議題にする">
      <ErrorAlert error={add.error} />
      <SelectField
        label="議題にする支援会議"
        choose
        required
        value={meetingId}
        onChange={setMeetingId}
        error={add.fields.referralId}
        hint="本人の同意がなくても検討できるのは、支援会議（第106条の6）だけです。会議がなければ「会議」から開催を登録してください。"
        options={choices.map((m) => ({ value: m.id, label: `${formatEraDate(m.heldOn)} ${m.kind.name}：${m.title}` }))}
      />
      <button type="submit" disabled={add.busy || !meetingId}>
        議題にする
      </button>
    </form>
  );
}
