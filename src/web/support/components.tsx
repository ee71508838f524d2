import { type ReactNode, useId } from "react";
import { formatEraDate } from "../format";
import type { Person, ReferralStatus } from "../types";

export function ReferralStatusBadge({ status, label }: { status: ReferralStatus | string; label: string }) {
  return <span className={`status referral-${status}`}>{label}</span>;
}

export function OverdueBadge() {
  return <span className="badge overdue">期限超過</span>;
}

export function UrgencyBadge({ urgency }: { urgency: string }) {
  return (
    <span className={`badge urgency-${urgency === "高" ? "high" : urgency === "中" ? "mid" : "low"}`}>{urgency}</span>
  );
}

/**
 * "架空 花子（カクウ ハナコ）" — the kana alone when there is no kanji name. A household member the caller has no
 * basis for comes without a name (nameKana null): it is named as such.
 */
export function personLabel(p: { nameKanji: string | null; nameKana: string | null }) {
  if (p.nameKana === null) return "（氏名を表示できない世帯員）";
  return p.nameKanji ? `${p.nameKanji}（${p.nameKana}）` : p.nameKana;
}

export function birthLabel(dateOfBirth: string | null) {
  return dateOfBirth ? formatEraDate(dateOfBirth) : "不明";
}

/** The fields of a person record as a description list. */
export function PersonDetails({ person }: { person: Person }) {
  return (
    <dl className="summary-list">
      <dt>氏名</dt>
      <dd>{person.nameKanji ?? <span className="muted">（未登録）</span>}</dd>
      <dt>ふりがな</dt>
      <dd>{person.nameKana}</dd>
      <dt>生年月日</dt>
      <dd>{birthLabel(person.dateOfBirth)}</dd>
      <dt>住所</dt>
      <dd>{person.address ?? <span className="muted">（未登録）</span>}</dd>
      <dt>電話番号</dt>
      <dd>{person.phone ?? <span className="muted">（未登録）</span>}</dd>
    </dl>
  );
}

/** Radio buttons in a fieldset with its legend, hint and one error message. */
export function RadioGroup(props: {
  legend: ReactNode;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={props.error ? true : undefined}>
      <legend>
        {props.legend}
        {props.required ? <span className="required">必須</span> : null}
      </legend>
      {props.hint ? (
        <span id={hintId} className="hint">
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      ) : null}
      <div className="choices-inline">
        {props.options.map((o) => (
          <div className="choice" key={o.value}>
            <input
              id={`${id}-${o.value}`}
              type="radio"
              name={props.name}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
