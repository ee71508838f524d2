import { type ReactNode, useId } from "react";

interface BaseProps {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

/** ids for the hint and the error message, joined for aria-describedby */
function useDescribedBy(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { id, hintId, errorId, describedBy };
}

function LabelText({ label, required }: { label: ReactNode; required?: boolean }) {
  return (
    <>
      {label}
      {required ? <span className="required">必須</span> : null}
    </>
  );
}

function Messages({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint: ReactNode;
  hintId: string;
  error?: string;
  errorId: string;
}) {
  return (
    <>
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </>
  );
}

export function TextField(
  props: BaseProps & {
    value: string;
    onChange: (value: string) => void;
    type?: "text" | "password" | "date" | "number";
    autoComplete?: string;
    inputClassName?: string;
    name?: string;
    readOnly?: boolean;
  },
) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(props.hint, props.error);
  return (
    <div className={`field ${props.className ?? ""}`}>
      <label htmlFor={id}>
        <LabelText label={props.label} required={props.required} />
      </label>
      <Messages hint={props.hint} hintId={hintId} error={props.error} errorId={errorId} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        className={props.inputClassName}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete}
        readOnly={props.readOnly}
        aria-required={props.required || undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function TextAreaField(
  props: BaseProps & { value: string; onChange: (value: string) => void; rows?: number; name?: string },
) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(props.hint, props.error);
  return (
    <div className={`field ${props.className ?? ""}`}>
      <label htmlFor={id}>
        <LabelText label={props.label} required={props.required} />
      </label>
      <Messages hint={props.hint} hintId={hintId} error={props.error} errorId={errorId} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-required={props.required || undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: BaseProps & { value: string; onChange: (value: string) => void; options: Option[]; name?: string },
) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(props.hint, props.error);
  return (
    <div className={`field ${props.className ?? ""}`}>
      <label htmlFor={id}>
        <LabelText label={props.label} required={props.required} />
      </label>
      <Messages hint={props.hint} hintId={hintId} error={props.error} errorId={errorId} />
      <select
        id={id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-required={props.required || undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox(props: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
}) {
  const id = useId();
  return (
    <div className="choice">
      <input
        id={id}
        type="checkbox"
        name={props.name}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

/** A group of checkboxes (e.g. 担当課) in a fieldset with its legend and one error message. */
export function CheckboxGroup(props: {
  legend: ReactNode;
  options: Option[];
  values: string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  const { hintId, errorId, describedBy } = useDescribedBy(props.hint, props.error);
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={props.error ? true : undefined}>
      <legend>{props.legend}</legend>
      <Messages hint={props.hint} hintId={hintId} error={props.error} errorId={errorId} />
      <div className="choices-inline">
        {props.options.map((o) => (
          <Checkbox
            key={o.value}
            label={o.label}
            checked={props.values.includes(o.value)}
            onChange={(on) =>
              props.onChange(on ? [...props.values, o.value] : props.values.filter((v) => v !== o.value))
            }
          />
        ))}
      </div>
    </fieldset>
  );
}
