import { ApiError, errorMessage } from "../api";

/**
 * The error of a failed request, read out by screen readers (role="alert"). Field errors are shown next to their
 * fields; those whose field is not on the form are listed here so nothing is lost.
 */
export function ErrorAlert({
  error,
  title,
  shownFields = [],
}: {
  error: unknown;
  title?: string;
  /** field names shown next to their inputs (not repeated here) */
  shownFields?: string[];
}) {
  if (!error) return null;
  const fields =
    error instanceof ApiError ? error.fields.filter((f) => !shownFields.some((s) => matches(f.field, s))) : [];
  return (
    <div className="alert" role="alert">
      {title ? <p className="alert-title">{title}</p> : null}
      <p>{errorMessage(error)}</p>
      {fields.length ? (
        <ul>
          {fields.map((f) => (
            <li key={`${f.field}:${f.message}`}>{f.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function matches(field: string, shown: string) {
  return field === shown || field.startsWith(`${shown}.`);
}

/** Field name → first message, for the inputs of a form. */
export function fieldErrorMap(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const f of error.fields) out[f.field] ??= f.message;
  }
  return out;
}
