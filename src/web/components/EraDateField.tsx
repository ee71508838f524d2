import { DATE_EXAMPLES, formatJapaneseDate, readJapaneseDate } from "../../domain/japanese-date";
import { ApiError } from "../api";
import { TextField } from "./FormField";

/**
 * A day typed as people write it (和暦 or 西暦, full-width or not): the hint shows how it was read, so a typo in the
 * era is seen before saving. The form sends the ISO day (see typedDay); the server keeps ISO.
 */
export function EraDateField(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
}) {
  const reading = props.value.trim() === "" ? null : readJapaneseDate(props.value);
  const hint = reading?.ok
    ? `${formatJapaneseDate(reading.iso)}（${reading.iso}）と読み取りました`
    : `和暦でも西暦でも入力できます（${DATE_EXAMPLES}）`;
  return (
    <TextField
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      hint={hint}
      autoComplete="off"
    />
  );
}

/**
 * The ISO day of a typed date for the request body, null when blank. A date that cannot be read is refused here as
 * the server refuses a field (a field-named 400), so the form shows it the same way and sends nothing.
 */
export function typedDay(field: string, text: string): string | null {
  if (text.trim() === "") return null;
  const reading = readJapaneseDate(text);
  if (reading.ok) return reading.iso;
  throw new ApiError(400, "validation", "入力内容に誤りがあります", [{ field, message: reading.message }]);
}
