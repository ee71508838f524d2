import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useCallback } from "react";
import { ApiError } from "../api";
import { fieldErrorMap } from "../components/ErrorAlert";

export interface SubmitOptions<TInput, TResult> {
  /** the request: one api() call (or a few in order) */
  send: (input: TInput) => Promise<TResult>;
  /** queries whose data the write changes: refetched before onDone runs, so the screen shows the saved state */
  invalidates?: readonly QueryKey[] | ((result: TResult, input: TInput) => readonly QueryKey[]);
  /** after a successful write (and the invalidations) */
  onDone?: (result: TResult, input: TInput) => void | Promise<void>;
  /**
   * What a 412 does when the form does not offer a reload itself (e.g. reload the record and say so). With it a 412
   * is not a failure: `error` and `stale` stay empty and `run` resolves to undefined once this has finished.
   */
  onStale?: (input: TInput) => void | Promise<void>;
  /** after a failure that is shown (e.g. empty the password field, go back to the step the field is on) */
  onError?: (error: unknown, input: TInput) => void;
}

/** a form without input (TInput void) submits with no argument */
type SubmitInput<TInput> = undefined extends TInput
  ? [input?: TInput | (() => TInput)]
  : [input: TInput | (() => TInput)];

export interface Submit<TInput, TResult> {
  /** a request is on its way: buttons are disabled and say so */
  busy: boolean;
  /** the last failure (ApiError or network error), cleared when a new request starts */
  error: unknown;
  /** field name → the server's message for it (400 with field errors) */
  fields: Record<string, string>;
  /** 412: someone saved first; the form offers to reload and keeps what was typed */
  stale: boolean;
  /** sends; resolves to the result, or undefined when it failed (the failure is in `error`) */
  run: (input: TInput) => Promise<TResult | undefined>;
  /** an onSubmit handler: prevents the browser's submit, then runs with the input read at submit time */
  onSubmit: (...input: SubmitInput<TInput>) => (e: FormEvent) => void;
  /** forgets the last failure (after a reload, or when the form is closed) */
  clear: () => void;
}

/**
 * The web's one way to send a form: busy state, the failure with its field messages, 412 told apart, and the
 * queries the write changed refetched. Built on TanStack Query's useMutation so that every write goes the same path.
 */
export function useSubmit<TInput = void, TResult = unknown>(
  options: SubmitOptions<TInput, TResult>,
): Submit<TInput, TResult> {
  const queryClient = useQueryClient();
  const { send, invalidates, onDone, onStale, onError } = options;
  const mutation = useMutation<TResult, unknown, TInput>({
    mutationFn: send,
    onSuccess: async (result, input) => {
      const keys = typeof invalidates === "function" ? invalidates(result, input) : (invalidates ?? []);
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      await onDone?.(result, input);
    },
    // awaited before the mutation settles, so the form stays busy while the latest state is read
    onError: async (error, input) => {
      if (onStale && isStale(error)) await onStale(input);
      else onError?.(error, input);
    },
  });
  const { mutateAsync, reset } = mutation;
  const run = useCallback(
    async (input: TInput) => {
      try {
        return await mutateAsync(input);
      } catch {
        return undefined;
      }
    },
    [mutateAsync],
  );
  const onSubmit = useCallback(
    (...[input]: SubmitInput<TInput>) =>
      (e: FormEvent) => {
        e.preventDefault();
        void run((typeof input === "function" ? (input as () => TInput)() : input) as TInput);
      },
    [run],
  );
  const error = onStale && isStale(mutation.error) ? null : (mutation.error ?? null);
  return {
    busy: mutation.isPending,
    error,
    fields: fieldErrorMap(error),
    stale: isStale(error),
    run,
    onSubmit,
    clear: reset,
  };
}

const isStale = (error: unknown) => error instanceof ApiError && error.isStale;
