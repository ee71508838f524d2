import {
  createColumnHelper,
  createSortedRowModel,
  type RowData,
  rowSortingFeature,
  type SortFn,
  type SortingState,
  type TableOptions,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";

/** The table features of a list sorted by its column headers (TanStack Table). */
export const sortableFeatures = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
type Features = typeof sortableFeatures;

/** The column helper of a sortable table of T. */
export const sortableColumns = <T extends RowData>() => createColumnHelper<Features, T>();

/** Orders a column by its text as Japanese readers expect; `numeric` puts 1-2 before 1-10 (item codes). */
export function textSort<T extends RowData>(numeric = false): SortFn<Features, T> {
  return (a, b, id) =>
    String(a.getValue(id) ?? "").localeCompare(
      String(b.getValue(id) ?? ""),
      "ja",
      numeric ? { numeric: true } : undefined,
    );
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
const SORT_MARK = { asc: "▲", desc: "▼" } as const;

/**
 * A list whose column headers sort it: each sortable header is a button (keyboard and screen readers reach it as
 * any button), the column sorted carries aria-sort, and the number of rows is announced as it changes.
 */
export function SortableTable<T extends RowData>({
  rows,
  columns,
  caption,
  captionHidden = false,
  className = "data",
  empty,
  initialSorting,
  rowClassName,
}: {
  rows: T[];
  columns: TableOptions<Features, T>["columns"];
  /** what the table lists; the caption adds how to sort it */
  caption: string;
  captionHidden?: boolean;
  className?: string;
  /** said instead of the table when there are no rows */
  empty: string;
  initialSorting?: SortingState;
  rowClassName?: (row: T) => string | undefined;
}) {
  const table = useTable({
    features: sortableFeatures,
    columns,
    data: rows,
    ...(initialSorting ? { initialState: { sorting: initialSorting } } : {}),
  });
  if (!rows.length) return <p>{empty}</p>;
  return (
    <div className="table-wrap">
      <p className="muted small" aria-live="polite">
        {rows.length}件
      </p>
      <table className={className}>
        <caption className={captionHidden ? "visually-hidden" : undefined}>
          {caption}（列見出しのボタンで並べ替え）
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">{sorted ? SORT_MARK[sorted] : "⇅"}</span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={rowClassName?.(row.original)}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
