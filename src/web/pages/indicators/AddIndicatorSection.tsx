import { useRef, useState } from "react";
import { AddIndicatorForm } from "../../components/AddIndicatorForm";

/** 指標を追加 (plan office): the button, the form it opens, and what was added; focus returns to the button. */
export function AddIndicatorSection({ planId }: { planId: string }) {
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="add-indicator-title" className="no-print">
      <h2 id="add-indicator-title" className="visually-hidden">
        指標の追加
      </h2>
      <div aria-live="polite">{added ? <p className="notice success">{added}</p> : null}</div>
      {adding ? (
        <AddIndicatorForm
          planId={planId}
          onCancel={() => {
            setAdding(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
          onCreated={(name) => {
            setAdded(`指標「${name}」を追加しました。`);
            setAdding(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      ) : (
        <p>
          <button
            type="button"
            ref={addButton}
            className="button secondary"
            onClick={() => {
              setAdded(null);
              setAdding(true);
            }}
          >
            指標を追加
          </button>
        </p>
      )}
    </section>
  );
}
