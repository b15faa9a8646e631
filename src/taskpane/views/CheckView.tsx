/**
 * 检查: the issues grouped by row (errors first within a row); clicking an issue selects its
 * cell in Excel; an offered fix applies with one click (logged, undoable), or all at once.
 */
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { LocatedIssue } from "../../app/ledger-snapshot";
import { STRINGS } from "../strings";
import { Section } from "./parts";
import type { ViewProps } from "./types";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  groups: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "10px" },
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "6px 8px",
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  issues: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  issue: { display: "flex", flexDirection: "column", gap: "2px", alignItems: "flex-start" },
  link: {
    border: "none",
    background: "none",
    padding: 0,
    textAlign: "start",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    overflowWrap: "anywhere",
    ":hover": { textDecorationLine: "underline" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  error: { color: tokens.colorPaletteRedForeground3, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground3, fontWeight: tokens.fontWeightSemibold },
});

interface Group {
  readonly key: string;
  readonly sheet: string;
  readonly row: number;
  readonly issues: readonly LocatedIssue[];
}

/**
 * Issues by row, errors first within each row; the ledger sheets' rows first (in their order),
 * then the other sheets (设置, 工作日历).
 * @example groupIssues(issues, ["督办事项登记表"])[0] // { sheet: "督办事项登记表", row: 3, issues: [error, warning] }
 */
export function groupIssues(issues: readonly LocatedIssue[], ledgerSheets: readonly string[]): Group[] {
  const groups = new Map<string, { sheet: string; row: number; issues: LocatedIssue[] }>();
  for (const issue of issues) {
    const key = `${issue.sheet}\u0000${issue.row}`;
    const g = groups.get(key) ?? { sheet: issue.sheet, row: issue.row, issues: [] };
    g.issues.push(issue);
    groups.set(key, g);
  }
  const rank = (i: LocatedIssue) => (i.severity === "error" ? 0 : 1);
  const order = (sheet: string) => (ledgerSheets.includes(sheet) ? ledgerSheets.indexOf(sheet) : ledgerSheets.length);
  return [...groups.entries()]
    .map(([key, g]) => ({ key, ...g, issues: [...g.issues].sort((a, b) => rank(a) - rank(b)) }))
    .sort((a, b) => order(a.sheet) - order(b.sheet) || a.sheet.localeCompare(b.sheet) || a.row - b.row);
}

export function CheckView({ pane }: ViewProps) {
  const styles = useStyles();
  const ledger = pane.ledger;
  if (!ledger) return null;
  const fix = pane.services.fix;
  const errors = ledger.issues.filter((i) => i.severity === "error").length;
  // 全部修正 applies the fixes that correct a form; a fix that removes text (a classified item's
  // content) is applied only from its own button.
  const fixable = ledger.issues.filter((i) => i.fix !== undefined && pane.services.autoFixCodes.has(i.code));
  const applyFix = (only?: LocatedIssue[]) =>
    fix &&
    void pane.perform(STRINGS.fixAll(only?.length ?? fixable.length), () =>
      fix(only?.map((i) => ({ sheet: i.sheet, row: i.row, column: i.column }))),
    );
  const groups = groupIssues(ledger.issues, ledger.ledgerSheets);
  const single = ledger.ledgerSheets.length === 1;
  return (
    <div className={styles.root}>
      <Text weight="semibold" role="status">
        {STRINGS.checkSummary(errors, ledger.issues.length - errors)}
      </Text>
      {fixable.length > 0 &&
        (fix ? (
          <Button appearance="primary" disabled={pane.busy !== null} onClick={() => applyFix()}>
            {STRINGS.fixAll(fixable.length)}
          </Button>
        ) : (
          <Caption1>{STRINGS.fixUnavailable}</Caption1>
        ))}
      {groups.length === 0 ? (
        <Caption1>{STRINGS.noIssues}</Caption1>
      ) : (
        <Section title={STRINGS.issuesByRow}>
          <ul className={styles.groups}>
            {groups.map((g) => (
              <li key={g.key} className={styles.group} data-row={g.row}>
                <Text weight="semibold">
                  {single && g.sheet === ledger.sheetName
                    ? STRINGS.rowLabel(g.row)
                    : STRINGS.otherSheet(g.sheet, g.row)}
                </Text>
                <ul className={styles.issues}>
                  {g.issues.map((issue, i) => (
                    <li key={i} className={styles.issue}>
                      <button
                        type="button"
                        className={styles.link}
                        title={STRINGS.showInExcel}
                        onClick={() => pane.show({ sheet: issue.sheet, row: issue.row, col: issue.col })}
                      >
                        <span className={issue.severity === "error" ? styles.error : styles.warning}>
                          {issue.severity === "error" ? STRINGS.error : STRINGS.warning}
                        </span>{" "}
                        {issue.message.startsWith(issue.column)
                          ? issue.message
                          : STRINGS.field(issue.column, issue.message)}
                      </button>
                      {issue.fix !== undefined && fix && (
                        <Button size="small" disabled={pane.busy !== null} onClick={() => applyFix([issue])}>
                          {STRINGS.fixTo(issue.fix)}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
