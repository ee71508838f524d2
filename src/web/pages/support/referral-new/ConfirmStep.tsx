import type { Ref } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { formatEraDate } from "../../../format";
import type { Submit } from "../../../forms/useSubmit";
import { PersonDetails } from "../../../support/components";
import { SheetSummary } from "../../../support/SheetSummary";
import type { Person } from "../../../types";
import type { SheetDraft } from "./SheetFields";

/** 3. 確認・送付: the person and the sheet as they will be sent. */
export function ConfirmStep({
  headingRef,
  person,
  sheet,
  destinationLabel,
  sending,
  onBack,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  person: Person;
  sheet: SheetDraft;
  destinationLabel: string;
  /** sends the sheet about the person; its failure is shown here */
  sending: Submit<Person, unknown>;
  onBack: () => void;
}) {
  return (
    <section aria-labelledby="confirm-heading">
      <h2 id="confirm-heading" ref={headingRef} tabIndex={-1}>
        3. 確認・送付
      </h2>
      <p>次の内容で送付します。送付すると、送付先と多機関協働の調整役が内容を見られるようになります。</p>
      <ErrorAlert error={sending.error} title="送付できませんでした" />
      <h3>対象者</h3>
      <PersonDetails person={person} />
      <h3>内容</h3>
      <SheetSummary sheet={sheet} urgency={sheet.urgency}>
        <dt>対応期限</dt>
        <dd>{sheet.dueDate ? formatEraDate(sheet.dueDate) : "なし"}</dd>
        <dt>送付先</dt>
        <dd>{destinationLabel}</dd>
      </SheetSummary>
      <div className="support-actions">
        <button type="button" className="button secondary" onClick={onBack}>
          修正する
        </button>
        <button type="button" className="button" disabled={sending.busy} onClick={() => void sending.run(person)}>
          この内容で送付
        </button>
      </div>
    </section>
  );
}
