import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { formatMegabytes, UPLOAD_LIMITS } from "../../server/platform/uploads/limits";
import { ApiError, api } from "../api";
import { ErrorAlert, fieldErrorMap } from "../components/ErrorAlert";
import {
  type DepartmentChoices,
  departmentDecisionsHeader,
  ImportDepartments,
  undecidedNames,
} from "../components/ImportDepartments";
import { ImportPreview } from "../components/ImportReportView";
import { sourceLinesOf } from "../components/importFindingsCsv";
import { usePageTitle } from "../components/usePageTitle";
import { WorkbookPreview } from "../components/WorkbookReportView";
import { useSubmit } from "../forms/useSubmit";
import { isPlanOffice, useSession } from "../queries";
import { type AnyImportReport, type ImportResult, isWorkbookReport } from "../types";

const MAX_BYTES = UPLOAD_LIMITS.uploadBytes;

const headers = (f: File) => ({
  "x-file-name": encodeURIComponent(f.name),
  "content-type": "application/octet-stream",
});

export function ImportPage() {
  usePageTitle("取込");
  const session = useSession();
  const queryClient = useQueryClient();
  const fileId = useId();
  const hintId = useId();
  const errorId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [bytes, setBytes] = useState<ArrayBuffer | null>(null);
  const [report, setReport] = useState<AnyImportReport | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [fileProblem, setFileProblem] = useState<ApiError | null>(null);
  const [choices, setChoices] = useState<DepartmentChoices>({});
  const [sourceLines, setSourceLines] = useState<string[] | null>(null);
  const [undecidedMessage, setUndecidedMessage] = useState<string | null>(null);
  const departmentsId = useId();
  const office = isPlanOffice(session.data);
  const role = session.data?.user.role;
  const previewing = useSubmit({
    send: async (f: File) => {
      const data = await f.arrayBuffer();
      setBytes(data);
      setSourceLines(sourceLinesOf(data));
      return api<{ report: AnyImportReport }>("/api/imports/preview", {
        method: "POST",
        body: data,
        headers: headers(f),
      });
    },
    onDone: (r) => setReport(r.report),
  });
  const committing = useSubmit({
    send: ({ f, data }: { f: File; data: ArrayBuffer }) =>
      api<ImportResult>("/api/imports", {
        method: "POST",
        body: data,
        headers: { ...headers(f), ...departmentDecisionsHeader(choices) },
      }),
    onDone: async (r) => {
      setReport(r.report);
      setResult(r);
      // plans, departments, sheets and summaries may all have changed
      await queryClient.invalidateQueries();
    },
  });
  const error = fileProblem ?? previewing.error ?? committing.error;
  const busy = previewing.busy ? "preview" : committing.busy ? "commit" : null;
  // one failure on screen at a time: the last step's
  const clearErrors = () => {
    setFileProblem(null);
    previewing.clear();
    committing.clear();
  };

  if (role === "viewer") {
    return (
      <>
        <h1>取込</h1>
        <p>閲覧者は取込を行えません。</p>
      </>
    );
  }

  const preview = (e: FormEvent) => {
    e.preventDefault();
    clearErrors();
    setReport(null);
    setResult(null);
    setChoices({});
    setUndecidedMessage(null);
    if (!file) {
      setFileProblem(new ApiError(0, "client", "ファイルを選んでください"));
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileProblem(new ApiError(0, "client", `ファイルが大きすぎます（${formatMegabytes(MAX_BYTES)}まで）`));
      return;
    }
    void previewing.run(file);
  };

  const commit = async () => {
    if (!file || !bytes) return;
    clearErrors();
    // every new department name needs the plan office's choice: nothing is registered unasked
    const undecided = report && !isWorkbookReport(report) ? undecidedNames(report.departments ?? [], choices) : [];
    setUndecidedMessage(
      undecided.length
        ? `文書に書かれた課のうち${undecided.length}件の扱いが選ばれていません: ${undecided.join("、")}`
        : null,
    );
    if (undecided.length) {
      const selects = document.querySelectorAll<HTMLSelectElement>(`#${CSS.escape(departmentsId)} select`);
      [...selects].find((el) => el.value === "")?.focus();
      return;
    }
    await committing.run({ f: file, data: bytes });
  };

  const fileError = error instanceof ApiError && error.code === "client" ? error.message : undefined;

  return (
    <>
      <h1>取込</h1>
      {office ? (
        <p className="lead">
          事業別評価総括表・評価表の文書（テキスト .txt）を読み込み、計画・事業・評価表として登録します。
          このシステムから書き出した Excel（.xlsx）を編集して取り込むと、評価表をまとめて更新できます。
          どちらも、取り込む前に内容を確認できます。
        </p>
      ) : (
        <p className="lead">
          評価の一覧・総括表から書き出した
          Excel（.xlsx）に記入したものを取り込むと、担当の評価表をまとめて更新できます。
          取り込む前に、変わる内容を確認できます。
        </p>
      )}
      <form onSubmit={preview} noValidate className="filters">
        <div className="field">
          <label htmlFor={fileId}>
            取り込むファイル<span className="required">必須</span>
          </label>
          <span id={hintId} className="hint">
            {office
              ? `.txt（UTF-8 または Shift_JIS、${formatMegabytes(UPLOAD_LIMITS.textBytes)}まで）または .xlsx（${formatMegabytes(MAX_BYTES)}まで）`
              : `書き出した .xlsx（${formatMegabytes(MAX_BYTES)}まで）`}
          </span>
          {fileError ? (
            <span id={errorId} className="field-error">
              {fileError}
            </span>
          ) : null}
          <input
            id={fileId}
            type="file"
            accept={
              office
                ? ".txt,.xlsx,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            aria-describedby={fileError ? `${hintId} ${errorId}` : hintId}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setResult(null);
              clearErrors();
            }}
          />
        </div>
        <div className="field">
          <button type="submit" className="button" disabled={busy !== null}>
            {busy === "preview" ? "確認しています…" : "内容を確認"}
          </button>
        </div>
      </form>

      {error && !fileError ? <ErrorAlert error={error} title="取り込めませんでした" /> : null}

      <div aria-live="polite">{result ? <CommitMessage result={result} /> : null}</div>

      {report && isWorkbookReport(report) ? (
        <WorkbookPreview report={report} onCommit={result ? null : commit} busy={busy === "commit"} />
      ) : null}
      {report && !isWorkbookReport(report) ? (
        <ImportPreview
          report={report}
          onCommit={result ? null : commit}
          busy={busy === "commit"}
          sourceLines={sourceLines}
          fileName={file?.name ?? null}
          departments={
            <div id={departmentsId}>
              <ImportDepartments
                departments={report.departments ?? []}
                choices={choices}
                onChange={(next) => {
                  setChoices(next);
                  if (undecidedNames(report.departments ?? [], next).length === 0) setUndecidedMessage(null);
                }}
                message={undecidedMessage}
                errors={fieldErrorMap(error)}
                editable={!result && !report.alreadyImported}
              />
            </div>
          }
        />
      ) : null}
    </>
  );
}

function CommitMessage({ result }: { result: ImportResult }) {
  const r = result.report;
  if (isWorkbookReport(r)) {
    return (
      <div className="notice success">
        <p>
          取り込みました。評価表 {r.changed.length}件を更新しました
          {r.conflicts.length ? `（競合のため取り込まなかった評価表 ${r.conflicts.length}件）` : ""}。
        </p>
        <p>
          <Link to="/evaluations" search={{ planId: r.planId, fy: r.fiscalYear }}>
            {r.fiscalYearLabel}の評価表の一覧へ
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="notice success">
      <p>
        {result.created ? "取り込みました。" : "この文書は既に取り込まれています。新しく登録したものはありません。"}
      </p>
      <p>
        {result.report.kind === "programme" ? (
          <>
            <Link to="/programme">事業一覧を開く</Link>
            　／　
          </>
        ) : null}
        {result.planId ? (
          <>
            <Link to="/plans/$planId" params={{ planId: result.planId }}>
              取り込んだ計画を開く
            </Link>
            　／　
          </>
        ) : null}
        <Link to="/plans">計画一覧へ</Link>
      </p>
    </div>
  );
}
