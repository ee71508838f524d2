import { useState } from "react";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { CheckboxGroup, SelectField, TextField } from "../../../components/FormField";
import { useSubmit } from "../../../forms/useSubmit";
import { useDistricts } from "../../../support/meetingQueries";
import { audienceOptions } from "../resources/options";

const EMPTY = { lookedFor: "", districtId: "", audiences: [] as string[] };

/**
 * 見つからなかった資源: when no resource in the directory answers the person's wishes, what was looked for, where and
 * for whom is recorded from the case (地域づくり input). The list the coordinators read names no case or person.
 */
export function UnmetNeedForm({ caseId }: { caseId: string }) {
  const districts = useDistricts();
  const [draft, setDraft] = useState(EMPTY);
  const [recorded, setRecorded] = useState<string | null>(null);
  const record = useSubmit({
    send: () =>
      api(`/api/cases/${encodeURIComponent(caseId)}/unmet-needs`, {
        method: "POST",
        body: { ...draft, districtId: draft.districtId || null },
      }),
    onDone: () => {
      setRecorded(draft.lookedFor);
      setDraft(EMPTY);
    },
  });
  return (
    <form className="no-print" onSubmit={record.onSubmit()} aria-label="見つからなかった資源を記録する">
      <h3>見つからなかった資源を記録する</h3>
      <p>希望に合う地域資源がないときに記録します。ケースや本人の情報は記録に含まれません。</p>
      <ErrorAlert error={record.error} />
      {recorded ? <p role="status">「{recorded}」を記録しました。</p> : null}
      <TextField
        label="探した資源"
        required
        value={draft.lookedFor}
        onChange={(lookedFor) => setDraft({ ...draft, lookedFor })}
        error={record.fields.lookedFor}
      />
      <SelectField
        label="地区"
        value={draft.districtId}
        onChange={(districtId) => setDraft({ ...draft, districtId })}
        options={[
          { value: "", label: "指定しない" },
          ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
        ]}
        error={record.fields.districtId}
      />
      <CheckboxGroup
        legend="対象"
        options={audienceOptions}
        values={draft.audiences}
        onChange={(audiences) => setDraft({ ...draft, audiences })}
        error={record.fields.audiences}
      />
      <button type="submit" disabled={record.busy}>
        記録する
      </button>
    </form>
  );
}
