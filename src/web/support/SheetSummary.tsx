import type { ReactNode } from "react";
import { consentDetail, consentLabel } from "./components";

/**
 * What a つなぐシート says, as its sender confirms it and its receiver reads it: 困りごと, 気づいたこと, 緊急度 and 本人同意,
 * followed by the rows each screen adds (`children`: who sends it where, by when).
 */
export function SheetSummary({
  sheet,
  urgency,
  children,
}: {
  sheet: {
    concerns: string[];
    /** null: the caller has no basis for the person (shown as withheld) */
    observed: string | null;
    consent: string;
    consentDate: string | null;
    consentMethod: string | null;
  };
  /** the urgency as the screen shows it (a word, or its badge) */
  urgency: ReactNode;
  children: ReactNode;
}) {
  return (
    <dl className="summary-list">
      <dt>困りごと</dt>
      <dd>{sheet.concerns.join("、")}</dd>
      <dt>気づいたこと</dt>
      <dd className="pre-wrap">{sheet.observed ?? "（本人の同意がないため表示しません）"}</dd>
      <dt>緊急度</dt>
      <dd>{urgency}</dd>
      <dt>本人同意</dt>
      <dd>
        {sheet.consent ? consentLabel(sheet.consent) : ""}
        {consentDetail(sheet.consentDate, sheet.consentMethod)}
      </dd>
      {children}
    </dl>
  );
}
