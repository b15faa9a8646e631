/**
 * Notes for the rows whose cells the workbook's row formulas read differently from the engine,
 * so that a colour could disagree with `duban status`: a date typed as text (or as a yyyymmdd
 * number) — painted red, and `check` offers the date as a fix —, a deadline outside the
 * 工作日历's years, a 督办结果 with odd white space, a row of only TRUE/FALSE values.
 */
import { cellText, type CellValue, type IsoDate, type SheetGrid } from "./cell";
import type { ColumnKey } from "./columns";
import { FORMULA_WORDS } from "./formula-words";
import type { RegistryItem } from "./model";
import { HEADER_OF } from "./registry";
import type { YearSpan } from "./calendar-sheet";
import {
  formulaCountsAsEvidence,
  formulaDateOf,
  formulaSaysClosed,
  formulaSeesNotADate,
  formulaTerminated,
} from "./formula-twins";
import type { PlanNote } from "./setup-plan-types";
import { isTerminated, resultSaysClosed } from "./status";

/** What the notes are built from. */
export interface RegistryNotesInput {
  readonly items: readonly RegistryItem[];
  readonly grid: SheetGrid;
  readonly sheet: string;
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
  readonly evidenceCols: readonly number[];
  readonly years: YearSpan;
}

type DateKey = "closedOn" | "extendedTo" | "dueOn";

/**
 * The notes of every item whose row the formulas read differently from the engine.
 * @example registryNotes(input)[0] // { row: 5, column: "要求完成时间", code: "not-a-date", message: "第5行要求完成时间“2026.3.5”是文字，不是日期…" }
 */
export function registryNotes(input: RegistryNotesInput): PlanNote[] {
  return input.items.flatMap((item) => itemNotes(item, input.grid.rows[item.row - 1] ?? [], input));
}

/** The 督办结果 of an item's rows as the 状态 formula joins them (an item over several rows). */
function blockResults(grid: SheetGrid, item: RegistryItem, col: number | undefined): CellValue | undefined {
  if (col === undefined) return undefined;
  const last = item.lastRow ?? item.row;
  if (last === item.row) return grid.rows[item.row - 1]?.[col - 1];
  const texts: string[] = [];
  for (let r = item.row; r <= last; r++) {
    const cell = grid.rows[r - 1]?.[col - 1];
    texts.push(cell === undefined || cell.t === "date" || cell.t === "error" ? "" : cellText(cell));
  }
  return { t: "string", v: texts.join("、") };
}

function inYears(date: IsoDate, years: YearSpan): boolean {
  const y = Number(date.slice(0, 4));
  return y >= years.first && y <= years.last;
}

function itemNotes(item: RegistryItem, cells: readonly CellValue[], input: RegistryNotesInput): PlanNote[] {
  const notes: PlanNote[] = [];
  const at = (key: ColumnKey) => (input.columns[key] === undefined ? undefined : cells[input.columns[key]! - 1]);
  const note = (key: ColumnKey, code: PlanNote["code"], message: string) =>
    notes.push({ sheet: input.sheet, row: item.row, column: HEADER_OF[key], code, message });
  if (!input.evidenceCols.some((c) => formulaCountsAsEvidence(cells[c - 1]))) {
    note(
      "content",
      "formula-reads-differently",
      `第${item.row}行只有是/否值（TRUE/FALSE），状态公式不把它当作事项，不显示状态`,
    );
  }
  const result = at("result");
  const words = FORMULA_WORDS;
  const joined = blockResults(input.grid, item, input.columns.result);
  if (
    formulaTerminated(result, words.terminating) !== isTerminated(item) ||
    formulaSaysClosed(joined, words.closing, words.neverClosing) !== resultSaysClosed(item.result)
  ) {
    note(
      "result",
      "formula-reads-differently",
      item.lastRow === undefined
        ? `第${item.row}行督办结果“${cellText(result)}”含特殊空白字符，状态公式的判断可能与引擎不同`
        : `第${item.row}–${item.lastRow}行的事项跨多行，督办结果“${item.result}”：状态公式的判断可能与引擎不同，请核对各行的督办结果`,
    );
  }
  const dateNote = (key: DateKey, engine: IsoDate | null) => {
    const cell = at(key);
    if (formulaSeesNotADate(cell) && engine !== null) {
      note(
        key,
        "not-a-date",
        `第${item.row}行${HEADER_OF[key]}“${cellText(cell)}”不是日期（单元格显示红色），状态公式读不到它；请改为日期 ${engine}（“检查”提供一键修正，或运行 duban fix）`,
      );
    } else if (formulaDateOf(cell) !== engine) {
      note(
        key,
        "formula-reads-differently",
        `第${item.row}行${HEADER_OF[key]}“${cellText(cell)}”：引擎读作 ${engine ?? "（无日期）"}，状态公式读作 ${formulaDateOf(cell) ?? "（无日期）"}`,
      );
    }
  };
  dateNote("closedOn", item.closedOn);
  // The deadline matters only through the one in force: 延期至 first, as the formula does.
  const extended = formulaDateOf(at("extendedTo"));
  if (item.extendedTo !== null || extended !== null) dateNote("extendedTo", item.extendedTo);
  if (item.extendedTo === null && extended === null) dateNote("dueOn", item.dueOn);
  const deadline = item.extendedTo ?? item.dueOn;
  if (deadline !== null && !inYears(deadline, input.years) && notes.length === 0) {
    note(
      item.extendedTo !== null ? "extendedTo" : "dueOn",
      "date-outside-calendar",
      `第${item.row}行截止日期 ${deadline} 超出工作日历的年份（${input.years.first}—${input.years.last}），剩余工作日无法计算`,
    );
  }
  return notes;
}
