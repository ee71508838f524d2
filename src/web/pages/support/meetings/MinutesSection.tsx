import { useState } from "react";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { TextAreaField } from "../../../components/FormField";
import type { Notice } from "../../../components/NoticeArea";
import { useSubmit } from "../../../forms/useSubmit";
import { meetingKeys } from "../../../support/meetingQueries";
import type { MeetingDetail, SaveMinutesInput } from "../../../types";

/** 会議録: written by the secretariat, saved whole at the version read (a 412 says someone saved first). */
export function MinutesSection({
  m,
  manage,
  setNotice,
}: {
  m: MeetingDetail;
  manage: boolean;
  setNotice: (n: Notice) => void;
}) {
  const [minutes, setMinutes] = useState(m.minutes ?? "");
  const save = useSubmit({
    send: () =>
      api(`/api/meetings/${m.id}/minutes`, {
        method: "PUT",
        version: m.version,
        body: { minutes } satisfies SaveMinutesInput,
      }),
    invalidates: [meetingKeys.detail(m.id)],
    onDone: () => setNotice({ kind: "success", text: "会議録を保存しました。" }),
  });
  return (
    <section aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">会議録</h2>
      {manage ? (
        <form onSubmit={save.onSubmit()}>
          <ErrorAlert error={save.error} />
          <TextAreaField label="会議録" rows={10} value={minutes} onChange={setMinutes} error={save.fields.minutes} />
          <button type="submit" disabled={save.busy}>
            {save.busy ? "保存しています…" : "会議録を保存"}
          </button>
        </form>
      ) : (
        <p className="pre-wrap">{m.minutes ?? "（会議録はまだありません）"}</p>
      )}
    </section>
  );
}
