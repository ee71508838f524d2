import { useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "../../../api";
import { caseKeys } from "../../../support/queries";
import type { CaseDetail } from "../../../types";

export type Notice = { kind: "success" | "warning"; text: string } | null;
const STALE_TEXT =
  "他の人が先にこのケースを更新しました。最新の内容を読み込みました。内容を確かめてから、もう一度操作してください。";

/** A write on the case with its version (If-Match); 412 reloads the case and says so. */
export function useCaseWrite(c: CaseDetail, setNotice: (n: Notice) => void) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
  return async (
    path: string,
    method: "POST" | "PATCH" | "DELETE",
    body: unknown,
    done: string,
  ): Promise<{ ok: true } | { ok: false; error: unknown }> => {
    try {
      await api(`/api/cases/${encodeURIComponent(c.id)}${path}`, { method, body, version: c.version });
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ["support", "cases"] });
      setNotice({ kind: "success", text: done });
      return { ok: true };
    } catch (error) {
      if (error instanceof ApiError && error.isStale) {
        await refresh();
        setNotice({ kind: "warning", text: STALE_TEXT });
        return { ok: true };
      }
      return { ok: false, error };
    }
  };
}
