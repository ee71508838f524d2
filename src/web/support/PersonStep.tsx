import { useId, useState } from "react";
import type { DuplicateCandidate, Person } from "../types";
import { DuplicatePanel } from "./DuplicatePanel";
import { PersonSearchForm, SearchNotices, usePersonSearch } from "./PersonSearchForm";
import { PersonTable } from "./PersonTable";
import { RegisterPerson } from "./RegisterPerson";

/** The button texts of the person step where it is used outside the referral form (e.g. adding a household member). */
export interface PersonStepLabels {
  /** the button of a search result */
  choose?: string;
  /** the button of a likely duplicate */
  takeExisting?: string;
  /** the submit button of the registration */
  register?: string;
  /** the default reason when the new record is linked to the existing one */
  linkReason?: string;
}

/**
 * Choose a registered person (staff: those their agency may see; a provider: those it registered), found by reading
 * or name, or register one, with the likely duplicates offered.
 */
export function PersonStep({
  staff,
  onChosen,
  labels = {},
}: {
  staff: boolean;
  onChosen: (p: Person) => void;
  labels?: PersonStepLabels;
}) {
  const [registered, setRegistered] = useState<{ person: Person; candidates: DuplicateCandidate[] } | null>(null);
  if (registered) {
    return (
      <DuplicatePanel
        staff={staff}
        created={registered.person}
        candidates={registered.candidates}
        onChosen={onChosen}
        labels={labels}
      />
    );
  }
  return (
    <>
      <PersonSearch staff={staff} onChosen={onChosen} actionLabel={labels.choose} />
      <RegisterPerson
        staff={staff}
        submitLabel={labels.register}
        onRegistered={(person, candidates) =>
          candidates.length ? setRegistered({ person, candidates }) : onChosen(person)
        }
      />
    </>
  );
}

function PersonSearch({
  staff,
  onChosen,
  actionLabel,
}: {
  staff: boolean;
  onChosen: (p: Person) => void;
  actionLabel?: string | undefined;
}) {
  const search = usePersonSearch();
  const { result } = search;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{staff ? "登録済みの人から選ぶ" : "この事業所で登録した人から選ぶ"}</h3>
      <PersonSearchForm search={search} label={{ headingId }} />
      {result ? (
        <>
          {result.persons.length ? (
            <PersonTable
              persons={result.persons}
              caption="検索結果"
              actionLabel={actionLabel ?? "この人を選ぶ"}
              onAction={onChosen}
            />
          ) : (
            <p role="status">
              {staff ? "あなたの機関が把握している方の中に" : "この事業所で登録した方の中に"}
              、該当する人はいません。下の欄から新しく登録してください。
            </p>
          )}
          <SearchNotices result={result} />
        </>
      ) : null}
    </section>
  );
}
