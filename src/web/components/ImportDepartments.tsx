import { useId } from "react";
import { useDepartments } from "../queries";
import type { NamedDepartment } from "../types";

/** The choice for one new name: register it, link none, or map it to an existing department ("map:<id>"). */
export type DepartmentChoice = "" | "create" | "skip" | `map:${string}`;
export type DepartmentChoices = Record<string, DepartmentChoice>;

/** Field id of a new name's select, so the page can move the focus to the first one still undecided. */
export const departmentChoiceId = (prefix: string, index: number) => `${prefix}-department-${index}`;

/** The names still waiting for a choice. */
export function undecidedNames(departments: readonly NamedDepartment[], choices: DepartmentChoices): string[] {
  return departments.filter((d) => d.status === "new" && !choices[d.name]).map((d) => d.name);
}

/** The commit's X-Import-Departments header (src/server/modules/imports/schema.ts). */
export function departmentDecisionsHeader(choices: DepartmentChoices): Record<string, string> {
  const decisions = Object.fromEntries(
    Object.entries(choices)
      .filter(([, c]) => c !== "")
      .map(([name, c]) => [
        name,
        c.startsWith("map:") ? { action: "map", departmentId: c.slice(4) } : { action: c as "create" | "skip" },
      ]),
  );
  return { "x-import-departments": encodeURIComponent(JSON.stringify(decisions)) };
}

function matchNote(d: NamedDepartment) {
  if (d.matchedBy === "former_name") return "（旧名として一致）";
  if (d.matchedBy === "merged") return "（統合先の課）";
  return "";
}

/** What happens (preview) or happened (after the commit) to a name that needs no choice. */
function outcomeText(d: NamedDepartment): string {
  switch (d.outcome ?? d.status) {
    case "existing":
      return `登録済みの「${d.department?.name ?? ""}」${matchNote(d)}`;
    case "collective":
      return "課の名前ではないため登録しません（原文は残ります）";
    case "created":
      return "新しい課として登録しました";
    case "mapped":
      return `「${d.department?.name ?? ""}」に対応付けました`;
    case "skipped":
      return "登録しませんでした（原文は残ります）";
    default:
      return "未登録";
  }
}

/**
 * The departments a document names, before the import: each matched to an existing department, or new (the plan
 * office chooses: register it, take an existing department, or link none), or a collective word such as 各課.
 * Nothing is registered unless chosen here. After the commit (or for a document already imported) it shows the
 * outcome only.
 */
export function ImportDepartments({
  departments,
  choices,
  onChange,
  errors,
  message,
  editable,
}: {
  departments: NamedDepartment[];
  choices: DepartmentChoices;
  onChange: (choices: DepartmentChoices) => void;
  /** server messages by field (`departments.<name>`) */
  errors: Record<string, string>;
  /** why the import cannot go on yet (names still undecided), read out when it appears */
  message: string | null;
  editable: boolean;
}) {
  const prefix = useId();
  const existing = useDepartments().data?.filter((d) => d.active) ?? [];
  const newOnes = departments.filter((d) => d.status === "new");
  const undecided = undecidedNames(departments, choices);
  const setAll = (choice: "create" | "skip") =>
    onChange({ ...choices, ...Object.fromEntries(undecided.map((name) => [name, choice])) });
  if (!departments.length) return null;
  return (
    <>
      <h3>文書に書かれた課（{departments.length}件）</h3>
      <p>
        登録済みの課と同じ名前（全角・半角や空白の違いは同じとみなします）はその課として取り込みます。
        {editable && newOnes.length
          ? `未登録の課（${newOnes.length}件）は、取り込む前に扱いを選んでください。選ばない限り、課は登録されません。`
          : ""}
      </p>
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : null}
      {editable && newOnes.length ? (
        <div className="page-actions">
          <button
            type="button"
            className="button secondary"
            onClick={() => setAll("create")}
            disabled={!undecided.length}
          >
            未選択の課をすべて新しい課として登録
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => setAll("skip")}
            disabled={!undecided.length}
          >
            未選択の課をすべて登録しない
          </button>
          <span className="small" aria-live="polite">
            {undecided.length ? `未選択 ${undecided.length}件` : "すべて選びました"}
          </span>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">文書に書かれた課と取込での扱い</caption>
          <thead>
            <tr>
              <th scope="col">文書の表記</th>
              <th scope="col" className="num">
                件数
              </th>
              <th scope="col" className="num">
                最初の行
              </th>
              <th scope="col">取込での扱い</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d, i) => {
              const id = departmentChoiceId(prefix, i);
              const error = errors[`departments.${d.name}`];
              return (
                <tr key={d.name}>
                  <th scope="row">{d.name}</th>
                  <td className="num">{d.mentions}</td>
                  <td className="num">{d.firstLine ?? "－"}</td>
                  <td>
                    {d.status === "new" && editable && !d.outcome ? (
                      <>
                        <label htmlFor={id} className="visually-hidden">
                          「{d.name}」の扱い
                        </label>
                        <select
                          id={id}
                          data-department-choice={d.name}
                          value={choices[d.name] ?? ""}
                          onChange={(e) => onChange({ ...choices, [d.name]: e.target.value as DepartmentChoice })}
                          aria-invalid={error || (message && !choices[d.name]) ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                        >
                          <option value="">選んでください</option>
                          <option value="create">新しい課として登録する</option>
                          <option value="skip">登録しない（原文だけ残す）</option>
                          <optgroup label="登録済みの課に対応付ける">
                            {existing.map((e) => (
                              <option key={e.id} value={`map:${e.id}`}>
                                {e.name}
                              </option>
                            ))}
                          </optgroup>
                        </select>
                        {error ? (
                          <span id={`${id}-error`} className="field-error">
                            {error}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      outcomeText(d)
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
