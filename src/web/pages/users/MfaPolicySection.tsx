import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useSubmit } from "../../forms/useSubmit";
import type { MfaPolicy, MfaPolicyInput, MfaPolicySetting } from "../../types";

const policyKey = ["settings", "mfa"] as const;

/**
 * The municipality's setting for the plan side's accounts (administrators and the support side must always use a
 * second factor); changed by the plan office, audited.
 */
export function MfaPolicySection() {
  const [staleNotice, setStaleNotice] = useState(false);
  const setting = useQuery({
    queryKey: policyKey,
    queryFn: () => api<{ policy: MfaPolicySetting }>("/api/settings/mfa"),
  });
  const save = useSubmit({
    // the version read with the setting: a change someone made meanwhile is refused and the setting read again
    send: (planSide: MfaPolicy) =>
      api("/api/settings/mfa", {
        method: "PUT",
        body: { planSide } satisfies MfaPolicyInput,
        version: setting.data?.policy.version,
      }),
    invalidates: [policyKey],
    onDone: () => setStaleNotice(false),
    // someone changed the setting since it was read: show theirs, and say so, rather than an error to reload for
    onStale: async () => {
      await setting.refetch();
      setStaleNotice(true);
    },
  });
  const current = setting.data?.policy.planSide;
  return (
    <section aria-labelledby="mfa-policy-title">
      <h2 id="mfa-policy-title">二段階認証の設定</h2>
      <p>
        システム管理者と支援側のすべての利用者は、二段階認証が必須です。計画側の利用者（計画所管課・担当課・閲覧者）について選べます。
      </p>
      <ErrorAlert error={setting.error ?? save.error} />
      <div aria-live="polite">
        {staleNotice ? (
          <p className="notice warning">
            他の人が先にこの設定を変更しました。いまの設定を表示しています。変えるときは、もう一度選んでください。
          </p>
        ) : null}
      </div>
      <fieldset disabled={!current || save.busy}>
        <legend>計画側の利用者の二段階認証</legend>
        {(
          [
            ["optional", "任意（各自がアカウント画面で登録できます）"],
            ["required", "必須（未登録の利用者は次のログインで登録します）"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name="mfa-policy"
              value={value}
              checked={current === value}
              onChange={() => void save.run(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
