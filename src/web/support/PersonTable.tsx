import type { ReactNode } from "react";
import type { Person } from "../types";
import { PersonCells } from "./components";

/** A column of a persons table besides the name, the reading and the date of birth. */
export interface PersonColumn<R> {
  header: string;
  cell: (row: R, index: number) => ReactNode;
}

/**
 * Persons in a table: the columns `before`, then 氏名 (the row's header, followed by `nameNote`), ふりがな and 生年月日,
 * then the columns `after`.
 */
export function PersonRowsTable<R>({
  caption,
  captionHidden = false,
  rows,
  rowKey,
  person,
  nameNote,
  before = [],
  after,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  rows: readonly R[];
  rowKey: (row: R) => string;
  person: (row: R) => { nameKanji: string | null; nameKana: string | null; dateOfBirth: string | null };
  nameNote?: (row: R) => ReactNode;
  before?: PersonColumn<R>[];
  after: PersonColumn<R>[];
}) {
  const headers = (columns: PersonColumn<R>[]) =>
    columns.map((c) => (
      <th key={c.header} scope="col">
        {c.header}
      </th>
    ));
  const cells = (columns: PersonColumn<R>[], row: R, index: number) =>
    columns.map((c) => <td key={c.header}>{c.cell(row, index)}</td>);
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {headers(before)}
            <th scope="col">氏名</th>
            <th scope="col">ふりがな</th>
            <th scope="col">生年月日</th>
            {headers(after)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row)}>
              {cells(before, row, i)}
              <PersonCells person={person(row)}>{nameNote?.(row)}</PersonCells>
              {cells(after, row, i)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Persons to choose from (search results, likely duplicates), each row with its button. */
export function PersonTable({
  persons,
  caption,
  actionLabel,
  onAction,
  reasons,
}: {
  persons: Person[];
  caption: string;
  actionLabel: string;
  onAction: (p: Person) => void;
  reasons?: Map<string, string[]>;
}) {
  return (
    <PersonRowsTable
      caption={`${caption}（${persons.length}件）`}
      rows={persons}
      rowKey={(p) => p.id}
      person={(p) => p}
      after={[
        { header: "住所", cell: (p) => p.address ?? <span className="muted">－</span> },
        ...(reasons ? [{ header: "似ている点", cell: (p: Person) => (reasons.get(p.id) ?? []).join("、") }] : []),
        {
          header: "操作",
          cell: (p) => (
            <button type="button" className="button secondary small" onClick={() => onAction(p)}>
              {actionLabel}
              <span className="visually-hidden">：{p.nameKanji ?? p.nameKana}</span>
            </button>
          ),
        },
      ]}
    />
  );
}
