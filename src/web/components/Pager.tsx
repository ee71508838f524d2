import { SelectField } from "./FormField";

/**
 * Where a page is in a long list, and the way to the other pages (previous / next and a chooser); shown only when
 * the list has more than one page.
 */
export function Pager({
  label,
  total,
  offset,
  shown,
  pageSize,
  onPage,
}: {
  /** what the list is, for the navigation's accessible name (e.g. 指標の一覧) */
  label: string;
  total: number;
  /** index of the first row shown */
  offset: number;
  /** rows on this page */
  shown: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  if (!pageSize || total <= pageSize) return null;
  const pages = Math.ceil(total / pageSize);
  const current = Math.floor(offset / pageSize) + 1;
  const n = (v: number) => v.toLocaleString("ja-JP");
  return (
    <nav className="pager no-print" aria-label={`${label}のページ`}>
      <p aria-live="polite">
        全{n(total)}件中 {n(offset + 1)}〜{n(Math.min(offset + shown, total))}件を表示（{current}/{pages}ページ）
      </p>
      <button
        type="button"
        className="button secondary small"
        disabled={current <= 1}
        onClick={() => onPage(current - 1)}
      >
        前のページ
      </button>
      <SelectField
        label="ページ"
        value={String(current)}
        onChange={(v) => onPage(Number(v))}
        options={Array.from({ length: pages }, (_, i) => ({
          value: String(i + 1),
          label: `${i + 1}ページ（${n(i * pageSize + 1)}〜${n(Math.min((i + 1) * pageSize, total))}件）`,
        }))}
      />
      <button
        type="button"
        className="button secondary small"
        disabled={current >= pages}
        onClick={() => onPage(current + 1)}
      >
        次のページ
      </button>
    </nav>
  );
}
