import type { ReactNode } from "react";
import { TextField } from "../../components/FormField";

/**
 * A fieldset of rows the user adds and removes in place (the plan's levels, its grades, its constituent plans). Rows
 * have no identity of their own: they are known by their position.
 */
export function RepeatList<T>({
  legend,
  hint,
  error,
  rows,
  onChange,
  newRow,
  addLabel,
  removeLabel,
  minRows = 0,
  hideWhenEmpty = false,
  children,
}: {
  legend: string;
  hint: string;
  error?: string | undefined;
  rows: T[];
  onChange: (rows: T[]) => void;
  newRow: () => T;
  addLabel: string;
  removeLabel: (index: number) => ReactNode;
  /** the remove buttons are disabled at this many rows */
  minRows?: number;
  hideWhenEmpty?: boolean;
  /** the inputs of one row; `set` replaces the row */
  children: (row: T, index: number, set: (next: T) => void) => ReactNode;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <span className="hint">{hint}</span>
      {error ? <span className="field-error">{error}</span> : null}
      {rows.length || !hideWhenEmpty ? (
        <ol className="repeat-list">
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
            <li key={i}>
              {children(row, i, (next) => onChange(rows.map((x, j) => (j === i ? next : x))))}
              <button
                type="button"
                className="button secondary small"
                disabled={minRows > 0 ? rows.length <= minRows : undefined}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                {removeLabel(i)}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <button type="button" className="button secondary small" onClick={() => onChange([...rows, newRow()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}

/** A row of a short code and its text (記号 and 説明 of a grade, 記号 and 計画名 of a constituent plan). */
export function CodeAndText<K extends string>({
  row,
  textKey,
  codeLabel,
  textLabel,
  onChange,
  errorOf,
}: {
  row: { code: string } & Record<K, string>;
  textKey: K;
  codeLabel: string;
  textLabel: string;
  onChange: (next: { code: string } & Record<K, string>) => void;
  /** the message of "code" or textKey in this row */
  errorOf: (field: string) => string | undefined;
}) {
  return (
    <>
      <TextField
        label={codeLabel}
        inputClassName="short"
        value={row.code}
        onChange={(v) => onChange({ ...row, code: v })}
        error={errorOf("code")}
      />
      <TextField
        label={textLabel}
        inputClassName="wide"
        value={row[textKey]}
        onChange={(v) => onChange({ ...row, [textKey]: v })}
        error={errorOf(textKey)}
      />
    </>
  );
}
