/**
 * The pane's tabs, as the WAI-ARIA tabs pattern (role tablist/tab, roving tabindex, arrow keys,
 * Home/End, automatic activation). Written here rather than Fluent's TabList: its focus manager
 * inserts focusable aria-hidden elements that axe-core reports as a serious violation.
 */
import { useRef, type KeyboardEvent } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ViewDef, ViewId } from "./views";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "wrap",
    gap: "2px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    border: "none",
    background: "none",
    font: "inherit",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
    padding: "6px 8px",
    cursor: "pointer",
    borderBottom: "3px solid transparent",
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `3px solid ${tokens.colorCompoundBrandStroke}`,
  },
});

export function ViewTabs(props: {
  readonly views: readonly ViewDef[];
  readonly selected: ViewId;
  readonly onSelect: (id: ViewId) => void;
  readonly label: string;
  readonly panelId: string;
}) {
  const styles = useStyles();
  const refs = useRef(new Map<ViewId, HTMLButtonElement>());
  const move = (e: KeyboardEvent, index: number) => {
    const n = props.views.length;
    const next =
      e.key === "ArrowRight"
        ? (index + 1) % n
        : e.key === "ArrowLeft"
          ? (index - 1 + n) % n
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? n - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    const id = props.views[next].id;
    props.onSelect(id);
    refs.current.get(id)?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} className={styles.list}>
      {props.views.map((v, i) => {
        const selected = v.id === props.selected;
        return (
          <button
            key={v.id}
            ref={(el) => {
              if (el) refs.current.set(v.id, el);
              else refs.current.delete(v.id);
            }}
            type="button"
            role="tab"
            id={`tab-${v.id}`}
            aria-selected={selected}
            aria-controls={props.panelId}
            tabIndex={selected ? 0 : -1}
            className={mergeClasses(styles.tab, selected && styles.selected)}
            onClick={() => props.onSelect(v.id)}
            onKeyDown={(e) => move(e, i)}
          >
            {v.label}
          </button>
        );
      })}
    </div>
  );
}
