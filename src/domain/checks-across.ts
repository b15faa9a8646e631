/**
 * Checks across rows and sheets: duplicate numbers (unique per year across every ledger sheet),
 * the calendar years the registry's dates need, and the order issues are listed in.
 */
import type { WorkingCalendar } from "./calendar";
import { ALL_COLUMNS } from "./columns";
import { yearOf } from "./dates";
import { HEADER_OF } from "./header-names";
import type { Issue, RegistryItem, RegistryLayout } from "./model";
import { findDuplicateEntries, numberParts } from "./numbers";
import { makeIssue } from "./rules";

const DATE_FIELDS = ["issuedOn", "dueOn", "signedOn", "closedOn", "extendedTo", "reportedOn"] as const;

/**
 * The other rows of a duplicate as the message names them: 第5、9行 on the item's own sheet,
 * 工作表“2022年”第7行 on another.
 */
function othersText(others: readonly RegistryItem[], from: RegistryItem): string {
  const bySheet = new Map<string, number[]>();
  for (const o of others) bySheet.set(o.sheet, [...(bySheet.get(o.sheet) ?? []), o.row]);
  const own = bySheet.get(from.sheet);
  const parts = own ? [`第${own.join("、")}行`] : [];
  for (const [sheet, rows] of bySheet) if (sheet !== from.sheet) parts.push(`工作表“${sheet}”第${rows.join("、")}行`);
  return parts.join("、");
}

/** Every item of a duplicated number (across all ledger sheets) gets an issue naming the others. */
export function duplicateIssues(items: readonly RegistryItem[]): Issue[] {
  const issues: Issue[] = [];
  for (const [key, list] of findDuplicateEntries(items.filter((i) => i.number !== ""))) {
    for (const item of list) {
      const others = othersText(
        list.filter((o) => o !== item),
        item,
      );
      const shown = numberParts(item.number).length > 1 ? key : item.number;
      issues.push({
        ...makeIssue("number-duplicate", item.row, HEADER_OF.number, { number: shown, others }),
        sheet: item.sheet,
      });
    }
  }
  return issues;
}

/** One warning per year the calendar has no data for, at the first row (and column) with a date in it (first sheet first). */
export function calendarYearIssues(items: readonly RegistryItem[], cal: WorkingCalendar): Issue[] {
  const first = new Map<number, { sheet: string; row: number; column: string }>();
  for (const item of items) {
    for (const key of DATE_FIELDS) {
      const date = item[key];
      if (date === null) continue;
      const year = yearOf(date);
      const seen = first.get(year);
      const earlier = seen === undefined || (seen.sheet === item.sheet && item.row < seen.row);
      if (earlier && !cal.hasData(year)) first.set(year, { sheet: item.sheet, row: item.row, column: HEADER_OF[key] });
    }
  }
  return [...first.entries()].map(([year, at]) => ({
    ...makeIssue("calendar-year-missing", at.row, at.column, { year }),
    sheet: at.sheet,
  }));
}

/** Keeps the first leaders-not-configured issue only: it is about the settings, said once. */
export function onceLeadersMissing(issues: readonly Issue[]): Issue[] {
  let seen = false;
  return issues.filter((i) => {
    if (i.code !== "leaders-not-configured") return true;
    if (seen) return false;
    seen = true;
    return true;
  });
}

/**
 * Sorts issues by row, then by the position of their column in the sheet (columns the sheet
 * lacks last), keeping the order of issues in the same cell. Returns a new array.
 * @example sortIssues(issues, layout.columns)
 */
export function sortIssues(issues: readonly Issue[], columns: RegistryLayout["columns"]): Issue[] {
  const position = new Map<string, number>();
  for (const c of ALL_COLUMNS) {
    const at = columns[c.key];
    if (at !== undefined) position.set(c.header, at);
  }
  const pos = (i: Issue) => position.get(i.column) ?? Number.MAX_SAFE_INTEGER;
  return [...issues].sort((a, b) => a.row - b.row || pos(a) - pos(b));
}
