import { api } from "../../../../api";
import { ErrorAlert } from "../../../../components/ErrorAlert";
import type { Notice } from "../../../../components/NoticeArea";
import { useSubmit } from "../../../../forms/useSubmit";
import type { SupportPlan } from "../../../../types";
import { planKeys, planPath } from "./queries";

/** Starts a draft: a copy of the plan in force, or an empty one (an outreach plan while there is no consent). */
export function StartPlanButton({
  caseId,
  outreach,
  base,
  setNotice,
}: {
  caseId: string;
  outreach: boolean;
  base: SupportPlan | null;
  setNotice: (n: Notice) => void;
}) {
  const kind = outreach ? "outreach" : "support";
  const label = outreach ? "アウトリーチ支援プラン" : "支援プラン";
  const start = useSubmit({
    send: () => api<{ plan: SupportPlan }>(planPath(caseId), { method: "POST", body: { kind } }),
    invalidates: [planKeys.section(caseId)],
    onDone: ({ plan }) =>
      setNotice({ kind: "success", text: `${label}の第${plan.number}版（作成中）を作りました。編集してください。` }),
  });
  return (
    <div>
      <ErrorAlert error={start.error} title="プランを作れませんでした" />
      <p>
        <button type="button" className="button" disabled={start.busy} onClick={() => start.run()}>
          {base ? `${label}の新しい版を作成（第${base.number}版を写して始める）` : `${label}を作成`}
        </button>
      </p>
    </div>
  );
}
