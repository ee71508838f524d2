import { Link } from "@tanstack/react-router";
import type { PlanShown } from "../types";

/** Whether the structure on screen may be changed here: the plan office, in its draft, or in a plan never approved. */
export function structureEditable(office: boolean, shown: PlanShown | undefined): boolean {
  return office && !!shown && (shown.kind === "draft" || shown.kind === "unapproved");
}

export const revisionName = (number: number | null, label: string | null) =>
  number === null ? "" : `第${number}版${label ? `「${label}」` : ""}`;

/**
 * Says which version of the plan the screen shows, and (to the plan office) where the version being drafted is:
 * approved is frozen, so a change is made in the draft and shows nowhere else until it is approved.
 */
export function RevisionBanner({
  shown,
  office,
  toDraft,
  toInForce,
}: {
  shown: PlanShown;
  office: boolean;
  /** the same screen on the draft (plan office) */
  toDraft: { to: string; search: Record<string, unknown> };
  /** the same screen on the revision in force */
  toInForce: { to: string; search: Record<string, unknown> };
}) {
  if (shown.kind === "unapproved") {
    return office ? (
      <p className="notice">
        この計画はまだ承認されていません（策定中）。変更はすぐに全員の画面に表示されます。最初の年度の評価を開始すると、この内容が第1版（策定時）として確定します。
      </p>
    ) : null;
  }
  if (shown.kind === "draft") {
    return (
      <div className="notice revision-draft" role="note" aria-label="改定案を表示中">
        <p>
          <strong>改定案（第{shown.number}版）</strong>
          を表示しています。ここでの変更は、承認するまで総括表・評価表・指標・書き出しなど他の画面には表示されません。
        </p>
        <p>
          <Link to={toInForce.to} search={toInForce.search}>
            施行中の版を表示
          </Link>
          {" ／ "}
          <Link to="/revisions">改定の画面（差分・承認）</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="notice" role="note" aria-label="施行中の版">
      <p>
        施行中の版（{revisionName(shown.number, shown.label)}）を表示しています。
        {office && shown.draftNumber === null ? "構成・指標・目標を変えるには、改定の画面で改定を始めてください。" : ""}
      </p>
      {office ? (
        <p>
          {shown.draftNumber !== null ? (
            <Link to={toDraft.to} search={toDraft.search}>
              改定案（第{shown.draftNumber}版）を表示・編集する
            </Link>
          ) : (
            <Link to="/revisions">改定の画面へ</Link>
          )}
        </p>
      ) : null}
    </div>
  );
}
