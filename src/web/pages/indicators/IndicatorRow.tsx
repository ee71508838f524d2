import type { ReactNode } from "react";
import { ActualForm } from "../../components/ActualForm";
import { indicatorLabel } from "../../components/Indicators";
import { TargetForm } from "../../components/TargetForm";
import type { ActualSaved, IndicatorTarget, IndicatorYear, MilestoneStep } from "../../types";

/** The inline forms of the list: at most one open, named "actual:<id>" or "target:<id>". */
export interface RowForms {
  openId: string | null;
  open: (key: string) => void;
  close: (key: string) => void;
  /** keeps the button that opens a form, so that focus goes back to it when the form closes */
  keep: (key: string) => (el: HTMLButtonElement | null) => void;
}

/** A button that opens and closes one inline form of a row. */
function FormToggle({
  forms,
  formKey,
  formId,
  name,
  children,
}: {
  forms: RowForms;
  formKey: string;
  formId: string;
  /** the indicator's name, for screen readers */
  name: string;
  children: ReactNode;
}) {
  const open = forms.openId === formKey;
  return (
    <button
      type="button"
      className="button secondary small nowrap"
      aria-expanded={open}
      aria-controls={open ? formId : undefined}
      ref={forms.keep(formKey)}
      onClick={() => (open ? forms.close(formKey) : forms.open(formKey))}
    >
      {children}
      <span className="visually-hidden">：{indicatorLabel(name)}</span>
    </button>
  );
}

/** One indicator of the list: its cells, its 実績 and 目標 buttons, and the form one of them opened. */
export function IndicatorRow({
  indicator,
  cells,
  colCount,
  canEnter,
  canEditTargets,
  forms,
  fiscalYearLabel,
  steps,
  onActualSaved,
  onTargetSaved,
  reload,
}: {
  indicator: IndicatorYear;
  cells: ReactNode;
  colCount: number;
  canEnter: boolean;
  canEditTargets: boolean;
  forms: RowForms;
  fiscalYearLabel: string;
  /** the plan's milestone ladder (for an actual of a milestone target) */
  steps: MilestoneStep[];
  onActualSaved: (r: ActualSaved) => void | Promise<void>;
  onTargetSaved: (t: IndicatorTarget) => void | Promise<void>;
  reload: () => Promise<IndicatorYear | undefined>;
}) {
  const actualKey = `actual:${indicator.id}`;
  const targetKey = `target:${indicator.id}`;
  const open = forms.openId === actualKey;
  const formId = `actual-form-${indicator.id}`;
  const targetOpen = forms.openId === targetKey;
  const targetFormId = `target-form-${indicator.id}`;
  return (
    <>
      <tr>
        {cells}
        {canEnter || canEditTargets ? (
          <td>
            <div className="row-actions">
              {canEnter ? (
                <FormToggle forms={forms} formKey={actualKey} formId={formId} name={indicator.name}>
                  {indicator.actual ? "実績を修正" : "実績を入力"}
                </FormToggle>
              ) : null}
              {canEditTargets ? (
                <FormToggle forms={forms} formKey={targetKey} formId={targetFormId} name={indicator.name}>
                  目標を編集
                </FormToggle>
              ) : null}
            </div>
          </td>
        ) : null}
      </tr>
      {open ? (
        <EntryRow id={formId} colCount={colCount}>
          <ActualForm
            indicator={indicator}
            fiscalYearLabel={fiscalYearLabel}
            steps={steps}
            onSaved={onActualSaved}
            onCancel={() => forms.close(actualKey)}
            reload={reload}
          />
        </EntryRow>
      ) : null}
      {targetOpen ? (
        <EntryRow id={targetFormId} colCount={colCount}>
          <TargetForm
            indicator={indicator}
            fiscalYearLabel={fiscalYearLabel}
            onSaved={onTargetSaved}
            onCancel={() => forms.close(targetKey)}
            reload={reload}
          />
        </EntryRow>
      ) : null}
    </>
  );
}

/** The row under an indicator that holds one of its open forms, across the whole table. */
function EntryRow({ id, colCount, children }: { id: string; colCount: number; children: ReactNode }) {
  return (
    <tr className="entry-row" id={id}>
      <td colSpan={colCount}>{children}</td>
    </tr>
  );
}
