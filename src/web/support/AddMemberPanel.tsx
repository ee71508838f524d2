import { type ReactNode, useId } from "react";
import type { Person } from "../types";
import { PersonStep } from "./PersonStep";

/** The person step where a household member is added (case opening, case page): its hint and button texts. */
function MemberPersonStep({ onChosen }: { onChosen: (p: Person) => void }) {
  return (
    <>
      <p className="small">
        ふりがなか氏名で登録済みの人を探すか、新しく登録してください。登録すると、同じ人かもしれない記録が示されます。
      </p>
      <PersonStep
        staff
        onChosen={onChosen}
        labels={{
          choose: "世帯員に加える",
          takeExisting: "この人を世帯員に加える",
          register: "登録して世帯員に加える",
          linkReason: "世帯員の登録時の重複確認で同じ人と判断",
        }}
      />
    </>
  );
}

/**
 * 世帯員を加える (case opening, case page): a button that opens the person step, and the step with the way out.
 * `chosenForm`, once the page has a person to add, takes the step's place (e.g. the 続柄 to save with).
 */
export function AddMemberPanel({
  open,
  onOpen,
  onCancel,
  onChosen,
  resetKey,
  chosenForm,
  openButtonClassName = "button secondary",
}: {
  open: boolean;
  onOpen: () => void;
  onCancel: () => void;
  onChosen: (p: Person) => void;
  /** a new key starts the person step afresh (an empty search) */
  resetKey: number;
  chosenForm?: ReactNode;
  openButtonClassName?: string;
}) {
  const headingId = useId();
  if (!open) {
    return (
      <p>
        <button type="button" className={openButtonClassName} onClick={onOpen}>
          世帯員を加える
        </button>
      </p>
    );
  }
  return (
    <section className="add-member" aria-labelledby={headingId}>
      <h3 id={headingId}>世帯員を加える</h3>
      {chosenForm ?? (
        <>
          <MemberPersonStep key={resetKey} onChosen={onChosen} />
          <p>
            <button type="button" className="button secondary" onClick={onCancel}>
              世帯員の追加をやめる
            </button>
          </p>
        </>
      )}
    </section>
  );
}
