import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { CheckboxGroup, SelectField, TextField } from "../../../components/FormField";
import { agencyOptions, FormButtons, listFieldError } from "../../../support/components";
import { activeConcernLabels, useAgencies, useConcerns } from "../../../support/queries";
import { useDraft } from "../../../support/useDraft";
import { HistoryTable } from "./HistoryTable";
import { type ManagedSectionProps, useCaseWrite } from "./useCaseWrite";
import { useInlineForm } from "./useInlineForm";

/**
 * 課題と主担当機関: what the case is about and who leads it. The lead agency and the coordinators change the issues;
 * only the coordinators hand the lead to another agency (which joins the team if it is not on it yet).
 */
export function IssuesSection({ c, manage, setNotice }: ManagedSectionProps) {
  const canChangeLead = c.access === "coordinator";
  const concerns = useConcerns(manage);
  const agencies = useAgencies();
  const draft = useDraft({ issues: c.issues, leadAgencyId: c.leadAgency.id, reason: "" });
  const { issues, leadAgencyId, reason } = draft.values;
  const [issuesMissing, setIssuesMissing] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  // The case's own issues stay choosable even when their category has been made inactive since.
  const issueOptions = [...new Set([...activeConcernLabels(concerns.data), ...c.issues])];
  const leadOptions = (agencies.data ?? []).filter((a) => a.kind === "public" || a.id === c.leadAgency.id);
  const onTeam = new Set(c.team.map((t) => t.agency.id));

  // the form opens on the case's issues and lead as they are now
  const { open, show, formRef, openRef } = useInlineForm(() => {
    draft.setValues({ issues: c.issues, leadAgencyId: c.leadAgency.id, reason: "" });
    write.clear();
    setIssuesMissing(false);
    setUnchanged(false);
  });
  const issuesChange = issues.length !== c.issues.length || issues.some((i) => !c.issues.includes(i));
  const leadChange = canChangeLead && leadAgencyId !== c.leadAgency.id;
  const write = useCaseWrite(c, setNotice, {
    request: () => ({
      path: "",
      method: "PATCH",
      body: { ...(issuesChange ? { issues } : {}), ...(leadChange ? { leadAgencyId } : {}), reason: reason || null },
      done: [
        issuesChange ? "課題を変更しました。" : "",
        leadChange ? `主担当機関を「${leadOptions.find((a) => a.id === leadAgencyId)?.name ?? ""}」にしました。` : "",
      ].join(""),
    }),
    onFinished: () => show(false),
  });
  const fields = write.fields;
  const field = draft.fields(fields);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.clear();
    setIssuesMissing(!issues.length);
    setUnchanged(issues.length > 0 && !issuesChange && !leadChange);
    if (!issues.length || (!issuesChange && !leadChange)) return;
    void write.run();
  };

  return (
    <section aria-labelledby="issues-heading">
      <h2 id="issues-heading">課題と主担当機関</h2>
      <dl className="summary-list">
        <div>
          <dt>課題</dt>
          <dd>{c.issues.join("、")}</dd>
        </div>
        <div>
          <dt>主担当機関</dt>
          <dd>{c.leadAgency.name}</dd>
        </div>
      </dl>
      {c.issuesHistory.length ? (
        <HistoryTable
          caption="課題の変更履歴"
          events={c.issuesHistory}
          columns={[
            {
              header: "課題",
              cell: (h) => (
                <>
                  {h.kind === "opened" ? <span className="small muted">（開始時）</span> : null}
                  {h.issues.join("、")}
                </>
              ),
            },
          ]}
        />
      ) : null}
      {manage && !open ? (
        <p>
          <button ref={openRef} type="button" className="button secondary small" onClick={() => show(true)}>
            {canChangeLead ? "課題・主担当機関を変更" : "課題を変更"}
          </button>
        </p>
      ) : null}
      {manage && open ? (
        <form
          ref={formRef}
          onSubmit={submit}
          noValidate
          aria-label={canChangeLead ? "課題・主担当機関の変更" : "課題の変更"}
        >
          <ErrorAlert error={write.error} title="変更できませんでした" />
          <CheckboxGroup
            legend={
              <>
                課題<span className="required">必須</span>
              </>
            }
            options={issueOptions.map((label) => ({ value: label, label }))}
            values={issues}
            onChange={(v) => {
              draft.change({ issues: v });
              setIssuesMissing(false);
              setUnchanged(false);
            }}
            error={issuesMissing ? "課題を1つ以上選んでください" : listFieldError(fields, "issues")}
          />
          {canChangeLead ? (
            <SelectField
              label="主担当機関"
              hint={
                leadAgencyId !== c.leadAgency.id && !onTeam.has(leadAgencyId)
                  ? "この機関はまだチームにいません。主担当にするとチームに加わります。"
                  : "主担当を替えても、いまの主担当機関はチームに残ります。"
              }
              options={agencyOptions(leadOptions)}
              {...field("leadAgencyId")}
            />
          ) : null}
          <TextField label="理由（任意）" hint="変更履歴に残ります。" inputClassName="wide" {...field("reason")} />
          {unchanged ? (
            <p className="field-error" role="alert">
              課題も主担当機関も変わっていません。
            </p>
          ) : null}
          <FormButtons onBack={() => show(false)} submit="変更を保存" busy={write.busy} />
        </form>
      ) : null}
    </section>
  );
}
