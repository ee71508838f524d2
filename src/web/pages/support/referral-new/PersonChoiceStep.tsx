import type { Ref } from "react";
import { birthLabel, personLabel } from "../../../support/components";
import { PersonStep } from "../../../support/PersonStep";
import type { Person } from "../../../types";

/** 1. 対象者: the person chosen so far, or the search and registration to choose one. */
export function PersonChoiceStep({
  headingRef,
  staff,
  person,
  error,
  onChosen,
  onNext,
  onChooseAgain,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  staff: boolean;
  person: Person | null;
  /** the server's message about the person, when sending failed because of it */
  error: string | undefined;
  onChosen: (p: Person) => void;
  onNext: () => void;
  onChooseAgain: () => void;
}) {
  return (
    <>
      <h2 ref={headingRef} tabIndex={-1}>
        1. 対象者
      </h2>
      {error ? <p className="field-error">{error}</p> : null}
      {person ? (
        <section className="notice" aria-label="選んだ対象者">
          <p>
            対象者: <strong>{personLabel(person)}</strong>（生年月日: {birthLabel(person.dateOfBirth)}）
          </p>
          <div className="support-actions">
            <button type="button" className="button" onClick={onNext}>
              この人で次へ
            </button>
            <button type="button" className="button secondary" onClick={onChooseAgain}>
              対象者を選び直す
            </button>
          </div>
        </section>
      ) : (
        <PersonStep staff={staff} onChosen={onChosen} />
      )}
    </>
  );
}
