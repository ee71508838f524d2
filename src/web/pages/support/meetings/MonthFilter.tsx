import { useState } from "react";
import { formatJapaneseMonth } from "../../../../domain/japanese-date";
import { MONTH_EXAMPLES, readJapaneseMonth, shiftMonth } from "../../../../domain/japanese-month";
import { TextField } from "../../../components/FormField";

/**
 * The month a list shows: typed in 和暦 or 西暦 (full-width too), or stepped with 前の月 / 次の月; empty means every
 * month. Text that is not a month keeps the last month shown and says how to type one.
 */
export function MonthFilter({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const [text, setText] = useState(month ? formatJapaneseMonth(month) : "");
  const [error, setError] = useState<string | undefined>();
  const show = (next: string) => {
    setText(next ? formatJapaneseMonth(next) : "");
    setError(undefined);
    onChange(next);
  };
  const typed = (value: string) => {
    setText(value);
    if (!value.trim()) {
      setError(undefined);
      onChange("");
      return;
    }
    const read = readJapaneseMonth(value);
    setError(read.ok ? undefined : read.message);
    if (read.ok) onChange(read.month);
  };
  return (
    <div className="month-filter">
      <TextField
        label="月"
        hint={`${MONTH_EXAMPLES}（空欄ですべての月）`}
        value={text}
        onChange={typed}
        error={error}
      />
      <div className="support-actions">
        {month ? (
          <>
            <button type="button" className="button secondary" onClick={() => show(shiftMonth(month, -1))}>
              前の月（{formatJapaneseMonth(shiftMonth(month, -1))}）
            </button>
            <button type="button" className="button secondary" onClick={() => show(shiftMonth(month, 1))}>
              次の月（{formatJapaneseMonth(shiftMonth(month, 1))}）
            </button>
          </>
        ) : null}
        <button type="button" className="button secondary" onClick={() => show("")} disabled={!month}>
          すべての月
        </button>
      </div>
    </div>
  );
}
