import { getRouteApi } from "@tanstack/react-router";
import { Loading, QueryError } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { useSheet } from "../../planQueries";
import { SheetEditor } from "./SheetEditor";

const route = getRouteApi("/sheets/$sheetId");

export function SheetPage() {
  const { sheetId } = route.useParams();
  const sheet = useSheet(sheetId);
  usePageTitle(sheet.data ? `評価表: ${sheet.data.item?.title ?? ""}` : "評価表");
  if (sheet.isPending) return <Loading />;
  if (sheet.error) return <QueryError error={sheet.error} />;
  return <SheetEditor key={sheetId} initial={sheet.data} />;
}
