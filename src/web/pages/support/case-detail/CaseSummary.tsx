import type { ReactNode } from "react";
import { DISCLOSURE_KIND_LABELS, disclosureKind } from "../../../../domain/labels/support";
import { formatEraDate } from "../../../format";
import type { CaseDetail } from "../../../types";

/** The consent a disclosure names (consent:<id>), in words: 「本人の同意に基づく（令和7年6月10日・書面）」. */
function basisWords(c: CaseDetail): string {
  const kind = disclosureKind(c.disclosure);
  if (!kind) return "本人の同意がこの機関に及んでいません（ケースの存在・主担当・段階だけ）";
  const words = DISCLOSURE_KIND_LABELS[kind];
  if (kind !== "consent") return words;
  const id = c.disclosure?.slice("consent:".length);
  const consent = c.consents.find((k) => k.id === id);
  if (!consent) return words;
  const when = consent.givenOn ? formatEraDate(consent.givenOn) : "日付の記録なし";
  return `${words}（${when}・${consent.methodLabel}）`;
}

/**
 * The current state of a case, before any tab: where it stands, on what basis the caller sees it, who leads and
 * who is on the team. What other parts of the page add to this line (the next review, open tasks) comes as items.
 */
export function CaseSummary({ c, items = [] }: { c: CaseDetail; items?: { term: string; value: ReactNode }[] }) {
  const rows: { term: string; value: ReactNode }[] = [
    { term: "段階", value: <span className={`status phase-${c.phase}`}>{c.phaseLabel}</span> },
    { term: "閲覧の根拠", value: basisWords(c) },
    ...(c.household ? [{ term: "本人同意", value: c.consentLabel }] : []),
    { term: "主担当機関", value: c.leadAgency.name },
    { term: "チーム", value: `${c.team.length}機関（${c.team.map((t) => t.agency.name).join("、")}）` },
    ...(c.issues.length ? [{ term: "課題", value: c.issues.join("、") }] : []),
    ...items,
  ];
  return (
    <section aria-labelledby="case-now-heading" className="case-now">
      <h2 id="case-now-heading">現在の状況</h2>
      <dl className="summary-list case-now-list">
        {rows.map((r) => (
          <div key={r.term}>
            <dt>{r.term}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
