import { useId } from "react";
import type { Sheet, SourceText } from "../types";

/** The source key of a sheet field in `sheet.source` (the importer stores the grade as gradeText). */
const SOURCE_KEYS: Record<string, string[]> = { grade: ["gradeText", "grade"] };

function sourceOf(source: Sheet["source"], key: string): { text: SourceText; label: string | null } | null {
  if (!source || typeof source !== "object") return null;
  for (const k of SOURCE_KEYS[key] ?? [key]) {
    const v = (source as Record<string, unknown>)[k];
    if (v && typeof v === "object" && typeof (v as SourceText).raw === "string") {
      const labels = (source as { labels?: Record<string, string | null> }).labels;
      return { text: v as SourceText, label: labels?.[key] ?? null };
    }
  }
  return null;
}

/** 取込元の原文: the text exactly as it was in the imported document, folded away by default. */
export function SourceNote({ source, sourceKey, id }: { source: Sheet["source"]; sourceKey: string; id?: string }) {
  const found = sourceOf(source, sourceKey);
  if (!found) return null;
  return (
    <details className="source" id={id}>
      <summary>取込元の原文（{found.text.line}行目）</summary>
      {found.label ? <p className="small muted">原文の見出し: {found.label}</p> : null}
      <pre>{found.text.raw}</pre>
    </details>
  );
}

interface TextProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  editable: boolean;
  error?: string | undefined;
  required?: boolean;
  source: Sheet["source"];
  sourceKey: string;
}

function TextCell({
  id,
  value,
  onChange,
  editable,
  error,
  required,
  source,
  sourceKey,
}: Omit<TextProps, "label"> & { id: string }) {
  const errorId = `${id}-error`;
  return (
    <>
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
      {editable ? (
        <textarea
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      ) : (
        <p className="readonly-text" id={id}>
          {value || "－"}
        </p>
      )}
      <SourceNote source={source} sourceKey={sourceKey} />
    </>
  );
}

/** One row of the 評価表: the heading cell on the left, the text on the right. */
export function SheetTextRow(props: TextProps) {
  const id = useId();
  return (
    <div className="sheet-row">
      <div className="sheet-head">
        {props.editable ? (
          <label htmlFor={id}>
            {props.label}
            {props.required ? <span className="required">必須</span> : null}
          </label>
        ) : (
          props.label
        )}
      </div>
      <div className="sheet-cell">
        <TextCell id={id} {...props} />
      </div>
    </div>
  );
}

interface PairPart {
  label: string;
  fullLabel: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  sourceKey: string;
}

/** 事業目標 with its 前期 and 後期 sub-rows, as on the official form. */
export function SheetTargetRow({
  heading,
  first,
  second,
  editable,
  source,
}: {
  heading: string;
  first: PairPart;
  second: PairPart;
  editable: boolean;
  source: Sheet["source"];
}) {
  const id = useId();
  return (
    <div className="sheet-row">
      <div className="sheet-head">{heading}</div>
      <div className="sheet-cell">
        {[first, second].map((part, i) => (
          <div className="sheet-sub" key={part.label}>
            {editable ? (
              <label htmlFor={`${id}-${i}`}>
                <span className="visually-hidden">{heading} </span>
                {part.label}
              </label>
            ) : (
              <span className="field-label">{part.label}</span>
            )}
            <div>
              <TextCell
                id={`${id}-${i}`}
                value={part.value}
                onChange={part.onChange}
                editable={editable}
                error={part.error}
                source={source}
                sourceKey={part.sourceKey}
              />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
