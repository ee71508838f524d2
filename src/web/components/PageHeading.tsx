import type { ReactNode } from "react";
import { usePageTitle } from "./usePageTitle";

/** A screen's title (the heading and the browser's tab say the same) and its lead, the children, when it has one. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      {children ? <p className="lead">{children}</p> : null}
    </>
  );
}
