import type { ReactNode } from "react";

/** A table of one row of counts, each under its heading (変更の件数, 目標の種類ごとの件数). */
export function CountTable<K extends string>({
  caption,
  className = "data",
  items,
  counts,
}: {
  caption: ReactNode;
  className?: string;
  /** key of the count and its heading, in the order shown */
  items: readonly (readonly [K, string])[];
  counts: Record<K, number>;
}) {
  return (
    <div className="table-wrap">
      <table className={className}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {items.map(([k, label]) => (
              <th key={k} scope="col" className="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {items.map(([k]) => (
              <td key={k} className="num">
                {counts[k]}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** 読み取った件数 of an imported document: one row of what was read, each under its heading. */
export function ReadCountTable({ cells }: { cells: readonly (readonly [string, ReactNode])[] }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>読み取った件数</caption>
        <thead>
          <tr>
            {cells.map(([heading]) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {cells.map(([heading, value]) => (
              <td key={heading} className="num">
                {value}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
