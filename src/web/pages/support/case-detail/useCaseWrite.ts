import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";
import { type Submit, useSubmit } from "../../../forms/useSubmit";
import { caseKeys } from "../../../support/queries";
import type { CaseDetail } from "../../../types";

export type Notice = { kind: "success" | "warning"; text: string } | null;
const STALE_TEXT =
  "他の人が先にこのケースを更新しました。最新の内容を読み込みました。内容を確かめてから、もう一度操作してください。";

/** One write on the case: where it goes and what the notice says once it is saved. */
export interface CaseWrite {
  path: string;
  method: "POST" | "PATCH" | "DELETE";
  body: unknown;
  done: string;
}

/**
 * A write on the case with its version (If-Match). Saved: the case (and the case list) are read again and the
 * notice says what changed. 412: the case is read again and the notice says so; the form closes either way
 * (`onFinished`), as the state it was opened on is gone.
 */
export function useCaseWrite<TInput = void>(
  c: CaseDetail,
  setNotice: (n: Notice) => void,
  options: {
    request: (input: TInput) => CaseWrite;
    /** other queries the write changes */
    invalidates?: readonly QueryKey[];
    onFinished?: () => void;
  },
): Submit<TInput, unknown> {
  const queryClient = useQueryClient();
  const { request, invalidates = [], onFinished } = options;
  return useSubmit<TInput, unknown>({
    send: (input) => {
      const { path, method, body } = request(input);
      return api(`/api/cases/${encodeURIComponent(c.id)}${path}`, { method, body, version: c.version });
    },
    invalidates: [caseKeys.detail(c.id), ["support", "cases"], ...invalidates],
    onDone: (_result, input) => {
      setNotice({ kind: "success", text: request(input).done });
      onFinished?.();
    },
    onStale: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      setNotice({ kind: "warning", text: STALE_TEXT });
      onFinished?.();
    },
  });
}
