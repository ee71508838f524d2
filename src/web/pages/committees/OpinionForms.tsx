import { useState } from "react";
import {
  COMMITTEE_FIELD_LABELS,
  OVERALL_OPINION_LABEL,
  RESPONSE_STATUS_LABELS,
  RESPONSE_STATUSES,
  type ResponseStatus,
} from "../../../domain/labels/committees";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField, TextAreaField } from "../../components/FormField";
import { useSubmit } from "../../forms/useSubmit";
import type { AnswerInput, CommitteeReview, NewOpinionInput, Opinion } from "../../types";
import { committeeKeys } from "./keys";

const OVERALL = "overall";
const yearKey = (r: CommitteeReview) => committeeKeys.year(r.committee.id, r.fiscalYear);

/** A member's new opinion: about one routed item or the year as a whole, saved as the writer's draft. */
export function NewOpinionForm({ review }: { review: CommitteeReview }) {
  const [about, setAbout] = useState<string>(OVERALL);
  const [body, setBody] = useState("");
  const save = useSubmit({
    send: (input: NewOpinionInput) =>
      api<{ opinion: Opinion }>(`/api/committees/${review.committee.id}/years/${review.fiscalYear}/opinions`, {
        method: "POST",
        body: input,
      }),
    invalidates: [yearKey(review)],
    onDone: () => setBody(""),
  });
  const options = [
    { value: OVERALL, label: OVERALL_OPINION_LABEL },
    ...review.items.map((i) => ({ value: i.itemId, label: [i.code, i.title].filter(Boolean).join(" ") })),
  ];
  return (
    <form
      className="no-print"
      aria-label="意見を書く"
      noValidate
      onSubmit={save.onSubmit(() => ({ itemId: about === OVERALL ? null : about, body }))}
    >
      <h4>意見を書く</h4>
      <SelectField label="意見の対象" value={about} onChange={setAbout} options={options} error={save.fields.itemId} />
      <TextAreaField
        label={COMMITTEE_FIELD_LABELS.body}
        required
        value={body}
        onChange={setBody}
        error={save.fields.body}
      />
      <button type="submit" className="button" disabled={save.busy}>
        下書きを保存する
      </button>
      <p className="small">下書きは提出するまで、書いた委員だけが読めます。</p>
      <ErrorAlert error={Object.keys(save.fields).length ? null : save.error} />
    </form>
  );
}

/** The writer's draft goes to the plan office once submitted; it no longer changes after. */
export function SubmitDraft({ opinion, review }: { opinion: Opinion; review: CommitteeReview }) {
  const submit = useSubmit({
    send: () =>
      api<{ opinion: Opinion }>(`/api/opinions/${opinion.id}/submit`, { method: "POST", version: opinion.version }),
    invalidates: [yearKey(review)],
  });
  return (
    <div className="no-print">
      <button type="button" className="button" onClick={() => void submit.run()} disabled={submit.busy}>
        この意見を提出する
      </button>
      <ErrorAlert error={submit.error} />
    </div>
  );
}

/** The plan office's answer: 市の対応方針 and its status, at the opinion's version. */
export function AnswerForm({ opinion, review }: { opinion: Opinion; review: CommitteeReview }) {
  const [response, setResponse] = useState(opinion.response ?? "");
  const [status, setStatus] = useState<ResponseStatus | "">(opinion.responseStatus ?? "");
  const answer = useSubmit({
    send: (input: AnswerInput) =>
      api<{ opinion: Opinion }>(`/api/opinions/${opinion.id}/answer`, {
        method: "POST",
        body: input,
        version: opinion.version,
      }),
    invalidates: [yearKey(review), ["year-report"]],
  });
  return (
    <form
      className="no-print"
      aria-label={`${opinion.authorName}の意見への回答`}
      noValidate
      onSubmit={answer.onSubmit(() => ({ response, responseStatus: status as ResponseStatus }))}
    >
      <TextAreaField
        label={COMMITTEE_FIELD_LABELS.response}
        required
        value={response}
        onChange={setResponse}
        error={answer.fields.response}
        rows={3}
      />
      <SelectField
        label={COMMITTEE_FIELD_LABELS.responseStatus}
        required
        choose
        value={status}
        onChange={setStatus}
        options={RESPONSE_STATUSES.map((s) => ({ value: s, label: RESPONSE_STATUS_LABELS[s] }))}
        error={answer.fields.responseStatus}
      />
      <button type="submit" className="button secondary" disabled={answer.busy}>
        {opinion.response ? "回答を改める" : "回答する"}
      </button>
      <ErrorAlert error={Object.keys(answer.fields).length ? null : answer.error} />
    </form>
  );
}
