import { type KeyboardEvent, type ReactNode, useRef } from "react";

export interface Tab<K extends string> {
  key: K;
  label: string;
  /** a count or state shown after the label (e.g. 「3」), also read by screen readers */
  badge?: string | null;
  panel: ReactNode;
}

/**
 * Tabs as the WAI-ARIA pattern has them: one tab stop (the selected tab), arrow keys / Home / End move and select,
 * each panel labelled by its tab. Every panel stays mounted (a form half filled in one tab survives a look at
 * another) and is only hidden; print.css prints them all, one after the other, each under its tab's name.
 * `selected` and `onSelect` come from the page, so the choice can live in the URL.
 */
export function Tabs<K extends string>(props: {
  idBase: string;
  label: string;
  tabs: Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
}) {
  const { idBase, tabs, selected, onSelect } = props;
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const current = tabs.some((t) => t.key === selected) ? selected : tabs[0]?.key;

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const at = tabs.findIndex((t) => t.key === current);
    const to =
      e.key === "ArrowRight"
        ? (at + 1) % tabs.length
        : e.key === "ArrowLeft"
          ? (at - 1 + tabs.length) % tabs.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? tabs.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    const key = tabs[to]?.key;
    if (key === undefined) return;
    onSelect(key);
    buttons.current.get(key)?.focus();
  }

  return (
    <div className="tabs">
      <div role="tablist" aria-label={props.label} className="tab-list no-print" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            ref={(el) => {
              if (el) buttons.current.set(t.key, el);
              else buttons.current.delete(t.key);
            }}
            type="button"
            role="tab"
            id={`${idBase}-tab-${t.key}`}
            aria-selected={t.key === current}
            aria-controls={`${idBase}-panel-${t.key}`}
            tabIndex={t.key === current ? 0 : -1}
            className="tab"
            onClick={() => onSelect(t.key)}
          >
            {t.label}
            {t.badge ? <span className="tab-badge">{t.badge}</span> : null}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.key}
          role="tabpanel"
          id={`${idBase}-panel-${t.key}`}
          aria-labelledby={`${idBase}-tab-${t.key}`}
          className="tab-panel"
          hidden={t.key !== current}
        >
          <p className="print-only tab-print-title">{t.label}</p>
          {t.panel}
        </div>
      ))}
    </div>
  );
}
