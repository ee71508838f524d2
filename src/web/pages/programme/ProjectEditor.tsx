import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { PROGRAMME_FIELD_LABELS as L } from "../../../domain/labels/programme";
import { api } from "../../api";
import { Checkbox, CheckboxGroup, TextAreaField, TextField } from "../../components/FormField";
import { SubmitFailure } from "../../components/StaleNotice";
import { useSubmit } from "../../forms/useSubmit";
import type { ProgrammeProject, ProgrammeRegistry } from "../../types";

/** The registry's query: read by the page, refetched after a save. */
export const programmeKey = ["programme"] as const;

/**
 * One project's form: its name, content and 一体的連携事業 mark, and the categories, departments and agencies it
 * is linked to. Saved at the version shown (If-Match); when someone saved first, the latest version is offered.
 */
export function ProjectEditor({
  project,
  registry,
  onClose,
  onSaved,
}: {
  project: ProgrammeProject;
  registry: ProgrammeRegistry;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const titleId = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState(project.name);
  const [content, setContent] = useState(project.content);
  const [integrated, setIntegrated] = useState(project.integrated);
  const [categoryIds, setCategoryIds] = useState(project.categories.map((c) => c.id));
  const [departmentIds, setDepartmentIds] = useState(project.departments.map((d) => d.id));
  const [agencyIds, setAgencyIds] = useState(project.agencies.map((a) => a.id));
  const save = useSubmit({
    send: () =>
      api(`/api/programme/projects/${project.id}`, {
        method: "PATCH",
        version: project.version,
        body: { name, content, integrated, categoryIds, departmentIds, agencyIds },
      }),
    invalidates: [programmeKey],
    onDone: () => onSaved(name),
  });
  const categoryOptions = registry.categories.flatMap((top) => [
    { value: top.id, label: top.name },
    ...top.subKinds.map((s) => ({ value: s.id, label: `${top.name}／${s.name}` })),
  ]);
  // a department or agency linked before and no longer offered (merged, abolished) stays choosable
  const withLinked = (choices: { id: string; name: string }[], linked: { id: string; name: string }[]) =>
    [...choices, ...linked.filter((l) => !choices.some((c) => c.id === l.id))].map((c) => ({
      value: c.id,
      label: c.name,
    }));

  return (
    <section className="block no-print" aria-labelledby={titleId}>
      <h2 id={titleId}>
        事業{project.number}「{project.name}」の編集
      </h2>
      <form onSubmit={save.onSubmit()} noValidate>
        <TextField label={L.name} required value={name} onChange={setName} error={save.fields.name} />
        <TextAreaField label={L.content} value={content} onChange={setContent} rows={4} error={save.fields.content} />
        <Checkbox label={`${L.integrated}として扱う`} checked={integrated} onChange={setIntegrated} />
        <CheckboxGroup
          legend={L.categoryIds}
          hint="一つの事業が二つ以上の法対象事業にあたる場合は、すべて選んでください。"
          options={categoryOptions}
          values={categoryIds}
          onChange={setCategoryIds}
          error={save.fields.categoryIds}
        />
        <CheckboxGroup
          legend={L.departmentIds}
          options={withLinked(registry.choices.departments, project.departments)}
          values={departmentIds}
          onChange={setDepartmentIds}
          error={save.fields.departmentIds}
          hint={
            project.unlinkedDepartmentNames.length
              ? `取込で課に対応付けなかった名称: ${project.unlinkedDepartmentNames.join("、")}（所管課を保存すると消えます）`
              : undefined
          }
        />
        <CheckboxGroup
          legend={L.agencyIds}
          hint="この事業を担う支援機関です。件数を事業ごとに集計するときに使います。"
          options={withLinked(registry.choices.agencies, project.agencies)}
          values={agencyIds}
          onChange={setAgencyIds}
          error={save.fields.agencyIds}
        />
        <SubmitFailure
          save={save}
          title="保存できませんでした"
          onReload={async () => {
            save.clear();
            await queryClient.invalidateQueries({ queryKey: programmeKey });
          }}
        />
        <div className="page-actions">
          <button type="submit" className="button" disabled={save.busy}>
            {save.busy ? "保存しています…" : "保存"}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            閉じる
          </button>
        </div>
      </form>
    </section>
  );
}
