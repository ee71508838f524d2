import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatJapaneseMonth } from "../../../domain/japanese-date";
import { ROADMAP_FIELD_LABELS as L } from "../../../domain/labels/roadmaps";
import { api } from "../../api";
import { Checkbox, TextAreaField } from "../../components/FormField";
import { SubmitFailure } from "../../components/StaleNotice";
import { useSubmit } from "../../forms/useSubmit";
import type { Roadmap, RoadmapMonth } from "../../types";

export const roadmapKey = (roadmapId: string) => ["roadmap", roadmapId] as const;

/**
 * One month's progress as the responsible department enters it: the actual per stream, whether the month slipped
 * and why. Saved at the version shown (If-Match); when someone saved first, the latest version is offered.
 */
export function MonthEditor({
  roadmap,
  month,
  onClose,
  onSaved,
}: {
  roadmap: Roadmap;
  month: RoadmapMonth;
  onClose: () => void;
  onSaved: (label: string) => void;
}) {
  const titleId = useId();
  const queryClient = useQueryClient();
  const label = formatJapaneseMonth(month.month);
  const [actual, setActual] = useState<Record<string, string>>(
    Object.fromEntries(roadmap.streams.map((s) => [s, month.actual.find((a) => a.stream === s)?.text ?? ""])),
  );
  const [slipped, setSlipped] = useState(month.slipped);
  const [slipNote, setSlipNote] = useState(month.slipNote ?? "");
  const save = useSubmit({
    send: () =>
      api(`/api/roadmaps/${roadmap.id}/months/${month.month}`, {
        method: "PATCH",
        version: month.version,
        body: {
          actual: roadmap.streams.map((stream) => ({ stream, text: actual[stream] ?? "" })),
          slipped,
          slipNote: slipped ? slipNote : null,
        },
      }),
    invalidates: [roadmapKey(roadmap.id)],
    onDone: () => onSaved(label),
  });

  return (
    <section className="block no-print" aria-labelledby={titleId}>
      <h2 id={titleId}>{label}の実績の記入</h2>
      <form onSubmit={save.onSubmit()} noValidate>
        {roadmap.streams.map((stream) => (
          <TextAreaField
            key={stream}
            label={`${L.actual}（${stream}）`}
            value={actual[stream] ?? ""}
            onChange={(text) => setActual((was) => ({ ...was, [stream]: text }))}
            rows={2}
            error={save.fields.actual}
          />
        ))}
        <Checkbox label={`${L.slipped}がある`} checked={slipped} onChange={setSlipped} />
        {slipped ? (
          <TextAreaField
            label={L.slipNote}
            value={slipNote}
            onChange={setSlipNote}
            rows={2}
            error={save.fields.slipNote}
          />
        ) : null}
        <SubmitFailure
          save={save}
          title="保存できませんでした"
          onReload={async () => {
            save.clear();
            await queryClient.invalidateQueries({ queryKey: roadmapKey(roadmap.id) });
          }}
        />
        <div className="page-actions">
          <button type="submit" className="button" disabled={save.busy}>
            {save.busy ? "保存しています…" : "保存"}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            閉じる
          </button>
        </div>
      </form>
    </section>
  );
}
