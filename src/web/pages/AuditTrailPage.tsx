import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { parseJapaneseDate } from "../../domain/japanese-date";
import { AUDIT_ACTION_KIND_LABELS, AUDIT_ENTITY_TYPE_LABELS, type AuditEntityType } from "../../domain/labels/audit";
import { can } from "../access";
import { ApiError } from "../api";
import { ErrorAlert, fieldErrorMap } from "../components/ErrorAlert";
import { SelectField, TextField } from "../components/FormField";
import { RowAction } from "../components/RowAction";
import { Loading, QueryError } from "../components/Status";
import { usePageTitle } from "../components/usePageTitle";
import { formatDateTime, formatEraDate } from "../format";
import { useAuditEntries, useSession, useUserAccounts } from "../queries";
import type { AuditActionKind, AuditEntry, AuditFilter } from "../types";

const route = getRouteApi("/audit");

/** A filter's option: the kind in the trail's words, and what else choosing it finds. */
const option = <K extends string>(labels: Record<K, string>, value: K, covers?: string) => ({
  value,
  label: covers ? `${labels[value]}（${covers}）` : labels[value],
});

/** What a record can be about (the stored entity type), in the order people ask about them. */
const TARGET_TYPES = (
  [
    ["referral"],
    ["person"],
    ["case", "支援経過・アセスメント・世帯を含む"],
    ["household"],
    ["user"],
    ["agency"],
    ["plan"],
    ["plan_item"],
    ["evaluation_sheet"],
    ["indicator"],
    ["plan_revision"],
    ["department"],
    ["audit_log", "照会の記録"],
  ] as const satisfies readonly (readonly [AuditEntityType, string?])[]
).map(([value, covers]) => option<string>(AUDIT_ENTITY_TYPE_LABELS, value, covers));

const ACTION_KINDS = (
  [
    ["read"],
    ["change", "作成・更新・削除など"],
    ["denied", "権限なし"],
    ["login"],
  ] as const satisfies readonly (readonly [AuditActionKind, string?])[]
).map(([value, covers]) => option(AUDIT_ACTION_KIND_LABELS, value, covers));

/** the ids the server accepts (the same rule as its query schema) */
const ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z_.:-]{0,99}$/;

/** The typed date as an ISO day when it reads as one; otherwise as typed (the server then names the field). */
const normalizeDay = (text: string) => {
  const t = text.trim();
  return t ? (parseJapaneseDate(t) ?? t) : undefined;
};

/** "令和7年4月1日として検索します" under a date field, or why it cannot be read. */
function dayHint(text: string) {
  if (!text.trim()) return "令和7年4月1日・R7.4.1・2025/4/1 のように入力できます";
  const iso = parseJapaneseDate(text);
  return iso ? `${formatEraDate(iso)}（${iso}）として検索します` : "日付として読み取れません";
}

export function AuditTrailPage() {
  usePageTitle("監査ログ");
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const session = useSession();
  // the screen is opened only by those the access table lets read the trail (each its own side)
  const allowed = can(session.data, "GET /api/audit/entries");
  const users = useUserAccounts();
  const entries = useAuditEntries(search, allowed);

  const [entityType, setEntityType] = useState(search.entityType ?? "");
  const [entityId, setEntityId] = useState(search.entityId ?? "");
  const [actorUserId, setActorUserId] = useState(search.actorUserId ?? "");
  const [from, setFrom] = useState(search.from ?? "");
  const [to, setTo] = useState(search.to ?? "");
  const [action, setAction] = useState<string>(search.action ?? "");

  // the form follows the URL (back / forward, a link with filters)
  useEffect(() => {
    setEntityType(search.entityType ?? "");
    setEntityId(search.entityId ?? "");
    setActorUserId(search.actorUserId ?? "");
    setFrom(search.from ?? "");
    setTo(search.to ?? "");
    setAction(search.action ?? "");
  }, [search]);

  const [idError, setIdError] = useState<string | undefined>(undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // a name typed here must not travel in the URL (and into logs): only ids are sent
    if (entityId.trim() && !ID_PATTERN.test(entityId.trim())) {
      setIdError("対象のIDは英数字で入力してください（氏名などでは検索できません）");
      return;
    }
    setIdError(undefined);
    const next: AuditFilter = {
      entityType: entityType || undefined,
      entityId: entityId.trim() || undefined,
      actorUserId: actorUserId || undefined,
      from: normalizeDay(from),
      to: normalizeDay(to),
      action: (action || undefined) as AuditActionKind | undefined,
    };
    void navigate({ search: next });
  };

  const fields = fieldErrorMap(entries.error);
  const rows = entries.data?.pages.flatMap((p) => p.entries) ?? [];
  const actorName = new Map((users.data ?? []).map((u) => [u.id, `${u.displayName}（${u.loginId}）`]));

  return (
    <>
      <style>{"@media print { @page { size: A4 landscape; margin: 12mm; } }"}</style>
      <h1>監査ログ</h1>
      <p className="lead no-print">
        だれが・いつ・どこから・何を見たか（変更したか）を調べます。対象（つなぐシートなど）・操作した人・期間・操作の種類で絞り込めます。この画面での照会も記録されます。
      </p>
      <form onSubmit={submit} noValidate className="filters" aria-label="監査ログの絞り込み">
        <SelectField
          label="対象の種類"
          value={entityType}
          onChange={setEntityType}
          error={fields.entityType}
          options={[{ value: "", label: "指定しない" }, ...TARGET_TYPES]}
        />
        <TextField
          label="対象のID"
          hint="つなぐシートなどのID（氏名では検索できません）"
          value={entityId}
          onChange={setEntityId}
          error={idError ?? fields.entityId}
          autoComplete="off"
        />
        <SelectField
          label="操作した人"
          value={actorUserId}
          onChange={setActorUserId}
          error={fields.actorUserId}
          options={[
            { value: "", label: "指定しない" },
            ...(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.loginId}）` })),
          ]}
        />
        <TextField label="開始日" hint={dayHint(from)} value={from} onChange={setFrom} error={fields.from} />
        <TextField label="終了日" hint={dayHint(to)} value={to} onChange={setTo} error={fields.to} />
        <SelectField
          label="操作の種類"
          value={action}
          onChange={setAction}
          error={fields.action}
          options={[{ value: "", label: "すべて" }, ...ACTION_KINDS]}
        />
        <div className="field">
          <button type="submit" className="button">
            検索
          </button>
        </div>
      </form>
      <p className="print-only">条件: {describeFilter(search, actorName)}</p>
      {entries.isPending && entries.fetchStatus !== "idle" ? <Loading /> : null}
      {entries.error ? (
        entries.error instanceof ApiError && entries.error.status === 400 ? (
          <ErrorAlert error={entries.error} title="検索の条件を確かめてください" />
        ) : (
          <QueryError error={entries.error} />
        )
      ) : null}
      {entries.data ? (
        <section aria-labelledby="audit-result-title">
          <div className="page-actions no-print">
            <button type="button" className="button secondary" onClick={() => window.print()}>
              印刷（A4横）
            </button>
          </div>
          <h2 id="audit-result-title" aria-live="polite">
            記録 {rows.length}件{entries.hasNextPage ? "（さらに古い記録があります）" : ""}
          </h2>
          {rows.length === 0 ? (
            <p>条件に合う記録はありません。</p>
          ) : (
            <AuditTable
              rows={rows}
              onTarget={(entityType, entityId) => void navigate({ search: { entityType, entityId } })}
            />
          )}
          {entries.hasNextPage ? (
            <div className="page-actions no-print">
              <button
                type="button"
                className="button secondary"
                disabled={entries.isFetchingNextPage}
                onClick={() => void entries.fetchNextPage()}
              >
                {entries.isFetchingNextPage ? "読み込んでいます…" : "さらに古い記録を読み込む"}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function describeFilter(f: AuditFilter, actorName: Map<string, string>) {
  const parts: string[] = [];
  if (f.entityType) {
    const type = TARGET_TYPES.find((t) => t.value === f.entityType)?.label ?? f.entityType;
    parts.push(`対象 ${type}${f.entityId ? ` #${f.entityId.slice(0, 8)}` : ""}`);
  }
  if (f.actorUserId) parts.push(`操作した人 ${actorName.get(f.actorUserId) ?? f.actorUserId}`);
  if (f.from || f.to) {
    const day = (v: string | undefined) => (v ? formatEraDate(parseJapaneseDate(v) ?? v) : "");
    parts.push(`期間 ${day(f.from)}～${day(f.to)}`);
  }
  if (f.action) parts.push(`操作 ${AUDIT_ACTION_KIND_LABELS[f.action]}`);
  return `${parts.join("、") || "指定なし"}（${formatDateTime(new Date().toISOString())} 印刷）`;
}

/** Kinds of target the filter offers: a row about one of them links to all records about it. */
const FILTERABLE = new Set(TARGET_TYPES.map((t) => t.value));

function AuditTable({
  rows,
  onTarget,
}: {
  rows: AuditEntry[];
  onTarget: (entityType: string, entityId: string) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="data audit-table">
        <caption className="visually-hidden">監査ログの記録（新しい順）</caption>
        <thead>
          <tr>
            <th scope="col">日時</th>
            <th scope="col">操作した人</th>
            <th scope="col">所属機関</th>
            <th scope="col">操作</th>
            <th scope="col">対象</th>
            <th scope="col">根拠</th>
            <th scope="col">接続元（IP）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.seq}>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <th scope="row">
                {e.actor.displayName ?? e.actor.loginId}
                {e.actor.displayName ? <span className="small muted">（{e.actor.loginId}）</span> : null}
              </th>
              <td>
                {e.agency ? (e.agency.name ?? e.agency.id) : "－"}
                {e.agency && !e.agency.asRecorded ? <span className="small muted">（現在の所属）</span> : null}
              </td>
              <td className="nowrap">
                <span className={`status audit-${e.kind}`}>{AUDIT_ACTION_KIND_LABELS[e.kind]}</span> {e.actionLabel}
              </td>
              <td>
                {e.target.label}
                {e.target.id && FILTERABLE.has(e.target.type) ? (
                  <>
                    {" "}
                    <RowAction
                      look="link"
                      className="small no-print"
                      of={e.target.label}
                      onClick={() => onTarget(e.target.type, e.target.id as string)}
                    >
                      この対象の記録
                    </RowAction>
                  </>
                ) : null}
              </td>
              <td>{e.basisLabel ?? "－"}</td>
              <td className="nowrap">{e.ip ?? "－"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
