import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { formatJapaneseDate } from "../../../../domain/japanese-date";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { TextField } from "../../../components/FormField";
import { useSubmit } from "../../../forms/useSubmit";
import { meetingKeys, useCaseMeetings } from "../../../support/meetingQueries";
import type { CaseDetail, SupportDecisionInput } from "../../../types";

/**
 * The case's 支援決定 and the meetings that have it on their agenda (only those the caller may read); the
 * coordinators record the 支援決定 here.
 */
export function MeetingsSection({ c }: { c: CaseDetail }) {
  const found = useCaseMeetings(c.id);
  const [draft, setDraft] = useState({ decidedOn: "", decidedBy: "" });
  const record = useSubmit({
    send: () =>
      api(`/api/cases/${c.id}/support-decision`, { method: "POST", body: draft satisfies SupportDecisionInput }),
    invalidates: [meetingKeys.ofCase(c.id)],
  });
  if (!found.data) return null;
  const { supportDecision, meetings } = found.data;
  return (
    <section aria-labelledby="case-meetings-heading">
      <h2 id="case-meetings-heading">支援決定と会議</h2>
      <p>
        支援決定:{" "}
        {supportDecision
          ? `${formatJapaneseDate(supportDecision.decidedOn)}（${supportDecision.decidedBy}）`
          : "記録されていません"}
      </p>
      {!supportDecision && c.access === "coordinator" ? (
        <form className="no-print" onSubmit={record.onSubmit()} aria-label="支援決定を記録する">
          <ErrorAlert error={record.error} />
          <TextField
            label="支援決定の日"
            type="date"
            required
            value={draft.decidedOn}
            onChange={(decidedOn) => setDraft({ ...draft, decidedOn })}
            error={record.fields.decidedOn}
          />
          <TextField
            label="決定した人（職名）"
            required
            value={draft.decidedBy}
            onChange={(decidedBy) => setDraft({ ...draft, decidedBy })}
            error={record.fields.decidedBy}
          />
          <button type="submit" disabled={record.busy}>
            支援決定を記録
          </button>
        </form>
      ) : null}
      {meetings.length ? (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              <Link to="/support/meetings/$meetingId" params={{ meetingId: m.id }}>
                {formatJapaneseDate(m.heldOn)} {m.kind.name}「{m.title}」
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>このケースを議題にした会議（あなたが見られるもの）はありません。</p>
      )}
    </section>
  );
}
