import { ItemMarks } from "../../components/Badges";
import { FormattedText } from "../../components/FormattedText";
import { SheetTargetRow, SheetTextRow, SourceNote } from "../../components/SheetFields";
import { joinNames } from "../../format";
import type { Sheet, SheetTextField } from "../../types";
import { GradeRow } from "./GradeRow";
import { type Draft, fieldId, GRADE_ID } from "./sheetDraft";

/** The rows of the 事業別評価表 as printed: read-only facts of the item, the fields the department writes. */
export function SheetFormRows({
  current,
  draft,
  labels,
  fields,
  setField,
  onSave,
}: {
  current: Sheet;
  draft: Draft;
  labels: Record<keyof Draft, string>;
  /** field name → the server's message */
  fields: Record<string, string>;
  setField: (k: keyof Draft) => (v: string) => void;
  onSave: () => void;
}) {
  const editable = current.editable;
  const textRow = (k: SheetTextField) => (
    <SheetTextRow
      key={k}
      id={fieldId(k)}
      label={labels[k]}
      value={draft[k]}
      onChange={setField(k)}
      editable={editable}
      error={fields[k]}
      required={k === "results" || k === "reason"}
      source={current.source}
      sourceKey={k}
    />
  );
  const item = current.item;
  const suggestion = current.suggestedGrade;
  const hasIndicators = (current.indicators?.length ?? 0) > 0;
  const differsFromSuggestion = Boolean(suggestion?.grade && draft.grade && draft.grade !== suggestion.grade);
  const showOverride = editable
    ? differsFromSuggestion || Boolean(fields.gradeOverrideReason)
    : Boolean(current.gradeOverrideReason);

  return (
    <form
      className="sheet-form"
      aria-label="評価表"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      noValidate
    >
      <div className="sheet-row">
        <div className="sheet-head">事業名</div>
        <div className="sheet-cell sheet-title-cell">
          {item?.code ? <span>{item.code}</span> : null}
          <span>{item?.title ?? "（不明な事業）"}</span>
          {item ? <ItemMarks isNew={item.isNew} isPriority={item.isPriority} /> : null}
          {item?.category ? <span className="small muted">区分: {item.category}</span> : null}
        </div>
      </div>
      <div className="sheet-row">
        <div className="sheet-head">担当課</div>
        <div className="sheet-cell">{joinNames(current.departmentNames) || "－"}</div>
      </div>
      <div className="sheet-row">
        <div className="sheet-head">事業概要</div>
        <div className="sheet-cell">
          <FormattedText className="readonly-text" text={item?.summary} />
          <SourceNote source={current.source} sourceKey="overview" />
        </div>
      </div>
      {textRow("previousStatus")}
      <SheetTargetRow
        heading="事業目標"
        first={{
          label: "前期",
          fullLabel: labels.targetFirst,
          value: draft.targetFirst,
          onChange: setField("targetFirst"),
          error: fields.targetFirst,
          sourceKey: "targetFirst",
          id: fieldId("targetFirst"),
        }}
        second={{
          label: "後期",
          fullLabel: labels.targetSecond,
          value: draft.targetSecond,
          onChange: setField("targetSecond"),
          error: fields.targetSecond,
          sourceKey: "targetSecond",
          id: fieldId("targetSecond"),
        }}
        editable={editable}
        source={current.source}
      />
      {textRow("results")}
      <GradeRow
        id={GRADE_ID}
        scale={current.gradeScale}
        value={draft.grade}
        onChange={setField("grade")}
        editable={editable}
        error={fields.grade}
        source={current.source}
        suggestion={hasIndicators ? suggestion : null}
      />
      {showOverride ? (
        <SheetTextRow
          id={fieldId("gradeOverrideReason")}
          label={labels.gradeOverrideReason}
          value={draft.gradeOverrideReason}
          onChange={setField("gradeOverrideReason")}
          editable={editable}
          error={fields.gradeOverrideReason}
          required
          source={null}
          sourceKey="gradeOverrideReason"
          hint={
            editable && suggestion?.grade
              ? `指標からの評価の目安（${suggestion.grade}）と異なる評価を選んでいます。理由を入力してください。`
              : undefined
          }
        />
      ) : null}
      {textRow("reason")}
      {textRow("issues")}
      {/* Enter in a text field must not submit; saving is an explicit button below */}
    </form>
  );
}
