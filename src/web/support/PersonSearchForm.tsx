import { type FormEvent, useState } from "react";
import { ErrorAlert, fieldErrorMap } from "../components/ErrorAlert";
import { TextField } from "../components/FormField";
import { useSubmit } from "../forms/useSubmit";
import type { AgencyRef, PersonSearchResult } from "../types";
import { searchPersons, useAgencies } from "./queries";

/**
 * A search of persons by the beginning of their reading (kana typed) or of their name (漢字 typed): what was
 * typed, the answer (only the persons the caller's agency may see, and whether others match) and the error.
 */
export function usePersonSearch() {
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<PersonSearchResult | null>(null);
  // a search is a POST (no personal data in a URL) but reads only: nothing to invalidate
  const search = useSubmit({ send: searchPersons });
  const run = async () => setResult((await search.run(query)) ?? null);
  const { error, busy } = search;
  return { query, setQuery, result, error, busy, run };
}
export type PersonSearch = ReturnType<typeof usePersonSearch>;

/** The search field and its button; an error that is not about the field is shown under the form. */
export function PersonSearchForm({
  search,
  label,
  primary = false,
  onSearch,
}: {
  search: PersonSearch;
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
  const fieldError = fieldErrorMap(search.error).query;
  return (
    <>
      <form
        onSubmit={submit}
        noValidate
        className="filters"
        {...("text" in label ? { "aria-label": label.text } : { "aria-labelledby": label.headingId })}
      >
        <TextField
          label="ふりがな・氏名（先頭から）"
          hint="かなだけなら読みで、漢字を含めば氏名で探します"
          value={search.query}
          onChange={search.setQuery}
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

/** 「多機関協働推進室」, or the generic name when the municipality has not marked its coordinators. */
export const coordinatorNames = (agencies: readonly AgencyRef[]) =>
  agencies.length ? agencies.map((a) => a.name).join("・") : "多機関協働の担当";

/**
 * Persons outside the caller's need-to-know match too: only that, never who or how many, and whom to ask. The
 * coordinators can see every person and tell whether it is someone the caller should work with.
 */
export function OthersMatchNotice({ coordinators }: { coordinators: readonly AgencyRef[] }) {
  return (
    <div className="notice" role="status">
      <p>
        ほかの機関が把握している方の中にも、条件に合う方がいます（氏名などは表示されません）。心当たりがあるときは、
        <strong>{coordinatorNames(coordinators)}</strong>にお問い合わせください。
      </p>
    </div>
  );
}

/** What the caller should know about an answer beyond its rows: a partial look, and others who match. */
export function SearchNotices({ result }: { result: PersonSearchResult }) {
  return (
    <>
      {result.partial ? (
        <p className="notice" role="status">
          該当する方が多いため、{result.by === "reading" ? "ふりがな" : "氏名"}
          の順で先頭の一部だけを探しました。続けて入力して絞り込んでください。
        </p>
      ) : null}
      {result.othersMatch ? <OthersMatchNotice coordinators={result.othersMatch.askCoordinators} /> : null}
    </>
  );
}

/** The coordinator agencies of the municipality, for a notice where the server did not name them. */
export function useCoordinators(): AgencyRef[] {
  const agencies = useAgencies();
  return (agencies.data ?? []).filter((a) => a.isCoordinator).map((a) => ({ id: a.id, name: a.name }));
}
