import { Link } from "@tanstack/react-router";
import { ATTAINMENT_LABELS, TARGET_KIND_LABELS } from "../../../domain/labels/indicators";
import { indicatorLabel } from "../../components/Indicators";
import { useUnclassifiedTargets } from "../../indicatorQueries";

/** Plan office: targets written as free text, which the indicators cannot decide (達成状況 要判定). */
export function UnclassifiedTargetList({ planId }: { planId: string }) {
  const unclassified = useUnclassifiedTargets(planId, true);
  if (!unclassified.data || unclassified.data.texts.length === 0) return null;
  const { counts, texts } = unclassified.data;
  return (
    <section aria-labelledby="unclassified-title" className="no-print">
      <h2 id="unclassified-title">数値・段階として読み取れない目標（{texts.length}種類）</h2>
      <p>
        文章の目標は、「目標を書き直す」から指標の目標の編集欄を開いて、数値（例: 15事業者以上）や段階（例:
        試行実施）で書き直すと自動で判定できるようになります。段階の名称は{" "}
        <Link to="/indicators/ladder" search={{ planId }}>
          段階（マイルストーン）の設定
        </Link>
        で追加できます。
      </p>
      <p>
        目標 {counts.total}件のうち、{TARGET_KIND_LABELS.numeric} {counts.numeric}件・{TARGET_KIND_LABELS.milestone}{" "}
        {counts.milestone}件は自動で判定できます。{TARGET_KIND_LABELS.asNeeded} {counts.asNeeded}
        件と次の文章の目標 {counts.text}件は、実績が入力されると「{ATTAINMENT_LABELS.manual}」になります。
      </p>
      <details>
        <summary>文章の目標を表示</summary>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">数値・段階として読み取れない目標</caption>
            <thead>
              <tr>
                <th scope="col">目標（原文）</th>
                <th scope="col" className="num">
                  件数
                </th>
                <th scope="col">指標（年度）</th>
                <th scope="col">書き直し</th>
              </tr>
            </thead>
            <tbody>
              {texts.map((t) => (
                <tr key={t.source}>
                  <td className="change-value">{t.source}</td>
                  <td className="num">{t.count}</td>
                  <td>
                    <ul className="compact-list">
                      {t.occurrences.slice(0, 5).map((o) => (
                        <li key={`${o.indicatorId}:${o.fiscalYear}`}>
                          <Link to="/indicators/$indicatorId" params={{ indicatorId: o.indicatorId }}>
                            {indicatorLabel(o.indicatorName)}
                          </Link>
                          （{o.fiscalYearLabel}
                          {o.item?.code ? `・${o.item.code}` : ""}）
                        </li>
                      ))}
                      {t.occurrences.length > 5 ? <li>ほか{t.occurrences.length - 5}件</li> : null}
                    </ul>
                  </td>
                  <td>
                    {t.occurrences[0] ? (
                      <Link
                        to="/indicators"
                        search={{
                          planId,
                          fy: t.occurrences[0].fiscalYear,
                          edit: t.occurrences[0].indicatorId,
                        }}
                        className="nowrap"
                      >
                        目標を書き直す
                        <span className="visually-hidden">
                          ：{indicatorLabel(t.occurrences[0].indicatorName)}（{t.occurrences[0].fiscalYearLabel}）「
                          {t.source}」
                        </span>
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
