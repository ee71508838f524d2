import { ApiError, errorMessage } from "../api";
import { usePageTitle } from "./usePageTitle";

export function Loading({ label = "読み込み中です…" }: { label?: string }) {
  return (
    <p role="status" className="muted">
      {label}
    </p>
  );
}

export function NotFound({ message }: { message?: string }) {
  usePageTitle("見つかりません");
  return (
    <>
      <h1>見つかりません</h1>
      <p>{message ?? "お探しのページ、または表示する権限のある情報が見つかりませんでした。"}</p>
    </>
  );
}

/** The error of a failed page load: 404 becomes the 見つかりません page, anything else an alert. */
export function QueryError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.isNotFound) return <NotFound message={error.message} />;
  return (
    <div className="alert" role="alert">
      <p className="alert-title">読み込めませんでした</p>
      <p>{errorMessage(error)}</p>
    </div>
  );
}

/** What a query shows before its answer: loading while it is asked (a disabled query is not), or its error. */
export function QueryStatus({ query }: { query: { isPending: boolean; fetchStatus: string; error: unknown } }) {
  return (
    <>
      {query.isPending && query.fetchStatus !== "idle" ? <Loading /> : null}
      {query.error ? <QueryError error={query.error} /> : null}
    </>
  );
}
