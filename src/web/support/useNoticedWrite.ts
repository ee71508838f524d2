import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { type Submit, useSubmit } from "../forms/useSubmit";
import type { Notice } from "./components";

/**
 * A write whose outcome the page says in its notice. Saved: the queries it changed are read again and the notice
 * says what was done. Someone saved first (412): what `stale.reload` names is read again and the notice says so. The
 * form closes either way (`onFinished`), as the state it was opened on is gone.
 */
export function useNoticedWrite<TInput = void>(
  setNotice: (n: Notice) => void,
  options: {
    send: (input: TInput) => Promise<unknown>;
    /** the queries the write changes */
    changes: readonly QueryKey[];
    /** what the notice says once it is saved */
    done: (input: TInput) => string;
    stale: { text: string; reload: readonly QueryKey[] };
    onFinished?: (() => void) | undefined;
  },
): Submit<TInput, unknown> {
  const queryClient = useQueryClient();
  const { send, changes, done, stale, onFinished } = options;
  return useSubmit<TInput, unknown>({
    send,
    invalidates: changes,
    onDone: (_result, input) => {
      setNotice({ kind: "success", text: done(input) });
      onFinished?.();
    },
    onStale: async () => {
      await Promise.all(stale.reload.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      setNotice({ kind: "warning", text: stale.text });
      onFinished?.();
    },
  });
}
