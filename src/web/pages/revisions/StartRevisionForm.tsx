import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField } from "../../components/FormField";
import { useSubmit } from "../../forms/useSubmit";
import { planUrl } from "../../planQueries";
import { keys } from "../../queries";
import type { RevisionStarted, StartRevisionInput } from "../../types";

export function StartRevisionForm({ planId, draft }: { planId: string; draft: number | null }) {
  const [label, setLabel] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const start = useSubmit({
    send: (name: string) =>
      api<RevisionStarted>(planUrl(planId, "/revisions"), {
        method: "POST",
        body: (name ? { label: name } : {}) satisfies StartRevisionInput,
      }),
    invalidates: [keys.revisions(planId)],
    onDone: (r) => {
      setDone(
        `${r.baseline ? `現在の内容を第${r.baseline.number}版「${r.baseline.label}」として記録し、` : ""}第${r.revision.number}版「${r.revision.label}」の改定を開始しました。計画の構成や指標の変更は、承認するまで改定案です。`,
      );
      setLabel("");
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    void start.run(label.trim());
  };

  return (
    <section aria-labelledby="start-revision-title" className="no-print">
      <h2 id="start-revision-title">改定の開始</h2>
      {draft !== null ? (
        <p>
          第{draft}
          版の改定案があります。改定案の変更は、承認するまで他の画面（総括表・評価表・指標・書き出し）には表示されません。承認してから次の改定を開始できます。
        </p>
      ) : null}
      <form onSubmit={submit} noValidate className="form-row">
        <TextField
          label="改定の名称（任意）"
          hint="空欄のときは「令和○年度改定」になります"
          value={label}
          onChange={setLabel}
          error={start.fields.label}
          inputClassName="wide"
        />
        <div className="field">
          <button type="submit" className="button" disabled={start.busy || draft !== null}>
            {start.busy ? "開始しています…" : "次年度の改定を開始"}
          </button>
        </div>
      </form>
      <ErrorAlert error={start.error} />
      <div aria-live="polite">{done ? <p className="notice success">{done}</p> : null}</div>
      {draft !== null || done ? (
        <p className="page-actions">
          <Link to="/plans/$planId" params={{ planId }} search={{ revision: "draft" }}>
            計画の構成を開いて変更する
          </Link>
          <Link to="/indicators" search={{ planId, revision: "draft" }}>
            指標と目標を開いて変更する
          </Link>
        </p>
      ) : null}
    </section>
  );
}
