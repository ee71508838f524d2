import { type FormEvent, useEffect, useState } from "react";
import { parseJapaneseDate } from "../../../domain/japanese-date";
import { AUDIT_ACTION_KIND_LABELS, AUDIT_ENTITY_TYPE_LABELS, type AuditEntityType } from "../../../domain/labels/audit";
import { SelectField, TextField } from "../../components/FormField";
import { formatDateTime, formatEraDate } from "../../format";
import { useDraft } from "../../forms/useDraft";
import type { AuditActionKind, AuditFilter, UserAccount } from "../../types";

/** A filter's option: the kind in the trail's words, and what else choosing it finds. */
const option = <K extends string>(labels: Record<K, string>, value: K, covers?: string) => ({
  value,
  label: covers ? `${labels[value]}（${covers}）` : labels[value],
});

/** What a record can be about (the stored entity type), in the order people ask about them. */
export const TARGET_TYPES = (
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

/** The form's values: the filter in the URL, with "" for what it leaves open. */
const draftOf = (f: AuditFilter) => ({
  entityType: f.entityType ?? "",
  entityId: f.entityId ?? "",
  actorUserId: f.actorUserId ?? "",
  from: f.from ?? "",
  to: f.to ?? "",
  action: f.action ?? ("" as const),
});

/**
 * The filters of the audit trail. The form follows the URL (back / forward, a link with filters) and sends what it
 * holds as the next search; a name typed as the target's id is refused before it could travel in the URL.
 */
export function AuditFilterForm({
  search,
  errors,
  users,
  onSearch,
}: {
  search: AuditFilter;
  /** the server's messages for the filters */
  errors: Record<string, string>;
  users: readonly UserAccount[];
  onSearch: (next: AuditFilter) => void;
}) {
  const { values, setValues, fields } = useDraft(() => draftOf(search));
  const [idError, setIdError] = useState<string | undefined>(undefined);
  useEffect(() => setValues(draftOf(search)), [search, setValues]);
  const field = fields(idError ? { ...errors, entityId: idError } : errors);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // a name typed here must not travel in the URL (and into logs): only ids are sent
    const entityId = values.entityId.trim();
    if (entityId && !ID_PATTERN.test(entityId)) {
      setIdError("対象のIDは英数字で入力してください（氏名などでは検索できません）");
      return;
    }
    setIdError(undefined);
    onSearch({
      entityType: values.entityType || undefined,
      entityId: entityId || undefined,
      actorUserId: values.actorUserId || undefined,
      from: normalizeDay(values.from),
      to: normalizeDay(values.to),
      action: values.action || undefined,
    });
  };

  return (
    <form onSubmit={submit} noValidate className="filters" aria-label="監査ログの絞り込み">
      <SelectField
        label="対象の種類"
        options={[{ value: "", label: "指定しない" }, ...TARGET_TYPES]}
        {...field("entityType")}
      />
      <TextField
        label="対象のID"
        hint="つなぐシートなどのID（氏名では検索できません）"
        {...field("entityId")}
        autoComplete="off"
      />
      <SelectField
        label="操作した人"
        options={[{ value: "", label: "指定しない" }, ...users.map((u) => ({ value: u.id, label: actorLabel(u) }))]}
        {...field("actorUserId")}
      />
      <TextField label="開始日" hint={dayHint(values.from)} {...field("from")} />
      <TextField label="終了日" hint={dayHint(values.to)} {...field("to")} />
      <SelectField
        label="操作の種類"
        options={[{ value: "", label: "すべて" }, ...ACTION_KINDS]}
        {...field("action")}
      />
      <div className="field">
        <button type="submit" className="button">
          検索
        </button>
      </div>
    </form>
  );
}

/** An account as the filter and the printed conditions name it: 表示名（ログインID）. */
export const actorLabel = (u: UserAccount) => `${u.displayName}（${u.loginId}）`;

/** The filter in words, for the printed page. */
export function describeFilter(f: AuditFilter, actorName: Map<string, string>) {
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
export const FILTERABLE = new Set(TARGET_TYPES.map((t) => t.value));
