import { type ReactNode, useId } from "react";

export interface BaseProps {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

/** ids for the hint and the error message, joined for aria-describedby */
export function useDescribedBy(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { id, hintId, errorId, describedBy };
}

/** A field's label text, marked 必須 when required. */
export function LabelText({ label, required }: { label: ReactNode; required?: boolean }) {
  return (
    <>
      {label}
      {required ? <span className="required">必須</span> : null}
    </>
  );
}

/** The hint and the error message under a label, with the ids the control's aria-describedby names. */
export function Messages({
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

/** What a field's control carries: its id (the label's target) and what assistive technology reads with it. */
interface ControlProps {
  id: string;
  "aria-required": true | undefined;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** The label, the hint and the error of one field around its control. */
export function Field({ field, control }: { field: BaseProps; control: (props: ControlProps) => ReactNode }) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(field.hint, field.error);
  return (
    <div className={field.className ? `field ${field.className}` : "field"}>
      <label htmlFor={id}>
        <LabelText label={field.label} required={field.required} />
      </label>
      <Messages hint={field.hint} hintId={hintId} error={field.error} errorId={errorId} />
      {control({
        id,
        "aria-required": field.required || undefined,
        "aria-invalid": field.error ? true : undefined,
        "aria-describedby": describedBy,
      })}
    </div>
  );
}

export function TextField(
  props: BaseProps & {
    value: string;
    onChange: (value: string) => void;
    type?: "text" | "password" | "date" | "number" | "email";
    autoComplete?: string;
    /** the keyboard a phone offers (numeric for a one-time code) */
    inputMode?: "numeric" | "text";
    inputClassName?: string;
    name?: string;
    readOnly?: boolean;
  },
) {
  return (
    <Field
      field={props}
      control={(control) => (
        <input
          {...control}
          name={props.name}
          type={props.type ?? "text"}
          className={props.inputClassName}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          readOnly={props.readOnly}
        />
      )}
    />
  );
}

export function TextAreaField(
  props: BaseProps & { value: string; onChange: (value: string) => void; rows?: number; name?: string },
) {
  return (
    <Field
      field={props}
      control={(control) => (
        <textarea
          {...control}
          name={props.name}
          rows={props.rows ?? 4}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    />
  );
}

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

/** The first option of a choice that starts unmade (its value is empty, so a required field reports it). */
const CHOOSE: Option<""> = { value: "", label: "選んでください" };

/** A choice among options; the value it gives is one of theirs (or "" with `choose`). */
export function SelectField<V extends string = string>(
  props: BaseProps & {
    value: V;
    onChange: (value: V) => void;
    options: readonly Option<V>[];
    /** offer 「選んでください」 before the options */
    choose?: "" extends V ? boolean : never;
    name?: string;
  },
) {
  const options: readonly Option<V | "">[] = props.choose ? [CHOOSE, ...props.options] : props.options;
  return (
    <Field
      field={props}
      control={(control) => (
        <select
          {...control}
          name={props.name}
          value={props.value}
          // the browser gives back the value of one of the options rendered below
          onChange={(e) => props.onChange(e.target.value as V)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
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

/** Radio buttons in a fieldset with its legend, hint and one error message. */
export function RadioGroup(props: {
  legend: ReactNode;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean | undefined;
}) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(props.hint, props.error);
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={props.error ? true : undefined}>
      <legend>
        <LabelText label={props.legend} required={props.required} />
      </legend>
      <Messages hint={props.hint} hintId={hintId} error={props.error} errorId={errorId} />
      <div className="choices-inline">
        {props.options.map((o) => (
          <div className="choice" key={o.value}>
            <input
              id={`${id}-${o.value}`}
              type="radio"
              name={props.name}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
