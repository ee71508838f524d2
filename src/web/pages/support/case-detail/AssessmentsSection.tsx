import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ASSESSMENT_SECTIONS } from "../../../../server/modules/cases/schema";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { Checkbox, TextAreaField, TextField } from "../../../components/FormField";
import { Loading, QueryError } from "../../../components/Status";
import { formatDateTime } from "../../../format";
import { useSubmit } from "../../../forms/useSubmit";
import { FormButtons } from "../../../support/components";
import { caseKeys, useAssessment, useAssessments } from "../../../support/queries";
import type { Assessment } from "../../../types";

import type { CaseSectionProps } from "./useCaseWrite";

export function AssessmentsSection({ c, setNotice }: CaseSectionProps) {
  const list = useAssessments(c.id, true);
  const [shown, setShown] = useState<number | null>(null);
  const [compare, setCompare] = useState(false);
  const [editing, setEditing] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const versions = list.data?.versions ?? [];
  // the version before the one shown, among those the caller may see
  const previous = shown === null ? null : (versions.find((v) => v.version < shown)?.version ?? null);
  const assessment = useAssessment(c.id, shown);
  const before = useAssessment(c.id, compare ? previous : null);
  const latestVisible = versions[0]?.version ?? null;
  return (
    <section aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">アセスメント</h2>
      <p className="small">
        共通の項目で世帯の状況を整理します。保存するたびに新しい版になり、前の版は書き換えられません。
      </p>
      {list.isPending ? <Loading /> : null}
      {list.error ? <QueryError error={list.error} /> : null}
      {list.data ? (
        versions.length ? (
          <ul className="plain-list">
            {versions.map((v) => (
              <li key={v.version}>
                第{v.version}版 {formatDateTime(v.createdAt)} {v.agency.name}
                {v.note ? `（${v.note}）` : ""}{" "}
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={shown === v.version}
                  onClick={() => {
                    setShown(shown === v.version ? null : v.version);
                    setCompare(false);
                  }}
                >
                  {shown === v.version ? "閉じる" : "表示"}
                  <span className="visually-hidden">：第{v.version}版</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>表示できるアセスメントはありません。</p>
        )
      ) : null}
      {list.data && list.data.latestVersion > (latestVisible ?? 0) ? (
        <p className="small muted">
          本人同意がないため、他の機関が保存した版（最新は第{list.data.latestVersion}版）は表示されません。
        </p>
      ) : null}
      {shown !== null ? (
        assessment.isPending ? (
          <Loading />
        ) : assessment.error ? (
          <QueryError error={assessment.error} />
        ) : assessment.data ? (
          <>
            <h3>アセスメント 第{shown}版</h3>
            <p className="small">
              {formatDateTime(assessment.data.createdAt)} {assessment.data.agency.name}
              {assessment.data.note ? `（${assessment.data.note}）` : ""}
            </p>
            {previous !== null ? (
              <Checkbox label={`前の版（第${previous}版）と並べて比べる`} checked={compare} onChange={setCompare} />
            ) : null}
            {compare && previous !== null ? (
              before.isPending ? (
                <Loading />
              ) : before.error ? (
                <QueryError error={before.error} />
              ) : before.data ? (
                <div className="table-wrap">
                  <table className="data assessment-compare">
                    <caption>
                      第{previous}版と第{shown}版の比較
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">項目</th>
                        <th scope="col">第{previous}版</th>
                        <th scope="col">第{shown}版</th>
                      </tr>
                    </thead>
                    <tbody>
                      {assessment.data.sections.map((sec) => {
                        const old = before.data?.sections.find((x) => x.key === sec.key)?.text ?? "";
                        const changed = old !== sec.text;
                        return (
                          <tr key={sec.key} className={changed ? "changed" : undefined}>
                            <th scope="row">
                              {sec.label}
                              {changed ? <span className="badge coordinator">変更あり</span> : null}
                            </th>
                            <td className="pre-wrap">{old || <span className="muted">（記載なし）</span>}</td>
                            <td className="pre-wrap">{sec.text || <span className="muted">（記載なし）</span>}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              ) : null
            ) : (
              <dl className="summary-list">
                {assessment.data.sections.map((sec) => (
                  <div key={sec.key}>
                    <dt>{sec.label}</dt>
                    <dd className="pre-wrap">{sec.text || <span className="muted">（記載なし）</span>}</dd>
                  </div>
                ))}
              </dl>
            )}
          </>
        ) : null
      ) : null}
      {list.data && !editing ? (
        <p>
          <button ref={openRef} type="button" className="button secondary" onClick={() => setEditing(true)}>
            アセスメントの新しい版を作成
          </button>
        </p>
      ) : null}
      {list.data && editing ? (
        <AssessmentForm
          c={c}
          latestVersion={list.data.latestVersion}
          base={latestVisible}
          onClose={(saved) => {
            setEditing(false);
            if (saved !== null) {
              setShown(saved);
              setCompare(false);
              setNotice({ kind: "success", text: `アセスメントの第${saved}版を保存しました。` });
            }
            requestAnimationFrame(() => openRef.current?.focus());
          }}
          setNotice={setNotice}
        />
      ) : null}
    </section>
  );
}

/**
 * A new version of the shared assessment, starting from the latest version the caller may see. If-Match names the
 * latest version of the case: when someone saved in the meantime, the text stays on screen and the list reloads.
 */
function AssessmentForm({
  c,
  latestVersion,
  base,
  onClose,
  setNotice,
}: CaseSectionProps & { latestVersion: number; base: number | null; onClose: (saved: number | null) => void }) {
  const queryClient = useQueryClient();
  const baseAssessment = useAssessment(c.id, base);
  const [texts, setTexts] = useState<Record<string, string> | null>(null);
  const [note, setNote] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const save = useSubmit({
    send: (sections: Record<string, string>) =>
      api<{ assessment: Assessment }>(`/api/cases/${encodeURIComponent(c.id)}/assessments`, {
        method: "POST",
        body: { sections, note: note || null },
        version: latestVersion,
      }),
    invalidates: [caseKeys.assessments(c.id)],
    onDone: ({ assessment }) => onClose(assessment.version),
    // the text stays on screen; the list is read again so the new version can be looked at
    onStale: async (sections) => {
      setTexts(sections);
      await queryClient.invalidateQueries({ queryKey: caseKeys.assessments(c.id) });
      setNotice({
        kind: "warning",
        text: "他の人が先にアセスメントの新しい版を保存しました。一覧を読み込み直しました。入力した内容は残っています。新しい版を確かめてから、もう一度保存してください。",
      });
    },
  });
  const fields = save.fields;
  const ready = base === null || !baseAssessment.isPending;
  // the form takes the focus once it is on screen
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);
  if (!ready) return <Loading />;
  const values =
    texts ??
    Object.fromEntries(
      ASSESSMENT_SECTIONS.map((sec) => [
        sec.key,
        baseAssessment.data?.sections.find((x) => x.key === sec.key)?.text ?? "",
      ]),
    );
  return (
    <form onSubmit={save.onSubmit(values)} noValidate aria-labelledby="assessment-form-heading">
      <h3 id="assessment-form-heading" ref={headingRef} tabIndex={-1}>
        アセスメントの新しい版（第{latestVersion + 1}版）
      </h3>
      <p className="small">
        {base !== null ? `第${base}版の内容を初期値にしています。` : "最初の版です。"}
        分かる項目だけ書いてください（少なくとも1つ）。
      </p>
      <ErrorAlert error={save.error} title="保存できませんでした" />
      {fields.sections ? <p className="field-error">{fields.sections}</p> : null}
      <div>
        {ASSESSMENT_SECTIONS.map((sec, i) => (
          <TextAreaField
            key={sec.key}
            label={sec.label}
            hint={sec.hint}
            rows={i < 2 ? 4 : 3}
            value={values[sec.key] ?? ""}
            onChange={(v) => setTexts({ ...values, [sec.key]: v })}
            error={fields[`sections.${sec.key}`]}
          />
        ))}
      </div>
      <TextField
        label="更新メモ（任意）"
        hint="何を見直したか（例: 支援会議の前に見立てを更新）"
        value={note}
        onChange={setNote}
        inputClassName="wide"
        error={fields.note}
      />
      <FormButtons onBack={() => onClose(null)} submit="新しい版として保存" busy={save.busy} />
    </form>
  );
}
