import { useQuery } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import type { MouseEvent } from "react";
import { formatJapaneseDate } from "../../../domain/japanese-date";
import { api } from "../../api";
import { PageHeading } from "../../components/PageHeading";
import { QueryStatus } from "../../components/Status";
import { fyLabel } from "../../format";
import type { Home, HomeItem, HomeSection } from "../../types";
import { DeadlineLine } from "../evaluations/RoundDeadlines";

/** Read afresh on each visit: the counts are what waits now. */
function useHome() {
  return useQuery({
    queryKey: ["home"],
    queryFn: () => api<{ home: Home }>("/api/home").then((r) => r.home),
    staleTime: 0,
  });
}

/** ホーム: what needs the account now, as counts, each a link to the screen that lists them. */
export function HomePage() {
  const home = useHome();
  return (
    <>
      <PageHeading title="ホーム">
        いま対応が必要なことの件数です。件数を選ぶと、その一覧を開きます。
        {home.data ? `（${formatJapaneseDate(home.data.today)}現在）` : null}
      </PageHeading>
      <QueryStatus query={home} />
      {home.data && home.data.sections.length === 0 ? <p>いま表示できる件数はありません。</p> : null}
      {home.data?.sections.map((section) => (
        <Section key={section.key} section={section} />
      ))}
    </>
  );
}

function Section({ section }: { section: HomeSection }) {
  const headingId = `home-${section.key.replaceAll(":", "-")}`;
  const title = section.fiscalYear === null ? section.title : `${section.title}（${fyLabel(section.fiscalYear)}）`;
  return (
    <section className="home-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {section.deadlines.length > 0 ? (
        <dl className="deadline-list">
          {section.deadlines.map((d) => (
            <DeadlineLine key={d.label} label={d.label} day={d.day} />
          ))}
        </dl>
      ) : null}
      <ul className="home-items">
        {section.items.map((item) => (
          <li key={item.link} className={item.attention ? "home-item attention" : "home-item"}>
            <ItemLink item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The count and what it counts in one link, so the link's name says both (e.g. 「差戻しの評価表 2件」). */
function ItemLink({ item }: { item: HomeItem }) {
  const router = useRouter();
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // a plain click stays in the app; a click asking for a new tab or window is the browser's
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.history.push(item.link);
  };
  return (
    <a href={item.link} onClick={open}>
      <span className="home-label">{item.label}</span>{" "}
      <span className="home-count">
        <strong>{item.count}</strong>件
      </span>
      {item.attention ? <span className="home-flag">（要対応）</span> : null}
    </a>
  );
}
