/**
 * "Nothing is lost": after archiving, every item is in exactly one place — each kept item on
 * its ledger sheet's row, each moved item on its archive row, field for field as before (an
 * item over several rows with the same rows) — and every
 * 催办记录 / 问责记录 entry still finds its item. The check runs twice: on the plan applied to
 * the grids in memory (before anything is written) and on the sheets read back from the
 * workbook (before the file is saved).
 */
import { EMPTY, type CellValue, type CellWrite, type SheetGrid } from "../cell";
import type { RegistryItem } from "../model";
import { readRegistry } from "../registry";
import { printedNumber } from "../documents/common";
import type { SheetLayout } from "../layout/types";
import type { ArchivePlan, LedgerSheet } from "./plan";
import { locateArchive } from "./sheets";

/**
 * The grid of a sheet after writes (and, for a new sheet, after its layout's text is drawn).
 * @example applyWrites({ name: "登记表", rows: [] }, [{ sheet: "登记表", row: 2, col: 1, value: { t: "number", v: 1 } }]).rows[1][0]
 *   // { t: "number", v: 1 }
 */
export function applyWrites(grid: SheetGrid, writes: readonly CellWrite[], layout?: SheetLayout): SheetGrid {
  const rows = grid.rows.map((r) => [...r]);
  const put = (row: number, col: number, value: CellValue) => {
    while (rows.length < row) rows.push([]);
    const cells = rows[row - 1];
    while (cells.length < col) cells.push(EMPTY);
    cells[col - 1] = value;
  };
  for (const c of layout?.cells ?? []) put(c.row, c.col, c.value === "" ? EMPTY : { t: "string", v: c.value });
  for (const w of writes) if (w.sheet === grid.name) put(w.row, w.col, w.value);
  return { ...grid, rows, ...(layout ? { merges: layout.merges } : {}) };
}

/** An item's fields without its row: what must survive a move unchanged. */
/** An item's fields wherever it sits: its sheet and rows left out (an item over several rows keeps its height). */
function fingerprint(item: RegistryItem): string {
  const height = item.lastRow === undefined ? undefined : item.lastRow - item.row;
  return JSON.stringify({ ...item, sheet: "", row: 0, lastRow: height });
}

function describe(item: RegistryItem): string {
  return item.number.trim() === "" ? `第${item.row}行的事项` : `事项${printedNumber(item.number)}（第${item.row}行）`;
}

export interface ArchiveState {
  /** Every ledger sheet as it is after the archive (the sheets items left, and the others). */
  readonly ledgers: readonly LedgerSheet[];
  readonly archive: SheetGrid | undefined;
}

const place = (sheet: string, row: number) => `${sheet}\u0000${row}`;

/**
 * The problems of an archive, in Chinese (none when every item is where the plan put it and
 * every log entry still finds its item). `before` are the ledgers' items before archiving;
 * `logNumbers` the item numbers the 催办记录 and 问责记录 name.
 * @example verifyArchive(before, plan, { ledgers: [{ grid: registry, layout }], archive }, ["〔2021〕3号"]) // []
 */
export function verifyArchive(
  before: readonly RegistryItem[],
  plan: ArchivePlan,
  after: ArchiveState,
  logNumbers: readonly string[],
): string[] {
  const problems: string[] = [];
  if (after.archive === undefined) return [`没有找到归档工作表“${plan.sheetName}”`];
  const archiveLayout = locateArchive(after.archive);
  if (archiveLayout === null) return [`归档工作表“${plan.sheetName}”的表头无法识别`];
  const ledgerItems = after.ledgers.flatMap((l) => readRegistry(l.grid, l.layout).items);
  const ledgerNow = new Map(ledgerItems.map((i) => [place(i.sheet, i.row), i]));
  const archiveNow = new Map(readRegistry(after.archive, archiveLayout).items.map((i) => [i.row, i]));
  const movedTo = new Map(plan.moved.map((m) => [place(m.sheet, m.from), m.to]));
  const several = new Set(before.map((i) => i.sheet)).size > 1;
  for (const item of before) {
    const to = movedTo.get(place(item.sheet, item.row));
    const found = to === undefined ? ledgerNow.get(place(item.sheet, item.row)) : archiveNow.get(to);
    const ledger = several ? `“${item.sheet}”` : "登记表";
    const where = to === undefined ? `${ledger}第${item.row}行` : `“${plan.sheetName}”第${to}行`;
    if (found === undefined) problems.push(`${describe(item)}应在${where}，但那里没有事项`);
    else if (fingerprint(found) !== fingerprint(item)) problems.push(`${describe(item)}在${where}的内容与原来不同`);
  }
  const expectedLedgers = before.length - plan.moved.length;
  if (ledgerNow.size !== expectedLedgers) {
    problems.push(`归档后登记表应有${expectedLedgers}项，实际${ledgerNow.size}项`);
  }
  if (archiveNow.size !== plan.moved.length) {
    problems.push(`归档工作表应有${plan.moved.length}项，实际${archiveNow.size}项`);
  }
  const holders = new Map<string, number>();
  for (const item of [...ledgerNow.values(), ...archiveNow.values()]) {
    if (item.number.trim() === "") continue;
    const key = printedNumber(item.number);
    holders.set(key, (holders.get(key) ?? 0) + 1);
  }
  const numberedBefore = new Set(before.filter((i) => i.number.trim() !== "").map((i) => printedNumber(i.number)));
  for (const n of new Set(logNumbers.filter((x) => x.trim() !== "").map(printedNumber))) {
    if (numberedBefore.has(n) && holders.get(n) === undefined)
      problems.push(`催办或问责记录中的编号${n}归档后找不到事项`);
  }
  return problems;
}
