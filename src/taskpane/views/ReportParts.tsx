/**
 * Pieces of the 报告 view: the figures of a section (or the total) as a small grid of labelled
 * numbers — a table of nine columns does not fit a 320 px pane —, the overdue items, the units
 * that lost 评优评先 eligibility, and the accountability suggestions with a button each.
 */
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Figures } from "../../domain/analysis/figures";
import { rateText } from "../../domain/analysis/rate";
import type { Ineligibility } from "../../domain/accountability/eligibility";
import type { Suggestion } from "../../domain/accountability/suggest";
import { formatChineseDate } from "../../domain/dates";
import { REPORT } from "../strings";
import { LIST_LIMIT } from "./parts";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    columnGap: "10px",
    rowGap: "2px",
    margin: 0,
  },
  pair: { display: "flex", justifyContent: "space-between", gap: "6px" },
  heading: { margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  wrap: { overflowWrap: "anywhere" },
});

const FIGURE_KEYS = [
  "items",
  "closedOnTime",
  "closedLate",
  "terminated",
  "overdue",
  "inProgress",
  "onTimeRate",
  "urged",
  "accountability",
] as const;

/** One section's (or the total's) figures, named by its heading. */
export function FigureCard({ title, figures }: { readonly title: string; readonly figures: Figures }) {
  const styles = useStyles();
  return (
    <section className={styles.card} aria-label={title} data-section={title}>
      <Subtitle2 as="h3" className={styles.heading}>
        {title}
      </Subtitle2>
      <dl className={styles.grid}>
        {FIGURE_KEYS.map((key) => (
          <div key={key} className={styles.pair} data-figure={key}>
            <dt className={styles.term}>{REPORT.figures[key]}</dt>
            <dd className={styles.value}>{key === "onTimeRate" ? rateText(figures.onTimeRate) : figures[key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The units without 评优评先 eligibility in the period's years. */
export function IneligibleList({ units }: { readonly units: readonly Ineligibility[] }) {
  const styles = useStyles();
  if (units.length === 0) return <Caption1>{REPORT.ineligibleNone}</Caption1>;
  return (
    <ul className={styles.list} data-testid="ineligible">
      {units.map((u) => (
        <li key={`${u.year}:${u.unit}`} className={styles.wrap}>
          {REPORT.ineligibleLine(
            u.unit,
            u.year,
            u.records.map((r) => REPORT.ineligibleRecord(formatChineseDate(r.date), r.number, r.measure)),
          )}
        </li>
      ))}
    </ul>
  );
}

/** Today's suggested measures, each with its button to record it once confirmed. */
export function SuggestionList(props: {
  readonly suggestions: readonly Suggestion[];
  readonly disabled: boolean;
  readonly onRecord: (suggestion: Suggestion) => void;
}) {
  const styles = useStyles();
  if (props.suggestions.length === 0) return <Caption1>{REPORT.suggestionsNone}</Caption1>;
  return (
    <>
      <ul className={styles.list} data-testid="suggestions">
        {props.suggestions.slice(0, LIST_LIMIT).map((s) => (
          <li key={`${s.row}:${s.measure}`} className={styles.card} data-number={s.number ?? ""}>
            <Text weight="semibold">{`${s.number ?? REPORT.unnumbered} · ${s.measure}`}</Text>
            <Caption1 className={styles.wrap}>{REPORT.suggestionUnit(s.unit, s.head)}</Caption1>
            <Caption1>
              {REPORT.suggestionDeadline(formatChineseDate(s.deadline), s.workingDaysLate, s.timesUrged)}
            </Caption1>
            <Caption1 className={styles.wrap}>{s.reason}</Caption1>
            {s.number === null ? (
              <Caption1>{REPORT.needsNumber}</Caption1>
            ) : (
              <Button
                size="small"
                disabled={props.disabled}
                aria-label={REPORT.recordLabel(s.measure, s.number)}
                onClick={() => props.onRecord(s)}
              >
                {REPORT.record(s.measure)}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {props.suggestions.length > LIST_LIMIT && (
        <Caption1>{REPORT.more(props.suggestions.length - LIST_LIMIT)}</Caption1>
      )}
    </>
  );
}
