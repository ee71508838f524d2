import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatJapaneseDate } from "../../../../domain/japanese-date";
import {
  PLACEMENT_INTERRUPTION_REASON_LABELS,
  PLACEMENT_INTERRUPTION_REASONS,
  PLACEMENT_STATUS_LABELS,
  type PlacementInterruptionReason,
  type PlacementStatus,
} from "../../../../domain/labels/placements";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SelectField, TextAreaField, TextField } from "../../../components/FormField";
import { useSubmit } from "../../../forms/useSubmit";
import type { CaseDetail } from "../../../types";
import { UnmetNeedForm } from "./UnmetNeedForm";

interface Placement {
  id: string;
  resource: { id: string; name: string | null };
  wishes: string;
  status: PlacementStatus;
  statusLabel: string;
  statusOn: string;
  interruptionReasonLabel: string | null;
  followUpOn: string | null;
  followUpDue: boolean;
  nextStatuses: PlacementStatus[];
  history: { statusLabel: string; on: string; interruptionReasonLabel: string | null; note: string | null }[];
  version: number;
}

const placementKey = (caseId: string) => ["support", "cases", caseId, "placements"] as const;

/**
 * 参加支援: the resources proposed for the case's person, their status and follow-ups (flagged when due). The lead
 * agency and the coordinators propose from the directory and move a placement on; the rest of the team reads.
 */
export function PlacementsSection({ c, manage }: { c: CaseDetail; manage: boolean }) {
  const found = useQuery({
    queryKey: placementKey(c.id),
    queryFn: () => api<{ placements: Placement[] }>(`/api/cases/${encodeURIComponent(c.id)}/placements`),
    staleTime: 0,
  });
  if (!found.data) return null;
  const placements = found.data.placements;
  const due = placements.filter((p) => p.followUpDue).length;
  return (
    <section aria-labelledby="case-placements-heading">
      <h2 id="case-placements-heading">参加支援</h2>
      <p>フォローアップの時期が来たもの: {due}件</p>
      {placements.length ? (
        <ul>
          {placements.map((p) => (
            <li key={p.id}>
              <strong>{p.resource.name ?? "（地域資源）"}</strong> <span className="status">{p.statusLabel}</span>（
              {formatJapaneseDate(p.statusOn)}）
              {p.interruptionReasonLabel ? `理由: ${p.interruptionReasonLabel}` : null}
              <br />
              本人の希望: {p.wishes}
              <br />
              次のフォローアップ: {p.followUpOn ? formatJapaneseDate(p.followUpOn) : "未定"}
              {p.followUpDue ? <span className="badge overdue">フォローアップの時期です</span> : null}
              <details>
                <summary>経過（{p.history.length}件）</summary>
                <ol>
                  {p.history.map((h) => (
                    <li key={`${h.on}-${h.statusLabel}`}>
                      {formatJapaneseDate(h.on)} {h.statusLabel}
                      {h.interruptionReasonLabel ? `（${h.interruptionReasonLabel}）` : null}
                      {h.note ? `：${h.note}` : null}
                    </li>
                  ))}
                </ol>
              </details>
              {/* keyed by version: after a change the form starts again from the statuses that may follow now */}
              {manage && p.nextStatuses.length ? (
                <StatusForm key={`${p.id}-${p.version}`} caseId={c.id} placement={p} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>参加支援はまだありません。</p>
      )}
      {manage ? <ProposeForm caseId={c.id} /> : null}
      {manage ? <UnmetNeedForm caseId={c.id} /> : null}
    </section>
  );
}

function ProposeForm({ caseId }: { caseId: string }) {
  const [q, setQ] = useState("");
  const [draft, setDraft] = useState({ resourceId: "", wishes: "", startedOn: "", followUpOn: "" });
  const found = useQuery({
    queryKey: ["support", "resources", "active", q],
    queryFn: () =>
      api<{ resources: { id: string; name: string }[] }>(
        `/api/resources?status=active${q ? `&q=${encodeURIComponent(q)}` : ""}`,
      ),
  });
  const propose = useSubmit({
    send: () =>
      api(`/api/cases/${encodeURIComponent(caseId)}/placements`, {
        method: "POST",
        body: { ...draft, followUpOn: draft.followUpOn || null },
      }),
    invalidates: [placementKey(caseId)],
    onDone: () => setDraft({ resourceId: "", wishes: "", startedOn: "", followUpOn: "" }),
  });
  return (
    <form className="no-print" onSubmit={propose.onSubmit()} aria-label="地域資源を提案する">
      <h3>地域資源を提案する</h3>
      <ErrorAlert error={propose.error} />
      <TextField label="地域資源を探す（名前・説明の語）" value={q} onChange={setQ} />
      <SelectField
        label="地域資源"
        required
        choose
        value={draft.resourceId}
        onChange={(resourceId) => setDraft({ ...draft, resourceId })}
        options={(found.data?.resources ?? []).map((r) => ({ value: r.id, label: r.name }))}
        error={propose.fields.resourceId}
      />
      <TextAreaField
        label="本人の希望（この資源が応えるもの）"
        required
        value={draft.wishes}
        onChange={(wishes) => setDraft({ ...draft, wishes })}
        error={propose.fields.wishes}
      />
      <TextField
        label="見学・体験の日"
        type="date"
        required
        value={draft.startedOn}
        onChange={(startedOn) => setDraft({ ...draft, startedOn })}
        error={propose.fields.startedOn}
      />
      <TextField
        label="次のフォローアップ日"
        type="date"
        value={draft.followUpOn}
        onChange={(followUpOn) => setDraft({ ...draft, followUpOn })}
        error={propose.fields.followUpOn}
      />
      <button type="submit" disabled={propose.busy}>
        提案する
      </button>
    </form>
  );
}

function StatusForm({ caseId, placement }: { caseId: string; placement: Placement }) {
  const first = placement.nextStatuses[0] as PlacementStatus;
  const [draft, setDraft] = useState<{
    status: PlacementStatus;
    on: string;
    reason: PlacementInterruptionReason | "";
    note: string;
    followUpOn: string;
  }>({ status: first, on: "", reason: "", note: "", followUpOn: "" });
  const change = useSubmit({
    send: () =>
      api(`/api/cases/${encodeURIComponent(caseId)}/placements/${encodeURIComponent(placement.id)}/status`, {
        method: "POST",
        version: placement.version,
        body: {
          status: draft.status,
          on: draft.on,
          reason: draft.reason || null,
          note: draft.note || null,
          followUpOn: draft.followUpOn || null,
        },
      }),
    invalidates: [placementKey(caseId)],
  });
  return (
    <form
      className="no-print"
      onSubmit={change.onSubmit()}
      aria-label={`${placement.resource.name ?? ""}の状況を変える`}
    >
      <ErrorAlert error={change.error} />
      <SelectField
        label="次の状況"
        value={draft.status}
        onChange={(status) => setDraft({ ...draft, status })}
        options={placement.nextStatuses.map((s) => ({ value: s, label: PLACEMENT_STATUS_LABELS[s] }))}
        error={change.fields.status}
      />
      <TextField
        label="変更日"
        type="date"
        required
        value={draft.on}
        onChange={(on) => setDraft({ ...draft, on })}
        error={change.fields.on}
      />
      {draft.status === "interrupted" ? (
        <SelectField
          label="中断の理由"
          required
          choose
          value={draft.reason}
          onChange={(reason) => setDraft({ ...draft, reason })}
          options={PLACEMENT_INTERRUPTION_REASONS.map((r) => ({
            value: r,
            label: PLACEMENT_INTERRUPTION_REASON_LABELS[r],
          }))}
          error={change.fields.reason}
        />
      ) : (
        <TextField
          label="次のフォローアップ日"
          type="date"
          value={draft.followUpOn}
          onChange={(followUpOn) => setDraft({ ...draft, followUpOn })}
          error={change.fields.followUpOn}
        />
      )}
      <TextField
        label="メモ"
        value={draft.note}
        onChange={(note) => setDraft({ ...draft, note })}
        error={change.fields.note}
      />
      <button type="submit" disabled={change.busy}>
        状況を記録する
      </button>
    </form>
  );
}
