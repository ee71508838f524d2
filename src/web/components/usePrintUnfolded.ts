import { useEffect } from "react";

/**
 * Opens every fold marked `data-print-open` while the page prints and closes again the ones it opened: a printed
 * case file shows its histories, the screen keeps them folded. (CSS cannot open a <details>.)
 */
export function usePrintUnfolded() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>("details[data-print-open]:not([open])")];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
}
