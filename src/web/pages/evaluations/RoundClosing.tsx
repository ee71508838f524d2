import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { CLOSED_YEAR_MESSAGE } from "../../../domain/labels/evaluation";
import { ApiError, api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextAreaField } from "../../components/FormField";
import { formatDateTime, fyLabel, joinNames } from "../../format";
import { useSubmit } from "../../forms/useSubmit";
import { useRounds } from "../../planQueries";
import { keys } from "../../queries";
import type { ReopenRoundInput, Round } from "../../types";

/** What the server lists when a year cannot be closed yet (409 sheets_open). */
interface OpenSheet {
  sheetId: string;
  code: string | null;
  title: string;
  statusLabel: string;
  departmentNames: string[];
}

function openSheetsOf(error: unknown): OpenSheet[] {
  if (!(error instanceof ApiError) || error.code !== "sheets_open") return [];
  return (error.details as { openSheets?: OpenSheet[] } | undefined)?.openSheets ?? [];
}

/**
 * The year's round under the list of its sheets: open or closed (who, when, under which revision), the last
 * reopening with its reason, and for the plan office the closing (締め) and the reopening.
 */
export function RoundClosing({ planId, fiscalYear, office }: { planId: string; fiscalYear: number; office: boolean }) {
  const rounds = useRounds(planId);
  const round = rounds.data?.find((r) => r.fiscalYear === fiscalYear);
  if (!round) return null;
  return (
    // a plain block under its heading: a labelled region named "…年度の締め" would also answer to the 年度 picker's label
    <div className="round-state">
      <h2>{fyLabel(fiscalYear)}の締め</h2>
      {round.status === "closed" ? <ClosedRound round={round} planId={planId} office={office} /> : null}
      {round.status !== "closed" ? (
        <>
          <p>評価中です。すべての評価表を承認するか、理由を付けて未評価とすると、計画所管課が年度を締められます。</p>
          <LastReopening round={round} />
          {office ? <CloseForm planId={planId} fiscalYear={fiscalYear} /> : null}
        </>
      ) : null}
    </div>
  );
}

function ClosedRound({ round, planId, office }: { round: Round; planId: string; office: boolean }) {
  return (
    <>
      <p className="notice" role="status">
        <strong>{CLOSED_YEAR_MESSAGE}。</strong>
        {round.closedAt ? `${formatDateTime(round.closedAt)}に` : ""}
        {round.closedByName ? `${round.closedByName}が` : ""}締めました。
        {round.closedRevision ? `（第${round.closedRevision.number}版「${round.closedRevision.label}」で評価）` : ""}
        評価表・評価・この年度の実績値・総括表は変更できません。
      </p>
      <p>
        <Link to="/evaluation-report" search={{ planId, fy: round.fiscalYear }}>
          {fyLabel(round.fiscalYear)} 評価結果報告書を開く
        </Link>
      </p>
      {office ? <ReopenForm planId={planId} fiscalYear={round.fiscalYear} /> : null}
    </>
  );
}

function LastReopening({ round }: { round: Round }) {
  if (!round.reopenedAt) return null;
  return (
    <p className="small">
      {formatDateTime(round.reopenedAt)}に{round.reopenedByName ?? ""}が再開しました（理由: {round.reopenReason}）。
    </p>
  );
}

function CloseForm({ planId, fiscalYear }: { planId: string; fiscalYear: number }) {
  const close = useSubmit({
    send: () =>
      api<{ round: Round }>(`/api/plans/${planId}/evaluations/${fiscalYear}/close`, { method: "POST", body: {} }),
    invalidates: [keys.rounds(planId), ["sheets"], ["sheet"], ["summary"]],
  });
  const open = openSheetsOf(close.error);
  return (
    <div className="no-print">
      <button type="button" className="button" onClick={() => void close.run()} disabled={close.busy}>
        {fyLabel(fiscalYear)}を締める
      </button>
      <ErrorAlert error={close.error} />
      {open.length ? (
        <ul aria-label="まだ締められない評価表">
          {open.map((s) => (
            <li key={s.sheetId}>
              <Link to="/sheets/$sheetId" params={{ sheetId: s.sheetId }}>
                {[s.code, s.title].filter(Boolean).join(" ")}
              </Link>
              （{joinNames(s.departmentNames)}）: {s.statusLabel}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ReopenForm({ planId, fiscalYear }: { planId: string; fiscalYear: number }) {
  const [reason, setReason] = useState("");
  const reopen = useSubmit({
    send: (body: ReopenRoundInput) =>
      api<{ round: Round }>(`/api/plans/${planId}/evaluations/${fiscalYear}/reopen`, { method: "POST", body }),
    invalidates: [keys.rounds(planId), ["sheets"], ["sheet"], ["summary"]],
    onDone: () => setReason(""),
  });
  return (
    <details className="no-print">
      <summary>締めた年度を再開する（計画所管課）</summary>
      <form onSubmit={reopen.onSubmit(() => ({ reason }))} noValidate>
        <TextAreaField
          label="再開する理由"
          required
          value={reason}
          onChange={setReason}
          error={reopen.fields.reason}
          rows={3}
        />
        <button type="submit" className="button secondary" disabled={reopen.busy}>
          再開する
        </button>
      </form>
      <ErrorAlert error={reopen.fields.reason ? null : reopen.error} />
    </details>
  );
}
