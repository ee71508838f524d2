import { Link } from "@tanstack/react-router";
import type { ReactNode, Ref } from "react";
import { CONSENT_LABELS } from "../../domain/labels/support";
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
/** A person by name; null: the caller has no basis for the person (no consent covers its agency). */
export function personLabel(p: { nameKanji: string | null; nameKana: string | null } | null) {
  if (p === null) return "（本人の同意がないため表示しません）";
  if (p.nameKana === null) return "（氏名を表示できない世帯員）";
  return p.nameKanji ? `${p.nameKanji}（${p.nameKana}）` : p.nameKana;
}

export function birthLabel(dateOfBirth: string | null) {
  return dateOfBirth ? formatEraDate(dateOfBirth) : "不明";
}

/** The name of an agency a record names; one that is gone (or never known) is said to be unknown. */
export const agencyName = (agency: { name: string } | null | undefined) => agency?.name ?? "（不明な機関）";

/** Agencies as the options of a select. */
export const agencyOptions = (agencies: readonly { id: string; name: string }[]) =>
  agencies.map((a) => ({ value: a.id, label: a.name }));

/** The link to a case, with the phase it is in: ケースを開く（アセスメント）. */
export function CaseOpenLink({ found }: { found: { id: string; phaseLabel: string } }) {
  return (
    <Link to="/support/cases/$caseId" params={{ caseId: found.id }}>
      ケースを開く（{found.phaseLabel}）
    </Link>
  );
}

/** A person's name (the row's header, with what `children` add to it), reading and date of birth: cells of a row. */
export function PersonCells({
  person,
  children,
}: {
  person: { nameKanji: string | null; nameKana: string | null; dateOfBirth: string | null };
  children?: ReactNode;
}) {
  return (
    <>
      <th scope="row">
        {person.nameKanji ?? <span className="muted">（未登録）</span>}
        {children}
      </th>
      <td>{person.nameKana}</td>
      <td className="nowrap">{birthLabel(person.dateOfBirth)}</td>
    </>
  );
}

/** 本人同意 in words; a value the labels do not know is shown as it is. */
export const consentLabel = (consent: string) => (CONSENT_LABELS as Record<string, string>)[consent] ?? consent;

/** The day and the way consent was given, in brackets after its label: "（令和8年4月1日・書面）", or "". */
export function consentDetail(date: string | null, method: string | null) {
  const detail = [date ? formatEraDate(date) : "", method ?? ""].filter(Boolean).join("・");
  return detail ? `（${detail}）` : "";
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

/** Numbered steps with the current one marked (aria-current="step"): a form's steps, a case's phases. */
export function StepList<K extends string>({
  label,
  steps,
  current,
}: {
  label: string;
  steps: readonly { key: K; text: ReactNode }[];
  current: K;
}) {
  return (
    <ol className="steps" aria-label={label}>
      {steps.map((s) => (
        <li
          key={s.key}
          aria-current={s.key === current ? "step" : undefined}
          className={s.key === current ? "current" : undefined}
        >
          {s.text}
        </li>
      ))}
    </ol>
  );
}

/**
 * The messages of a form's checks listed above it (入力内容を確かめてください). With `ref` the list can take the focus,
 * for a form that sends it there when its submit is refused.
 */
export function InputProblems({ messages, ref }: { messages: [string, string][]; ref?: Ref<HTMLDivElement> }) {
  if (!messages.length) return null;
  return (
    <div className="alert" role="alert" tabIndex={ref ? -1 : undefined} ref={ref}>
      <p className="alert-title">入力内容を確かめてください</p>
      <ul>
        {messages.map(([k, v]) => (
          <li key={k}>{v}</li>
        ))}
      </ul>
    </div>
  );
}
