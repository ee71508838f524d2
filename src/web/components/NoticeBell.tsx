import { Link } from "@tanstack/react-router";
import { useNotices } from "../pages/notices/noticeQueries";

/** The header's お知らせ link with the unread count in its name (「お知らせ（未読3件）」), on every signed-in page. */
export function NoticeBell() {
  const notices = useNotices(0, 1);
  const unread = notices.data?.unread ?? 0;
  const name = unread > 0 ? `お知らせ（未読${unread}件）` : "お知らせ";
  return (
    <Link to="/notices" className="button secondary small notice-bell" aria-label={name}>
      {/* drawn, not an emoji: the offices' PCs often have no emoji font and showed an empty box */}
      <svg className="notice-bell-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v2.8l1.2 1.7H2.3l1.2-1.7V7.5A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1ZM6.3 13h3.4a1.7 1.7 0 0 1-3.4 0Z"
        />
      </svg>
      <span aria-hidden="true">お知らせ</span>
      {unread > 0 ? (
        <span className="notice-count" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
