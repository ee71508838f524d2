import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../../api";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { SelectField } from "../../../components/FormField";
import { useSubmit } from "../../../forms/useSubmit";
import type { SuppressionSetting, SuppressionSettingInput } from "../../../types";

const settingKey = ["settings", "stats"] as const;
const CHOICES = [3, 4, 5, 6, 7, 8, 9, 10];

/**
 * The support-side administrator's setting: counts below the threshold are not shown to the plan side (and in the
 * operators' output). Saved as soon as it is chosen, audited; a change someone made meanwhile is shown, not undone.
 */
export function SuppressionSection() {
  const [staleNotice, setStaleNotice] = useState(false);
  const setting = useQuery({
    queryKey: settingKey,
    queryFn: () => api<{ setting: SuppressionSetting }>("/api/settings/stats"),
  });
  const save = useSubmit({
    send: (threshold: number) =>
      api("/api/settings/stats", {
        method: "PUT",
        body: { threshold } satisfies SuppressionSettingInput,
        version: setting.data?.setting.version,
      }),
    invalidates: [settingKey, ["stats"]],
    onDone: () => setStaleNotice(false),
    onStale: async () => {
      await setting.refetch();
      setStaleNotice(true);
    },
  });
  const current = setting.data?.setting.threshold;
  return (
    <section aria-labelledby="suppression-title" className="no-print">
      <h2 id="suppression-title">小さい件数の秘匿</h2>
      <p>計画側の利用者と運用コマンドには、この数より小さい件数（1以上）を「○未満」と表示します。</p>
      <ErrorAlert error={setting.error ?? save.error} />
      <div aria-live="polite">
        {staleNotice ? (
          <p className="notice warning">他の人が先にこの設定を変更しました。いまの設定を表示しています。</p>
        ) : null}
      </div>
      {current !== undefined ? (
        <SelectField
          label="秘匿の基準"
          value={String(current)}
          onChange={(v) => void save.run(Number(v))}
          options={CHOICES.map((n) => ({ value: String(n), label: `${n}未満を秘匿` }))}
        />
      ) : null}
    </section>
  );
}
