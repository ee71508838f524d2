import { useEffect, useRef, useState } from "react";
import { api } from "../api";
import { ErrorAlert } from "../components/ErrorAlert";
import { Checkbox, TextField } from "../components/FormField";
import { useSubmit } from "../forms/useSubmit";
import type { DuplicateCandidate, LinkPersonsInput, Person } from "../types";
import { birthLabel, personLabel } from "./components";
import { OthersMatchNotice, useCoordinators } from "./PersonSearchForm";
import type { PersonStepLabels } from "./PersonStep";
import { PersonTable } from "./PersonTable";

/**
 * The records that may be the same person as the one just registered. Staff may take an existing record instead
 * (and link the new one to it: records are never merged); a provider only learns that similar records exist.
 */
export function DuplicatePanel({
  staff,
  created,
  candidates,
  onChosen,
  labels,
}: {
  staff: boolean;
  created: Person;
  candidates: DuplicateCandidate[];
  onChosen: (p: Person) => void;
  labels: PersonStepLabels;
}) {
  const [link, setLink] = useState(true);
  const [reason, setReason] = useState(labels.linkReason ?? "つなぐシート作成時の重複確認で同じ人と判断");
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const known = candidates.filter((c): c is DuplicateCandidate & { person: Person } => "person" in c);
  const coordinators = useCoordinators();

  // the new record is linked to the existing one (records are never merged), then the existing one is taken
  const linkTo = useSubmit({
    send: (existing: Person) =>
      api(`/api/persons/${encodeURIComponent(existing.id)}/links`, {
        method: "POST",
        body: { otherPersonId: created.id, reason } satisfies LinkPersonsInput,
      }),
    onDone: (_result, existing) => onChosen(existing),
  });
  const { error, busy } = linkTo;
  const takeExisting = (existing: Person) => {
    if (link) void linkTo.run(existing);
    else {
      linkTo.clear();
      onChosen(existing);
    }
  };

  return (
    <section aria-labelledby="duplicates-heading" className="notice warning">
      <h3 id="duplicates-heading" ref={headingRef} tabIndex={-1}>
        似ている人が既に登録されています
      </h3>
      <p>
        登録した「{personLabel(created)}」（生年月日: {birthLabel(created.dateOfBirth)}
        ）と同じ人かもしれない記録が{candidates.length}件あります。
      </p>
      {staff && known.length ? (
        <>
          <p>同じ人であれば、既存の記録を選んでください。</p>
          <PersonTable
            persons={known.map((c) => c.person)}
            caption="似ている記録"
            actionLabel={labels.takeExisting ?? "この人を対象者にする"}
            onAction={takeExisting}
            reasons={new Map(known.map((c) => [c.person.id, c.reasons]))}
          />
          <Checkbox
            label="今登録した記録を、選んだ人と同じ人として関連付ける（記録は統合されません）"
            checked={link}
            onChange={setLink}
          />
          {link ? (
            <TextField
              label="関連付けの理由"
              value={reason}
              onChange={setReason}
              inputClassName="wide"
              error={linkTo.fields.reason}
            />
          ) : null}
          <ErrorAlert error={error} title="関連付けできませんでした" />
          {known.length < candidates.length ? <OthersMatchNotice coordinators={coordinators} /> : null}
        </>
      ) : staff ? (
        <>
          <p>似ている点: {[...new Set(candidates.flatMap((c) => c.reasons))].join("、")}</p>
          <OthersMatchNotice coordinators={coordinators} />
        </>
      ) : (
        <>
          <p>似ている点: {[...new Set(candidates.flatMap((c) => c.reasons))].join("、")}</p>
          <p className="small">
            登録事業者には、誰の記録かは表示されません。送付先の支援機関で同じ人かどうかを確かめます。
          </p>
        </>
      )}
      <div className="support-actions">
        <button type="button" className="button" disabled={busy} onClick={() => onChosen(created)}>
          今登録した記録で進む
        </button>
      </div>
    </section>
  );
}
