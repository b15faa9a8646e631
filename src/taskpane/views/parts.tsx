/** Small pieces the views share: a status badge, an item line, a section heading, a form, a message. */
import type { ReactNode } from "react";
import {
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
  type MessageBarIntent,
} from "@fluentui/react-components";
import type { LedgerItem } from "../../app/ledger-snapshot";
import { formatChineseDate } from "../../domain/dates";
import type { Status } from "../../domain/model";
import { PANE_STATUS_COLOURS } from "../status-colours";
import { STRINGS } from "../strings";

const useStyles = makeStyles({
  badge: {
    display: "inline-block",
    padding: "0 6px",
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    width: "100%",
    textAlign: "start",
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    font: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  line: { display: "flex", gap: "6px", alignItems: "baseline", flexWrap: "wrap" },
  content: { overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  lines: { margin: "4px 0 0", paddingLeft: "18px", maxHeight: "320px", overflowY: "auto", overflowWrap: "anywhere" },
});

/** The detail lines of an outcome, as a list (nothing when there are none). */
export function OutcomeLines({ lines }: { readonly lines: readonly string[] }) {
  const styles = useStyles();
  if (lines.length === 0) return null;
  return (
    <ul className={styles.lines}>
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

/** A status in its traffic-light colours. */
export function StatusBadge({ status }: { readonly status: Status }) {
  const styles = useStyles();
  const colours = PANE_STATUS_COLOURS[status];
  return (
    <span
      className={styles.badge}
      style={colours ? { backgroundColor: colours.fill, color: colours.font, borderColor: colours.fill } : undefined}
    >
      {STRINGS.statusNames[status]}
    </span>
  );
}

/** The text of an item's content: never a classified item's content, never markup (React escapes it). */
export function itemContent(item: LedgerItem): string {
  return item.classified ? STRINGS.classified : item.content;
}

export function shortDate(date: string | null): string {
  return date === null ? "—" : formatChineseDate(date);
}

/** What a click on an item does, and how its place is named. */
interface ItemSelection {
  readonly onSelect: (item: LedgerItem) => void;
  /** Name the item's sheet (the workbook keeps several ledger sheets). */
  readonly showSheet?: boolean;
}

/** One item as a button: number and status, content, host unit, deadline and working days. */
export function ItemButton({ item, onSelect, showSheet = false }: ItemSelection & { readonly item: LedgerItem }) {
  const styles = useStyles();
  return (
    <button type="button" className={styles.item} onClick={() => onSelect(item)} data-row={item.row}>
      <span className={styles.line}>
        <strong>{item.number || STRINGS.unnumbered}</strong>
        <StatusBadge status={item.status} />
        <Caption1>{STRINGS.itemPlace(showSheet ? item.sheet : null, item.row, item.lastRow)}</Caption1>
      </span>
      <span className={styles.content}>{itemContent(item)}</span>
      <Caption1 className={styles.line}>
        <span>{STRINGS.field(STRINGS.columns.hostUnit, item.hostUnit || item.section || "—")}</span>
        <span>{STRINGS.field(STRINGS.columns.deadline, shortDate(item.deadline))}</span>
        <span>{STRINGS.daysLeft(item.workingDaysLeft)}</span>
      </Caption1>
    </button>
  );
}

/** Items a list shows before saying how many more there are (the rest are a click away in Excel). */
export const LIST_LIMIT = 50;

interface ItemListProps extends ItemSelection {
  readonly title: string;
  readonly items: readonly LedgerItem[];
  /** Said when there are no items. */
  readonly empty: string;
}

/** A titled list of items (the first LIST_LIMIT). */
export function ItemList(props: ItemListProps) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={props.title}>
      <Subtitle2 as="h2">{STRINGS.listTitle(props.title, props.items.length)}</Subtitle2>
      {props.items.length === 0 ? (
        <Caption1>{props.empty}</Caption1>
      ) : (
        <ul className={styles.list}>
          {props.items.slice(0, LIST_LIMIT).map((item) => (
            <li key={`${item.sheet}:${item.row}`}>
              <ItemButton item={item} onSelect={props.onSelect} showSheet={props.showSheet} />
            </li>
          ))}
        </ul>
      )}
      {props.items.length > LIST_LIMIT && <Caption1>{STRINGS.moreItems(props.items.length - LIST_LIMIT)}</Caption1>}
    </section>
  );
}

/**
 * Options whose text is their value (names, years, fixed wordings) for a Select.
 * @example <Select><ValueOptions values={["区委办", "区政府办"]} /></Select>
 */
export function ValueOptions({ values }: { readonly values: readonly (string | number)[] }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </>
  );
}

/** A view section with a heading. */
export function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const styles = useStyles();
  return (
    <section className={mergeClasses(styles.section, className)} aria-label={title}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {children}
    </section>
  );
}

/** A labelled form that stays on the page: submitting runs `onSubmit` instead of navigating. */
export function PaneForm(props: {
  readonly label: string;
  readonly className: string;
  readonly onSubmit: () => void;
  readonly children: ReactNode;
}) {
  return (
    <form
      className={props.className}
      aria-label={props.label}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

/** A multiline message bar: its title, then the body, then the actions (buttons) if any. */
export function TitledMessage(props: {
  readonly intent: MessageBarIntent;
  readonly testId: string;
  readonly title: string;
  readonly children: ReactNode;
  readonly actions?: ReactNode;
}) {
  return (
    <MessageBar intent={props.intent} data-testid={props.testId} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.children}
      </MessageBarBody>
      {props.actions !== undefined && <MessageBarActions>{props.actions}</MessageBarActions>}
    </MessageBar>
  );
}
