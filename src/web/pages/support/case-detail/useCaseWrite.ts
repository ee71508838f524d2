import type { QueryKey } from "@tanstack/react-query";
import { api } from "../../../api";
import type { Submit } from "../../../forms/useSubmit";
import type { Notice } from "../../../support/components";
import { caseKeys } from "../../../support/queries";
import { useNoticedWrite } from "../../../support/useNoticedWrite";
import type { CaseDetail } from "../../../types";

/** What every section of the case page is given: the case, and the page's notice to say what a change did. */
export interface CaseSectionProps {
  c: CaseDetail;
  setNotice: (n: Notice) => void;
}

/** A section whose changes the lead agency and the coordinators make (`manage`); the rest of the team reads it. */
export interface ManagedSectionProps extends CaseSectionProps {
  manage: boolean;
}

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
  const { request, invalidates = [], onFinished } = options;
  return useNoticedWrite<TInput>(setNotice, {
    send: (input) => {
      const { path, method, body } = request(input);
      return api(`/api/cases/${encodeURIComponent(c.id)}${path}`, { method, body, version: c.version });
    },
    changes: [caseKeys.detail(c.id), ["support", "cases"], ...invalidates],
    done: (input) => request(input).done,
    stale: { text: STALE_TEXT, reload: [caseKeys.detail(c.id)] },
    onFinished,
  });
}
