import type { useQueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import { userKeys } from "../../queries";
import type { UserAccount } from "../../types";

/** Reloads one account (after a 412) and hands back its latest version. */
export async function reloadUser(queryClient: ReturnType<typeof useQueryClient>, id: string) {
  const fresh = await queryClient.fetchQuery({
    queryKey: userKeys.users,
    queryFn: () => api<{ users: UserAccount[] }>("/api/users").then((r) => r.users),
    staleTime: 0,
  });
  return fresh.find((u) => u.id === id) ?? null;
}
