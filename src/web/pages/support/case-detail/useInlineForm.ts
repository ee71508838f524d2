import { useRef, useState } from "react";

/**
 * A form that opens in place of the button that opens it. Opening resets it (`onOpen`) and puts the focus in it (its
 * first field, or what `focusIn` picks); closing gives the focus back to the button.
 */
export function useInlineForm(
  onOpen: () => void,
  focusIn: (form: HTMLFormElement) => HTMLElement | null = (form) => form.querySelector("input"),
) {
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const show = (on: boolean) => {
    setOpen(on);
    if (on) onOpen();
    requestAnimationFrame(() => {
      const form = formRef.current;
      (on ? form && focusIn(form) : openRef.current)?.focus();
    });
  };
  return { open, show, formRef, openRef };
}
