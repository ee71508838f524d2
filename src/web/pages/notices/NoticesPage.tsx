import { useRouter } from "@tanstack/react-router";
import { type MouseEvent, useState } from "react";
import { formatJapaneseDateTime } from "../../../domain/japanese-date";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeading } from "../../components/PageHeading";
import { QueryStatus } from "../../components/Status";
import type { Notice } from "../../types";
import { NOTICES_PAGE_SIZE, useMarkRead, useNotices } from "./noticeQueries";

/** お知らせ: the caller's notices, newest first; each opens its subject (and is then read). */
export function NoticesPage() {
  const [offset, setOffset] = useState(0);
  const notices = useNotices(offset);
  const { one, all } = useMarkRead();
  const data = notices.data;
  return (
    <>
      <PageHeading title="お知らせ">
        評価表の差し戻し・承認、期限、つなぐシートの到着などのお知らせです。開くと既読になります。
      </PageHeading>
      <QueryStatus query={notices} />
      <ErrorAlert error={one.error ?? all.error} />
      {data ? (
        <p>
          {data.total}件（未読{data.unread}件）{" "}
          <button
            type="button"
            className="button secondary small"
            disabled={data.unread === 0 || all.isPending}
            onClick={() => all.mutate()}
          >
            すべて既読にする
          </button>
        </p>
      ) : null}
      {data && data.total === 0 ? <p>お知らせはありません。</p> : null}
      {data && data.notices.length > 0 ? (
        <ul className="notice-list">
          {data.notices.map((n) => (
            <NoticeRow key={n.id} notice={n} onRead={() => one.mutate(n.id)} busy={one.isPending} />
          ))}
        </ul>
      ) : null}
      {data && data.total > NOTICES_PAGE_SIZE ? (
        <nav aria-label="お知らせのページ" className="pager">
          <button
            type="button"
            className="button secondary small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - NOTICES_PAGE_SIZE))}
          >
            新しいお知らせ
          </button>{" "}
          <button
            type="button"
            className="button secondary small"
            disabled={offset + NOTICES_PAGE_SIZE >= data.total}
            onClick={() => setOffset(offset + NOTICES_PAGE_SIZE)}
          >
            古いお知らせ
          </button>
        </nav>
      ) : null}
    </>
  );
}

function NoticeRow({ notice, onRead, busy }: { notice: Notice; onRead: () => void; busy: boolean }) {
  const router = useRouter();
  const unread = notice.readAt === null;
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (unread) onRead();
    // a plain click stays in the app; a click asking for a new tab or window is the browser's
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.history.push(notice.link);
  };
  return (
    <li className={unread ? "notice unread" : "notice"}>
      {unread ? <span className="notice-flag">未読</span> : null}{" "}
      <a href={notice.link} onClick={open}>
        {notice.text}
      </a>{" "}
      <span className="notice-time">{formatJapaneseDateTime(notice.createdAt)}</span>
      {unread ? (
        <>
          {" "}
          <button
            type="button"
            className="button secondary small"
            disabled={busy}
            onClick={onRead}
            aria-label={`${notice.text}を既読にする`}
          >
            既読にする
          </button>
        </>
      ) : null}
    </li>
  );
}
