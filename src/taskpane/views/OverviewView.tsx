/** 概览: counts by status in the traffic-light colours, by section, and the 逾期 / 临期 lists. */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { LedgerItem } from "../../app/ledger-snapshot";
import { STATUS_ORDER, type SectionCounts, type StatusCounts } from "../../domain/overview";
import { PANE_STATUS_COLOURS } from "../status-colours";
import { STRINGS } from "../strings";
import { ItemList, Section } from "./parts";
import type { ViewProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "16px" },
  tiles: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(52px, 1fr))", gap: "6px" },
  tile: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: "6px 2px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold, lineHeight: tokens.lineHeightBase500 },
  bars: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  barHead: { display: "flex", justifyContent: "space-between", gap: "8px" },
  bar: {
    display: "flex",
    height: "10px",
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/** The colour of a status segment in a bar (办理中: the theme's neutral). */
function segmentColour(status: (typeof STATUS_ORDER)[number]): string {
  return PANE_STATUS_COLOURS[status]?.font ?? tokens.colorNeutralForeground3;
}

/** The overview's lists: which items, the list's title, and what it says when there are none. */
const LISTS = [
  { items: "overdue", title: STRINGS.overdueList, empty: STRINGS.noneOverdue },
  { items: "dueSoon", title: STRINGS.dueSoonList, empty: STRINGS.noneDueSoon },
] as const;

export function OverviewView({ pane, goTo }: ViewProps) {
  const styles = useStyles();
  const ledger = pane.ledger;
  if (!ledger) return null;
  const { overview } = ledger;
  const several = ledger.ledgerSheets.length > 1;
  const open = (item: LedgerItem) => {
    pane.show({ sheet: item.sheet, row: item.row, toCol: item.lastCol });
    goTo("item");
  };
  return (
    <div className={styles.root}>
      <Section title={STRINGS.countsTitle(overview.total)}>
        <StatusTiles counts={overview.counts} />
      </Section>
      {LISTS.map(({ items, title, empty }) => (
        <ItemList key={items} title={title} items={overview[items]} empty={empty} onSelect={open} showSheet={several} />
      ))}
      <Section title={STRINGS.bySection}>
        <SectionBars sections={overview.sections} />
      </Section>
    </div>
  );
}

/** One tile per status: the count in the status's traffic-light colours. */
function StatusTiles({ counts }: { readonly counts: StatusCounts }) {
  const styles = useStyles();
  return (
    <div className={styles.tiles} role="list">
      {STATUS_ORDER.map((status) => {
        const colours = PANE_STATUS_COLOURS[status];
        return (
          <div
            key={status}
            role="listitem"
            className={styles.tile}
            data-status={status}
            style={
              colours ? { backgroundColor: colours.fill, color: colours.font, borderColor: colours.fill } : undefined
            }
          >
            <span className={styles.count}>{counts[status]}</span>
            <span>{STRINGS.statusNames[status]}</span>
          </div>
        );
      })}
    </div>
  );
}

/** One bar per section, as long as its items relative to the largest section, in status segments. */
function SectionBars({ sections }: { readonly sections: readonly SectionCounts[] }) {
  const styles = useStyles();
  const widest = Math.max(...sections.map((s) => s.total), 1);
  return (
    <ul className={styles.bars}>
      {sections.map((s) => {
        const openCount = s.counts.逾期 + s.counts.临期 + s.counts.办理中;
        return (
          <li key={s.section} data-section={s.section}>
            <div className={styles.barHead}>
              <span>{s.section}</span>
              <Caption1>{STRINGS.sectionOpen(openCount, s.total)}</Caption1>
            </div>
            <div
              className={styles.bar}
              style={{ width: `${Math.max(8, (s.total / widest) * 100)}%` }}
              role="img"
              aria-label={STRINGS.sectionBar(
                s.section,
                STATUS_ORDER.map((st) => STRINGS.statusCount(STRINGS.statusNames[st], s.counts[st])),
              )}
            >
              {STATUS_ORDER.filter((st) => s.counts[st] > 0).map((st) => (
                <span key={st} style={{ flexGrow: s.counts[st], backgroundColor: segmentColour(st) }} />
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
