import { useEffect } from "react";

/** The paper layouts print.css names (`@page <name>`). */
export type Paper = "a4-portrait" | "a4-landscape" | "a4-landscape-narrow";

/**
 * Prints the screen on the given paper while it is shown: the layout is named on <html> and print.css gives the
 * document that named page. A <style> element in the page would do the same, but the security policy allows
 * no inline styles.
 */
export function usePaper(paper: Paper) {
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.paper = paper;
    return () => {
      delete root.dataset.paper;
    };
  }, [paper]);
}
