import { getRouteApi } from "@tanstack/react-router";
import { can } from "../../access";
import { ApiError } from "../../api";
import { ErrorAlert, fieldErrorMap } from "../../components/ErrorAlert";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { usePaper } from "../../components/usePaper";
import { useAuditEntries, useSession, useUserAccounts } from "../../queries";
import { AuditFilterForm, actorLabel, describeFilter } from "./AuditFilterForm";
import { AuditTable } from "./AuditTable";

const route = getRouteApi("/audit");

export function AuditTrailPage() {
  usePaper("a4-landscape");
  usePageTitle("監査ログ");
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const session = useSession();
  // the screen is opened only by those the access table lets read the trail (each its own side)
  const allowed = can(session.data, "GET /api/audit/entries");
  const users = useUserAccounts();
  const entries = useAuditEntries(search, allowed);

  const rows = entries.data?.pages.flatMap((p) => p.entries) ?? [];
  const actorName = new Map((users.data ?? []).map((u) => [u.id, actorLabel(u)]));

  return (
    <>
      <h1>監査ログ</h1>
      <p className="lead no-print">
        だれが・いつ・どこから・何を見たか（変更したか）を調べます。対象（つなぐシートなど）・操作した人・期間・操作の種類で絞り込めます。この画面での照会も記録されます。
      </p>
      <AuditFilterForm
        search={search}
        errors={fieldErrorMap(entries.error)}
        users={users.data ?? []}
        onSearch={(next) => void navigate({ search: next })}
      />
      <p className="print-only">条件: {describeFilter(search, actorName)}</p>
      {entries.isPending && entries.fetchStatus !== "idle" ? <Loading /> : null}
      {entries.error ? (
        entries.error instanceof ApiError && entries.error.status === 400 ? (
          <ErrorAlert error={entries.error} title="検索の条件を確かめてください" />
        ) : (
          <QueryError error={entries.error} />
        )
      ) : null}
      {entries.data ? (
        <section aria-labelledby="audit-result-title">
          <div className="page-actions no-print">
            <button type="button" className="button secondary" onClick={() => window.print()}>
              印刷（A4横）
            </button>
          </div>
          <h2 id="audit-result-title" aria-live="polite">
            記録 {rows.length}件{entries.hasNextPage ? "（さらに古い記録があります）" : ""}
          </h2>
          {rows.length === 0 ? (
            <p>条件に合う記録はありません。</p>
          ) : (
            <AuditTable
              rows={rows}
              onTarget={(entityType, entityId) => void navigate({ search: { entityType, entityId } })}
            />
          )}
          {entries.hasNextPage ? (
            <div className="page-actions no-print">
              <button
                type="button"
                className="button secondary"
                disabled={entries.isFetchingNextPage}
                onClick={() => void entries.fetchNextPage()}
              >
                {entries.isFetchingNextPage ? "読み込んでいます…" : "さらに古い記録を読み込む"}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
