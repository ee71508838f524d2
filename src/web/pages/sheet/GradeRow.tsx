import { GradeSuggestion, SourceNote } from "../../components/SheetFields";
import type { Sheet, SuggestedGrade } from "../../types";

export function GradeRow({
  id,
  scale,
  value,
  onChange,
  editable,
  error,
  source,
  suggestion,
}: {
  /** prefix of the radio buttons' ids (the error summary links to the first) */
  id: string;
  scale: Sheet["gradeScale"];
  value: string;
  onChange: (v: string) => void;
  editable: boolean;
  error?: string;
  source: Sheet["source"];
  /** the indicators' suggestion, shown next to the grade (null: the sheet has no indicators) */
  suggestion: SuggestedGrade | null;
}) {
  const chosen = scale.find((g) => g.code === value);
  const suggestionId = `${id}-suggestion`;
  if (!editable) {
    return (
      <div className="sheet-row">
        <div className="sheet-head">評価</div>
        <div className="sheet-cell">
          {chosen ? (
            <>
              <span className="grade-code">{chosen.code}</span> {chosen.label}
            </>
          ) : value ? (
            value
          ) : (
            "－"
          )}
          {suggestion ? <GradeSuggestion suggestion={suggestion} id={suggestionId} /> : null}
          <SourceNote source={source} sourceKey="grade" />
        </div>
      </div>
    );
  }
  return (
    <fieldset
      className="sheet-row plain"
      aria-invalid={error ? true : undefined}
      aria-describedby={
        [error ? `${id}-error` : null, suggestion ? suggestionId : null].filter(Boolean).join(" ") || undefined
      }
    >
      <legend className="visually-hidden">評価</legend>
      <div className="sheet-head" aria-hidden="true">
        評価<span className="required">必須</span>
      </div>
      <div className="sheet-cell">
        {error ? (
          <span id={`${id}-error`} className="field-error">
            {error}
          </span>
        ) : null}
        {suggestion ? <GradeSuggestion suggestion={suggestion} id={suggestionId} /> : null}
        <div className="grade-options">
          {scale.map((g) => (
            <div className="choice" key={g.code}>
              <input
                type="radio"
                id={`${id}-${g.code}`}
                name={`${id}-grade`}
                value={g.code}
                checked={value === g.code}
                onChange={() => onChange(g.code)}
              />
              <label htmlFor={`${id}-${g.code}`}>
                <span className="grade-code">{g.code}</span> {g.label}
              </label>
            </div>
          ))}
        </div>
        {value ? (
          <button type="button" className="link-button small" onClick={() => onChange("")}>
            評価の選択を取り消す
          </button>
        ) : null}
        <SourceNote source={source} sourceKey="grade" />
      </div>
    </fieldset>
  );
}
