import { useEffect, useState } from "react";
import { printMetaLine } from "../../domain/print-meta";

/**
 * 「作成日 令和8年12月7日　集計対象: …　状態: …」 above a printed table (print only: on screen the page is always
 * current). The day is taken again just before printing, so a page left open overnight prints the right date.
 */
export function PrintMeta({ scope, status }: { scope?: string | undefined; status?: string | undefined }) {
  const [createdAt, setCreatedAt] = useState(() => new Date());
  useEffect(() => {
    const refresh = () => setCreatedAt(new Date());
    window.addEventListener("beforeprint", refresh);
    return () => window.removeEventListener("beforeprint", refresh);
  }, []);
  return <p className="print-only print-meta">{printMetaLine({ createdAt, scope, status })}</p>;
}
