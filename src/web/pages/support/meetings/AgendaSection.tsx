import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SelectField, TextAreaField } from "../../../components/FormField";
import type { Notice } from "../../../components/NoticeArea";
import { useSubmit } from "../../../forms/useSubmit";
import { personLabel } from "../../../support/components";
import { meetingKeys } from "../../../support/meetingQueries";
import { PersonSearchForm, usePersonSearch } from "../../../support/PersonSearchForm";
import { useCases } from "../../../support/queries";
import type { AddDecisionInput, AddSubjectInput, MeetingDetail, MeetingSubject } from "../../../types";

interface Props {
  m: MeetingDetail;
  manage: boolean;
  setNotice: (n: Notice) => void;
}

export const subjectLabel = (s: MeetingSubject) =>
  s.person ? personLabel(s.person) : s.removedAt ? "（議題から外れた）" : "（同意の撤回により表示しません）";

/** The agenda (議題) and the decisions (決定事項). */
export function AgendaSection({ m, manage, setNotice }: Props) {
  const invalidates = [meetingKeys.detail(m.id), meetingKeys.all];
  const remove = useSubmit({
    send: (s: MeetingSubject) => api(`/api/meetings/${m.id}/subjects/${s.id}`, { method: "DELETE" }),
    invalidates,
    onDone: () => setNotice({ kind: "success", text: "議題から外しました。" }),
  });
  const current = m.subjects.filter((s) => !s.removedAt);
  return (
    <>
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">議題</h2>
        <ErrorAlert error={remove.error} />
        {m.subjects.length === 0 ? <p>議題はまだありません。</p> : null}
        <ul>
          {m.subjects.map((s) => (
            <li key={s.id}>
              {s.caseId && !s.removedAt ? (
                <Link to="/support/cases/$caseId" params={{ caseId: s.caseId }}>
                  ケース: {subjectLabel(s)}
                </Link>
              ) : (
                <span>
                  {s.caseId ? "ケース: " : "対象者: "}
                  {subjectLabel(s)}
                </span>
              )}
              {s.referralId && !s.removedAt ? (
                <>
                  {" "}
                  <Link to="/support/referrals/$referralId" params={{ referralId: s.referralId }}>
                    つなぐシートを読む
                  </Link>
                </>
              ) : null}
              {manage && !s.removedAt ? (
                <button type="button" className="no-print" disabled={remove.busy} onClick={() => void remove.run(s)}>
                  {subjectLabel(s)}を議題から外す
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {manage ? <AddSubjectForms m={m} /> : null}
      </section>
      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">決定事項</h2>
        {m.decisions.length === 0 ? <p>決定事項はまだありません。</p> : null}
        <ol>
          {m.decisions.map((d) => {
            const about = current.find((s) => s.id === d.subjectId);
            return (
              <li key={d.id}>
                {about ? `【${subjectLabel(about)}】` : ""}
                {d.text}
              </li>
            );
          })}
        </ol>
        {manage ? <AddDecisionForm m={m} subjects={current} /> : null}
      </section>
    </>
  );
}

/** A case (from the caller's case list) or, on a 支援会議, a person found by the search. */
function AddSubjectForms({ m }: { m: MeetingDetail }) {
  const cases = useCases({ phase: "", review: "" });
  const search = usePersonSearch();
  const [caseId, setCaseId] = useState("");
  const invalidates = [meetingKeys.detail(m.id), meetingKeys.all];
  const add = useSubmit({
    send: (body: AddSubjectInput) => api(`/api/meetings/${m.id}/subjects`, { method: "POST", body }),
    invalidates,
    onDone: () => setCaseId(""),
  });
  return (
    <div className="no-print">
      <form onSubmit={add.onSubmit(() => ({ caseId }))} aria-label="ケースを議題に加える">
        <ErrorAlert error={add.error} />
        <SelectField
          label="ケース"
          choose
          required
          value={caseId}
          onChange={setCaseId}
          error={add.fields.caseId}
          hint={
            m.kind.legalBasis === "consent"
              ? "支援決定があり、開催日に本人の同意が及んでいるケースだけを加えられます"
              : undefined
          }
          options={(cases.data?.cases ?? []).map((c) => ({
            value: c.id,
            label: `${c.mainPerson ? personLabel(c.mainPerson) : "（本人の同意なし）"}（${c.phaseLabel}）`,
          }))}
        />
        <button type="submit" disabled={add.busy}>
          ケースを加える
        </button>
      </form>
      {m.kind.legalBasis === "art106_6" ? (
        <>
          <PersonSearchForm search={search} label={{ text: "ケースのない人・同意のない人を探す" }} />
          <ul>
            {(search.result?.persons ?? []).map((p) => (
              <li key={p.id}>
                {personLabel(p)}{" "}
                <button type="button" disabled={add.busy} onClick={() => void add.run({ personId: p.id })}>
                  {personLabel(p)}を議題に加える
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function AddDecisionForm({ m, subjects }: { m: MeetingDetail; subjects: MeetingSubject[] }) {
  const [text, setText] = useState("");
  const [subjectId, setSubjectId] = useState("");
  const add = useSubmit({
    send: () =>
      api(`/api/meetings/${m.id}/decisions`, {
        method: "POST",
        body: { text, subjectId: subjectId || null } satisfies AddDecisionInput,
      }),
    invalidates: [meetingKeys.detail(m.id), meetingKeys.all],
    onDone: () => setText(""),
  });
  return (
    <form className="no-print" onSubmit={add.onSubmit()} aria-label="決定事項を記録する">
      <ErrorAlert error={add.error} />
      <SelectField
        label="どの議題について"
        value={subjectId}
        onChange={setSubjectId}
        options={[{ value: "", label: "会議全体" }, ...subjects.map((s) => ({ value: s.id, label: subjectLabel(s) }))]}
      />
      <TextAreaField label="決定事項" required rows={3} value={text} onChange={setText} error={add.fields.text} />
      <button type="submit" disabled={add.busy}>
        決定事項を記録
      </button>
    </form>
  );
}
