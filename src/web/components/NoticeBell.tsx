import { Link } from "@tanstack/react-router";
import { useNotices } from "../pages/notices/noticeQueries";

/** The header's お知らせ link with the unread count in its name (「お知らせ（未読3件）」), on every signed-in page. */
export function NoticeBell() {
  const notices = useNotices(0, 1);
  const unread = notices.data?.unread ?? 0;
  const name = unread > 0 ? `お知らせ（未読${unread}件）` : "お知らせ";
  return (
    <Link to="/notices" className="button secondary small notice-bell" aria-label={name}>
      <span aria-hidden="true">🔔 お知らせ</span>
      {unread > 0 ? (
        <span className="notice-count" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
