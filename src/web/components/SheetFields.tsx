import { useId } from "react";
import { SHEET_TEXT_MAX_LENGTH } from "../../domain/evaluation-sheet";
import type { Sheet, SourceText, SuggestedGrade } from "../types";
import { CharacterCount } from "./CharacterCount";
import { FormattedText } from "./FormattedText";
import { LabelText, Messages } from "./FormField";
import { formatShare, IndicatorYearTable, tallyText } from "./Indicators";

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
  /** a short explanation above the text box */
  hint?: string | undefined;
  /** the text box's id (the error summary links to it); generated when absent */
  id?: string | undefined;
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
  hint,
}: Omit<TextProps, "label"> & { id: string }) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const describedBy = [hint && editable ? hintId : null, error ? errorId : null, editable ? countId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <>
      <Messages hint={editable ? hint : undefined} hintId={hintId} error={error} errorId={errorId} />
      {editable ? (
        <textarea
          className="no-print"
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
      ) : (
        <FormattedText className="readonly-text" id={id} text={value} />
      )}
      {/* on paper the text is laid out (lists, paragraphs) like a read-only sheet, not as a text box */}
      {editable ? <FormattedText className="readonly-text print-only" text={value} /> : null}
      {editable ? <CharacterCount id={countId} value={value} max={SHEET_TEXT_MAX_LENGTH} /> : null}
      <SourceNote source={source} sourceKey={sourceKey} />
    </>
  );
}

/** One row of the 評価表: the heading cell on the left, the text on the right. */
export function SheetTextRow(props: TextProps) {
  const generated = useId();
  const id = props.id ?? generated;
  return (
    <div className="sheet-row">
      <div className="sheet-head">
        {props.editable ? (
          <label htmlFor={id}>
            <LabelText label={props.label} required={props.required} />
          </label>
        ) : (
          props.label
        )}
      </div>
      <div className="sheet-cell">
        <TextCell {...props} id={id} />
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
  /** the text box's id (the error summary links to it) */
  id: string;
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
  return (
    <div className="sheet-row">
      <div className="sheet-head">{heading}</div>
      <div className="sheet-cell">
        {[first, second].map((part) => (
          <div className="sheet-sub" key={part.label}>
            {editable ? (
              <label htmlFor={part.id}>
                <span className="visually-hidden">{heading} </span>
                {part.label}
              </label>
            ) : (
              <span className="field-label">{part.label}</span>
            )}
            <div>
              <TextCell
                id={part.id}
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

/** 「指標からの評価の目安: B（理由）」: what the indicators suggest; the grade itself stays the department's decision. */
export function GradeSuggestion({ suggestion, id }: { suggestion: SuggestedGrade; id?: string }) {
  return (
    <p className="grade-suggestion" id={id}>
      指標からの評価の目安: <strong>{suggestion.grade ?? "なし"}</strong>
      {suggestion.reason ? `（${suggestion.reason}）` : ""}
    </p>
  );
}

/** 「この事業の指標」: the sheet's indicators in its year, with target, actual and attainment, and the suggestion. */
export function SheetIndicators({ sheet }: { sheet: Sheet }) {
  const id = useId();
  const indicators = sheet.indicators ?? [];
  const counts = {
    indicators: indicators.length,
    met: indicators.filter((i) => i.attainment.status === "met").length,
    notMet: indicators.filter((i) => i.attainment.status === "notMet").length,
    manual: indicators.filter((i) => i.attainment.status === "manual").length,
    noActual: indicators.filter((i) => i.attainment.status === "noActual").length,
  };
  const decidable = counts.met + counts.notMet;
  const tally = { ...counts, decidable, share: decidable ? counts.met / decidable : null };
  return (
    <section className="sheet-indicators" aria-labelledby={id}>
      <h2 id={id}>この事業の指標</h2>
      <p className="small">
        {tallyText(tally)}。達成の割合: {formatShare(tally)}
      </p>
      <IndicatorYearTable
        indicators={indicators}
        caption={`この事業の指標（${sheet.fiscalYearLabel}）`}
        fiscalYearLabel={sheet.fiscalYearLabel}
        captionHidden
      />
      <GradeSuggestion suggestion={sheet.suggestedGrade} />
      <p className="small muted no-print">
        目安は、判定できる指標の達成の割合から計算します。評価は担当課が判断し、目安と異なる評価とするときは理由を記入します。
      </p>
    </section>
  );
}
