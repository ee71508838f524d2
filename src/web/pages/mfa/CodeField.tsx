import { TextField } from "../../components/FormField";

/**
 * The 確認コード field of every second-factor form: the phone offers its numeric keyboard and may fill in a code it
 * received (one-time-code). Takes a draft field's props (`field("code")`).
 */
export function CodeField(props: { value: string; onChange: (value: string) => void; error?: string; hint?: string }) {
  return (
    <TextField label="確認コード" required {...props} autoComplete="one-time-code" inputMode="numeric" name="code" />
  );
}
