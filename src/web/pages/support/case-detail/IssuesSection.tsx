import { type FormEvent, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { CheckboxGroup, SelectField, TextField } from "../../../components/FormField";
import { activeConcernLabels, useAgencies, useConcerns } from "../../../support/queries";
import type { CaseDetail } from "../../../types";
import { HistoryTable } from "./HistoryTable";
import { type Notice, useCaseWrite } from "./useCaseWrite";

/**
 * 課題と主担当機関: what the case is about and who leads it. The lead agency and the coordinators change the issues;
 * only the coordinators hand the lead to another agency (which joins the team if it is not on it yet).
 */
export function IssuesSection({
  c,
  manage,
  setNotice,
}: {
  c: CaseDetail;
  manage: boolean;
  setNotice: (n: Notice) => void;
}) {
  const canChangeLead = c.access === "coordinator";
  const concerns = useConcerns(manage);
  const agencies = useAgencies();
  const [open, setOpen] = useState(false);
  const [issues, setIssues] = useState<string[]>(c.issues);
  const [leadAgencyId, setLeadAgencyId] = useState(c.leadAgency.id);
  const [reason, setReason] = useState("");
  const [issuesMissing, setIssuesMissing] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  // The case's own issues stay choosable even when their category has been made inactive since.
  const issueOptions = [...new Set([...activeConcernLabels(concerns.data), ...c.issues])];
  const leadOptions = (agencies.data ?? []).filter((a) => a.kind === "public" || a.id === c.leadAgency.id);
  const onTeam = new Set(c.team.map((t) => t.agency.id));

  // the form takes the focus when it opens; the button gets it back when it closes
  const show = (on: boolean) => {
    setOpen(on);
    if (on) {
      setIssues(c.issues);
      setLeadAgencyId(c.leadAgency.id);
      setReason("");
      write.clear();
      setIssuesMissing(false);
      setUnchanged(false);
    }
    requestAnimationFrame(() =>
      on ? formRef.current?.querySelector<HTMLInputElement>("input")?.focus() : openRef.current?.focus(),
    );
  };
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
              setIssues(v);
              setIssuesMissing(false);
              setUnchanged(false);
            }}
            error={
              (issuesMissing ? "課題を1つ以上選んでください" : undefined) ??
              fields.issues ??
              Object.entries(fields).find(([k]) => k.startsWith("issues."))?.[1]
            }
          />
          {canChangeLead ? (
            <SelectField
              label="主担当機関"
              hint={
                leadAgencyId !== c.leadAgency.id && !onTeam.has(leadAgencyId)
                  ? "この機関はまだチームにいません。主担当にするとチームに加わります。"
                  : "主担当を替えても、いまの主担当機関はチームに残ります。"
              }
              value={leadAgencyId}
              onChange={setLeadAgencyId}
              options={leadOptions.map((a) => ({ value: a.id, label: a.name }))}
              error={fields.leadAgencyId}
            />
          ) : null}
          <TextField
            label="理由（任意）"
            hint="変更履歴に残ります。"
            value={reason}
            onChange={setReason}
            inputClassName="wide"
            error={fields.reason}
          />
          {unchanged ? (
            <p className="field-error" role="alert">
              課題も主担当機関も変わっていません。
            </p>
          ) : null}
          <div className="support-actions">
            <button type="button" className="button secondary" onClick={() => show(false)}>
              キャンセル
            </button>
            <button type="submit" className="button" disabled={write.busy}>
              変更を保存
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
