/**
 * Where the 状态 formula would read an item differently from the engine (a date typed with
 * full-width digits, a date outside the calendar's years, special white space in 督办结果, an
 * item over several rows whose rows disagree), so its colour could disagree with `duban
 * status`: the refresh reports these rows.
 */
import { cellText, EMPTY, type CellValue, type IsoDate, type SheetGrid } from "./cell";
import type { ColumnKey } from "./columns";
import { HEADER_OF } from "./header-names";
import type { RegistryItem } from "./model";
import type { RegistryPlanInput } from "./registry-plan";
import { isTerminated, resultSaysClosed } from "./status";
import { formulaCountsAsEvidence, formulaDateOf, formulaSaysClosed, formulaTerminated } from "./status-formula";
import type { PlanNote } from "./setup-plan-types";

/** The 督办结果 of an item's rows as the formula joins them (twin of statusFormula's results). */
function blockResults(grid: SheetGrid, item: RegistryItem, col: number | undefined): CellValue {
  if (col === undefined) return EMPTY;
  const last = item.lastRow ?? item.row;
  if (last === item.row) return grid.rows[item.row - 1]?.[col - 1] ?? EMPTY;
  const texts: string[] = [];
  for (let r = item.row; r <= last; r++) {
    const cell = grid.rows[r - 1]?.[col - 1];
    texts.push(cell === undefined || cell.t === "date" || cell.t === "error" ? "" : cellText(cell));
  }
  return { t: "string", v: texts.join("、") };
}

/**
 * Notes for an item whose cells the 状态 formula would read differently from the engine, so
 * that its colour could disagree with `duban status`.
 */
export function agreementNotes(
  item: RegistryItem,
  grid: SheetGrid,
  columns: Partial<Record<ColumnKey, number>>,
  evidenceCols: readonly number[],
  input: RegistryPlanInput,
): PlanNote[] {
  const notes: PlanNote[] = [];
  const cells = grid.rows[item.row - 1] ?? [];
  const sheet = input.layout.sheetName;
  const at = (key: ColumnKey) => (columns[key] === undefined ? undefined : cells[columns[key]! - 1]);
  const note = (key: ColumnKey, code: PlanNote["code"], message: string) =>
    notes.push({ sheet, row: item.row, column: HEADER_OF[key], code, message });
  if (!evidenceCols.some((c) => formulaCountsAsEvidence(cells[c - 1]))) {
    note(
      "content",
      "formula-reads-differently",
      `第${item.row}行只有是/否值（TRUE/FALSE），状态公式不把它当作事项，不显示状态`,
    );
  }
  const result = at("result");
  const joined = blockResults(grid, item, columns.result);
  if (formulaTerminated(result) !== isTerminated(item) || formulaSaysClosed(joined) !== resultSaysClosed(item.result)) {
    note(
      "result",
      "formula-reads-differently",
      item.lastRow === undefined
        ? `第${item.row}行督办结果“${cellText(result)}”含特殊空白字符，状态公式的判断可能与引擎不同`
        : `第${item.row}–${item.lastRow}行的事项跨多行，督办结果“${item.result}”：状态公式的判断可能与引擎不同，请核对各行的督办结果`,
    );
  }
  const dateNote = (key: "closedOn" | "extendedTo" | "dueOn", engine: IsoDate | null) => {
    const cell = at(key);
    const formula = cell === undefined ? null : formulaDateOf(cell, input.years);
    if (formula === engine) return;
    const shown = cellText(cell);
    if (
      engine !== null &&
      (Number(engine.slice(0, 4)) < input.years.first || Number(engine.slice(0, 4)) > input.years.last)
    ) {
      note(
        key,
        "date-outside-calendar",
        `第${item.row}行${HEADER_OF[key]} ${engine} 超出工作日历的年份（${input.years.first}—${input.years.last}），状态公式读不到它`,
      );
    } else {
      note(
        key,
        "formula-reads-differently",
        `第${item.row}行${HEADER_OF[key]}“${shown}”：引擎读作 ${engine ?? "（无日期）"}，状态公式读作 ${formula ?? "（无日期）"}；请改为日期格式`,
      );
    }
  };
  dateNote("closedOn", item.closedOn);
  // The deadline matters only through the one in force; 延期至 first, as the formula does.
  if (
    item.extendedTo !== null ||
    (at("extendedTo") !== undefined && formulaDateOf(at("extendedTo")!, input.years) !== null)
  ) {
    dateNote("extendedTo", item.extendedTo);
  }
  if (item.extendedTo === null) dateNote("dueOn", item.dueOn);
  return notes;
}
