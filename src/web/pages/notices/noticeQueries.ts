import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import type { NoticePage } from "../../types";

export const NOTICES_PAGE_SIZE = 20;
const noticeKeys = { all: ["notices"] as const, page: (offset: number) => ["notices", offset] as const };

/** A page of the caller's notices with the unread count; read again every minute so the bell follows new ones. */
export function useNotices(offset = 0, limit = NOTICES_PAGE_SIZE) {
  return useQuery({
    queryKey: [...noticeKeys.page(offset), limit],
    queryFn: () => api<NoticePage>(`/api/notices?offset=${offset}&limit=${limit}`),
    staleTime: 15_000,
    refetchInterval: 60_000,
  });
}

/** Marks one notice read, or all of them; the bell and the list are read again after. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: noticeKeys.all });
  const one = useMutation({
    mutationFn: (id: string) => api(`/api/notices/${id}/read`, { method: "POST" }),
    onSettled: refresh,
  });
  const all = useMutation({
    mutationFn: () => api<{ marked: number }>("/api/notices/read-all", { method: "POST" }),
    onSettled: refresh,
  });
  return { one, all };
}
