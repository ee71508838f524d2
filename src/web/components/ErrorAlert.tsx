import { useEffect, useRef } from "react";
import { ApiError, errorMessage } from "../api";

/**
 * The error of a failed request, read out by screen readers (role="alert") and scrolled into view, so it is
 * noticed even when the button that failed is far below. Field messages are listed here as a summary and also
 * shown next to their fields by the forms.
 */
export function ErrorAlert({ error, title }: { error: unknown; title?: string | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [error]);
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div className="alert" role="alert" ref={ref}>
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

/** Field name → first message, for the inputs of a form. */
export function fieldErrorMap(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const f of error.fields) out[f.field] ??= f.message;
  }
  return out;
}
