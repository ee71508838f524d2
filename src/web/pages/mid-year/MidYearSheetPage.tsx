import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import {
  MID_YEAR_FIELD_LABELS,
  MID_YEAR_INDICATOR_ACTUAL_LABEL,
  MID_YEAR_PROGRESS,
  MID_YEAR_PROGRESS_LABELS,
  MID_YEAR_REVIEW_COMMENT_LABEL,
} from "../../../domain/labels/mid-year";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { RadioGroup, TextAreaField, TextField } from "../../components/FormField";
import { PageHeading } from "../../components/PageHeading";
import { QueryStatus } from "../../components/Status";
import { joinNames } from "../../format";
import { useSubmit } from "../../forms/useSubmit";
import { isPlanOffice, useSession } from "../../queries";
import type { MidYearFieldsInput, MidYearSheet } from "../../types";
import { midYearKeys, useMidYearSheet } from "./midYearQueries";

const route = getRouteApi("/mid-year-sheets/$sheetId");

export function MidYearSheetPage() {
  const { sheetId } = route.useParams();
  const sheet = useMidYearSheet(sheetId);
  // kept here: the form starts again from each new version the server answers, the notice of what was done stays
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <QueryStatus query={sheet} />
      {sheet.data ? (
        <SheetForm
          key={`${sheet.data.id}:${sheet.data.version}`}
          sheet={sheet.data}
          notice={notice}
          setNotice={setNotice}
        />
      ) : null}
    </>
  );
}

type Action = { kind: "save" | "submit" | "accept" } | { kind: "return"; comment: string };

function SheetForm({
  sheet,
  notice,
  setNotice,
}: {
  sheet: MidYearSheet;
  notice: string | null;
  setNotice: (notice: string | null) => void;
}) {
  const session = useSession();
  const office = isPlanOffice(session.data);
  const [progress, setProgress] = useState(sheet.progress ?? "");
  const [issues, setIssues] = useState(sheet.issues ?? "");
  const [secondHalfPlan, setSecondHalfPlan] = useState(sheet.secondHalfPlan ?? "");
  const [actuals, setActuals] = useState<Record<string, string>>(
    Object.fromEntries(sheet.indicators.map((i) => [i.id, i.actual ?? ""])),
  );
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState("");
  const url = `/api/mid-year-sheets/${sheet.id}`;
  const fields = (): MidYearFieldsInput => ({
    progress: (progress || null) as MidYearFieldsInput["progress"],
    issues,
    secondHalfPlan,
    indicatorActuals: actuals,
  });
  const send = useSubmit({
    send: (action: Action) => {
      setNotice(null);
      const version = sheet.version;
      if (action.kind === "save") return api(url, { method: "PUT", body: fields(), version });
      if (action.kind === "submit") return api(`${url}/submit`, { method: "POST", body: fields(), version });
      if (action.kind === "return")
        return api(`${url}/return`, { method: "POST", body: { comment: action.comment }, version });
      return api(`${url}/accept`, { method: "POST", body: {}, version });
    },
    invalidates: [midYearKeys.all],
    onDone: (_r, action) =>
      setNotice(
        {
          save: "一時保存しました。",
          submit: "提出しました。",
          accept: "確認済にしました。",
          return: "差し戻しました。",
        }[action.kind],
      ),
  });
  const editable = sheet.editable && session.data?.user.role !== "viewer";
  const open = !sheet.roundClosed;
  const canSubmit = editable && ["not_started", "draft", "returned"].includes(sheet.status);
  const canAccept = open && office && sheet.status === "submitted";
  const canReturn = open && office && ["submitted", "accepted"].includes(sheet.status);
  const title = [sheet.item?.code, sheet.item?.title].filter(Boolean).join(" ");

  return (
    <>
      <PageHeading title={`中間報告 ${title}`}>
        {sheet.planTitle}　{sheet.fiscalYearLabel}　担当課: {joinNames(sheet.departmentNames)}　状態:{" "}
        {sheet.statusLabel}
      </PageHeading>
      <p className="no-print">
        <Link to="/mid-year" search={{ planId: sheet.planId, fy: sheet.fiscalYear }}>
          中間報告の一覧へ戻る
        </Link>
      </p>
      {sheet.roundClosed ? <p className="notice">この年度の中間報告は締め切られています。変更できません。</p> : null}
      {sheet.status === "returned" && sheet.reviewComment ? (
        <div className="notice warning" role="note">
          <strong>{MID_YEAR_REVIEW_COMMENT_LABEL}:</strong> {sheet.reviewComment}
        </div>
      ) : null}
      <ErrorAlert error={send.error} />
      <div aria-live="polite">{notice ? <p className="notice success">{notice}</p> : null}</div>
      <form onSubmit={send.onSubmit({ kind: "save" })} noValidate>
        {editable ? (
          <RadioGroup
            legend={MID_YEAR_FIELD_LABELS.progress}
            name="progress"
            value={progress}
            onChange={setProgress}
            required
            error={send.fields.progress}
            options={MID_YEAR_PROGRESS.map((p) => ({ value: p, label: MID_YEAR_PROGRESS_LABELS[p] }))}
          />
        ) : (
          <ReadOnly label={MID_YEAR_FIELD_LABELS.progress} value={sheet.progressLabel} />
        )}
        {editable ? (
          <>
            <TextAreaField
              label={MID_YEAR_FIELD_LABELS.issues}
              value={issues}
              onChange={setIssues}
              error={send.fields.issues}
            />
            <TextAreaField
              label={MID_YEAR_FIELD_LABELS.secondHalfPlan}
              value={secondHalfPlan}
              onChange={setSecondHalfPlan}
              required
              error={send.fields.secondHalfPlan}
            />
          </>
        ) : (
          <>
            <ReadOnly label={MID_YEAR_FIELD_LABELS.issues} value={sheet.issues} />
            <ReadOnly label={MID_YEAR_FIELD_LABELS.secondHalfPlan} value={sheet.secondHalfPlan} />
          </>
        )}
        {sheet.indicators.length ? (
          <fieldset>
            <legend>{MID_YEAR_INDICATOR_ACTUAL_LABEL}</legend>
            {sheet.indicators.map((i) =>
              editable ? (
                <TextField
                  key={i.id}
                  label={i.name}
                  value={actuals[i.id] ?? ""}
                  onChange={(v) => setActuals((a) => ({ ...a, [i.id]: v }))}
                  error={send.fields.indicatorActuals}
                />
              ) : (
                <ReadOnly key={i.id} label={i.name} value={i.actual} />
              ),
            )}
          </fieldset>
        ) : null}
        <div className="sheet-actions no-print">
          {editable ? (
            <button type="submit" className="button secondary" disabled={send.busy}>
              一時保存
            </button>
          ) : null}
          {canSubmit ? (
            <button
              type="button"
              className="button"
              disabled={send.busy}
              onClick={() => void send.run({ kind: "submit" })}
            >
              提出
            </button>
          ) : null}
          {canAccept ? (
            <button
              type="button"
              className="button"
              disabled={send.busy}
              onClick={() => void send.run({ kind: "accept" })}
            >
              確認済にする
            </button>
          ) : null}
          {canReturn && !asking ? (
            <button type="button" className="button secondary" disabled={send.busy} onClick={() => setAsking(true)}>
              差し戻し
            </button>
          ) : null}
        </div>
      </form>
      {asking ? (
        <div className="return-form no-print">
          <TextAreaField
            label={MID_YEAR_REVIEW_COMMENT_LABEL}
            value={comment}
            onChange={setComment}
            required
            error={send.fields.comment}
          />
          <div className="page-actions">
            <button
              type="button"
              className="button danger"
              disabled={send.busy}
              onClick={() => void send.run({ kind: "return", comment })}
            >
              差し戻す
            </button>
            <button type="button" className="button secondary" onClick={() => setAsking(false)}>
              やめる
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}

function ReadOnly({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="field">
      <span className="label">{label}</span>
      <p className="pre-wrap">{value || <span className="muted">（未記入）</span>}</p>
    </div>
  );
}
