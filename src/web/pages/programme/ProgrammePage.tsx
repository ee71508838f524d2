import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PROGRAMME_TITLE } from "../../../domain/labels/programme";
import { api } from "../../api";
import { NoticeArea } from "../../components/NoticeArea";
import { PageHeading } from "../../components/PageHeading";
import { PrintMeta } from "../../components/PrintMeta";
import { QueryStatus } from "../../components/Status";
import { usePaper } from "../../components/usePaper";
import type { ProgrammeProject, ProgrammeRegistry } from "../../types";
import { ProjectEditor, programmeKey } from "./ProjectEditor";

/** The projects under one category of the law: a project under two categories is listed under each. */
function groupsOf(registry: ProgrammeRegistry) {
  const under = (id: string) => registry.projects.filter((p) => p.categories.some((c) => c.id === id));
  const groups = registry.categories.flatMap((top) => [
    { key: top.id, top: top.name, sub: null as string | null, projects: under(top.id) },
    ...top.subKinds.map((s) => ({ key: s.id, top: top.name, sub: s.name as string | null, projects: under(s.id) })),
  ]);
  const none = registry.projects.filter((p) => p.categories.length === 0);
  return [
    ...groups.filter((g) => g.projects.length > 0),
    ...(none.length ? [{ key: "none", top: "（法対象事業なし）", sub: null, projects: none }] : []),
  ];
}

/**
 * 重層的支援体制整備事業の事業一覧: the law's categories → the municipality's projects → their departments and
 * agencies, as imported from the 実施計画 and kept since. The plan office and the support side's administrator
 * edit a project in place; the 多機関協働 coordinators read it. Printable on A4 landscape.
 */
export function ProgrammePage() {
  usePaper("a4-landscape");
  const registry = useQuery({ queryKey: programmeKey, queryFn: () => api<ProgrammeRegistry>("/api/programme") });
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const data = registry.data;
  const project = data?.projects.find((p) => p.id === editing) ?? null;

  return (
    <>
      <PageHeading title={PROGRAMME_TITLE}>
        法に定める事業区分（法対象事業）ごとに、区市町村の事業（区該当事業）と所管課・支援機関を示します。
        事業は重層的支援体制整備事業の実施計画から「取込」で登録できます。
      </PageHeading>
      <PrintMeta />
      <QueryStatus query={registry} />
      <NoticeArea notice={message ? { kind: "success", text: message } : null} />
      {data && data.projects.length > 0 ? (
        <div className="page-actions no-print">
          <button type="button" className="button secondary" onClick={() => window.print()}>
            印刷（A4横）
          </button>
        </div>
      ) : null}
      {data && data.projects.length === 0 ? (
        <p>登録されている事業はありません。重層的支援体制整備事業の実施計画を「取込」で読み込んでください。</p>
      ) : null}
      {data && project && data.canEdit ? (
        <ProjectEditor
          key={`${project.id}-${project.version}`}
          project={project}
          registry={data}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setMessage(`「${name}」を保存しました。`);
          }}
        />
      ) : null}
      {data && data.projects.length > 0 ? (
        <RegistryTable
          registry={data}
          onEdit={
            data.canEdit
              ? (p) => {
                  setMessage(null);
                  setEditing(p.id);
                }
              : null
          }
        />
      ) : null}
    </>
  );
}

function RegistryTable({
  registry,
  onEdit,
}: {
  registry: ProgrammeRegistry;
  onEdit: ((p: ProgrammeProject) => void) | null;
}) {
  return (
    <div className="table-wrap">
      <table className="data programme">
        <caption>
          {PROGRAMME_TITLE}（{registry.projects.length}事業）
        </caption>
        <thead>
          <tr>
            <th scope="col">法対象事業</th>
            <th scope="col" className="num">
              番号
            </th>
            <th scope="col">区該当事業</th>
            <th scope="col">内容</th>
            <th scope="col">所管課</th>
            <th scope="col">支援機関</th>
            {onEdit ? (
              <th scope="col" className="no-print">
                操作
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {groupsOf(registry).map((g) =>
            g.projects.map((p, i) => (
              <tr key={`${g.key}-${p.id}`}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={g.projects.length}>
                    {g.top}
                    {g.sub ? <div className="small">{g.sub}</div> : null}
                  </th>
                ) : null}
                <td className="num">{p.number}</td>
                <th scope="row">
                  {p.name}
                  {p.integrated ? <div className="badge">一体的連携事業</div> : null}
                </th>
                <td className="pre-wrap">{p.content || <span className="muted">－</span>}</td>
                <td>
                  <DepartmentCell project={p} />
                </td>
                <td>
                  {p.agencies.length ? p.agencies.map((a) => a.name).join("、") : <span className="muted">－</span>}
                </td>
                {onEdit ? (
                  <td className="no-print">
                    <button type="button" className="button secondary small" onClick={() => onEdit(p)}>
                      <span className="visually-hidden">事業{p.number}を</span>編集
                    </button>
                  </td>
                ) : null}
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The linked departments; a name the document gave that links no department is shown apart, as written. */
function DepartmentCell({ project }: { project: ProgrammeProject }) {
  const unlinked = project.unlinkedDepartmentNames;
  return (
    <>
      {project.departments.map((d) => d.name).join("、") ||
        (unlinked.length ? null : <span className="muted">－</span>)}
      {unlinked.length ? <div className="small muted">未登録の課: {unlinked.join("、")}</div> : null}
    </>
  );
}
