import { type FormEvent, useState } from "react";
import { ErrorAlert, fieldErrorMap } from "../components/ErrorAlert";
import { TextField } from "../components/FormField";
import { searchPersons } from "./queries";
import type { Person } from "./types";

/** A search of persons by the beginning of their reading: what was typed, the answer and the error. */
export function useKanaSearch() {
  const [kana, setKana] = useState("");
  const [result, setResult] = useState<Person[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await searchPersons(kana));
    } catch (err) {
      setError(err);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  return { kana, setKana, result, error, busy, run };
}
export type KanaSearch = ReturnType<typeof useKanaSearch>;

/** The reading field and its button; an error that is not about the field is shown under the form. */
export function KanaSearchForm({
  search,
  label,
  primary = false,
  onSearch,
}: {
  search: KanaSearch;
  /** the form's name for assistive technology: a text, or the id of the heading that names it */
  label: { text: string } | { headingId: string };
  primary?: boolean;
  /** runs before the search (e.g. clearing a selection) */
  onSearch?: () => void;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch?.();
    void search.run();
  };
  const fieldError = fieldErrorMap(search.error).kana;
  return (
    <>
      <form
        onSubmit={submit}
        noValidate
        className="filters"
        {...("text" in label ? { "aria-label": label.text } : { "aria-labelledby": label.headingId })}
      >
        <TextField
          label="ふりがな（先頭から）"
          value={search.kana}
          onChange={search.setKana}
          autoComplete="off"
          error={fieldError}
        />
        <div className="field">
          <button type="submit" className={primary ? "button" : "button secondary"} disabled={search.busy}>
            検索
          </button>
        </div>
      </form>
      {search.error && !fieldError ? <ErrorAlert error={search.error} /> : null}
    </>
  );
}
