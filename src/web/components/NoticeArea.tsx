/** A message after a change: a success, or a warning (read out at once) when someone else changed it first. */
export type Notice = { kind: "success" | "warning"; text: string } | null;

/** Where a page says its notices: a live region that stays on screen, so each new notice is read out. */
export function NoticeArea({ notice }: { notice: Notice }) {
  return (
    <div aria-live="polite">
      {notice ? (
        <p className={`notice ${notice.kind}`} role={notice.kind === "warning" ? "alert" : undefined}>
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
