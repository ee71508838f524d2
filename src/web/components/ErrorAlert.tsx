import { type RefObject, useEffect, useId, useRef } from "react";
import { ApiError, errorMessage } from "../api";

interface Props {
  error: unknown;
  title?: string | undefined;
  /**
   * Field name → id of the field's input. With it the alert is an error summary: each field message links to its
   * field, and the summary takes the focus when it appears (a keyboard or screen reader user lands on it at once).
   */
  fieldTargets?: Readonly<Record<string, string>> | undefined;
}

/** Moves to a field from the summary; a plain #hash would also be a navigation the unsaved-changes guard sees. */
function focusField(targetId: string) {
  const el = document.getElementById(targetId);
  if (!el) return;
  el.focus();
  el.scrollIntoView?.({ block: "center" });
}

/**
 * The error of a failed request, read out by screen readers (role="alert") and scrolled into view, so it is
 * noticed even when the button that failed is far below. Field messages are listed here as a summary and also
 * shown next to their fields by the forms.
 */
export function ErrorAlert({ error, title, fieldTargets }: Props) {
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  const summary = fieldTargets !== undefined;
  useEffect(() => {
    if (!error) return;
    if (summary) ref.current?.focus();
    else ref.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [error, summary]);
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  const heading = title ? (
    <p className="alert-title" id={titleId}>
      {title}
    </p>
  ) : null;
  const list = fields.length ? (
    <ul>
      {fields.map((f) => {
        const target = fieldTargets?.[f.field];
        return (
          <li key={`${f.field}:${f.message}`}>
            {target ? (
              <a
                href={`#${target}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusField(target);
                }}
              >
                {f.message}
              </a>
            ) : (
              f.message
            )}
          </li>
        );
      })}
    </ul>
  ) : null;
  if (summary) {
    // focused, so it is read as it appears: role="alert" as well would read it twice
    return (
      <section className="alert error-summary" tabIndex={-1} ref={ref} aria-labelledby={title ? titleId : undefined}>
        {heading}
        <p>{errorMessage(error)}</p>
        {list}
      </section>
    );
  }
  return (
    <div className="alert" role="alert" ref={ref as RefObject<HTMLDivElement>}>
      {heading}
      <p>{errorMessage(error)}</p>
      {list}
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

/** The message for a list field: for the list itself or, failing that, for one of its items (`issues.2`). */
export const listFieldError = (errors: Record<string, string>, name: string): string | undefined =>
  errors[name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${name}.`))?.[1];
