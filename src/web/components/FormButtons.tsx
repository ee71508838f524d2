import type { ReactNode } from "react";
import { DialogActions } from "./Dialog";

/** The foot of a form on a page: the way back (or out) and the submit button, disabled while sending. */
export function FormButtons({
  back = "キャンセル",
  onBack,
  submit,
  busy = false,
}: {
  back?: string;
  onBack: () => void;
  submit: ReactNode;
  busy?: boolean;
}) {
  return (
    <DialogActions className="support-actions" onCancel={onBack} cancelLabel={back} action={submit} disabled={busy} />
  );
}
