/**
 * Use case: numbering while co-authoring (the task pane's 编号). The numbers are planned as
 * `duban number` plans them (planNumbering); then the number column is read back — in the same
 * batch as the writes on a port that can read a column back (the Office session). If a
 * co-author gave one of the same numbers to another row meanwhile, the add-in's row takes the
 * next free number (the co-author's stays), the
 * repair is logged in the 操作日志 as its own write, and the clash is reported. A clash that
 * arrives later still shows at once through the duplicate-number conditional format.
 */
import { cellText, EMPTY, type CellValue, type IsoDate } from "../domain/cell";
import { assignNumbers, findDuplicates } from "../domain/numbers";
import { archivedNumberRows, readArchives } from "../domain/archive/sheets";
import { planNumbering, type AssignedNumber, type NumberingResult } from "./number";
import type { CellWrite } from "./port";
import type { LoggedWorkbookPort } from "./ports/operation-log";
import { loadRegistry, type LedgerOptions, type LoadedRegistry } from "./registry";

/** Rows below the registry's last row also read back (a co-author may have added rows). */
export const REREAD_MARGIN_ROWS = 200;

/**
 * A logged port that may read one column back after its queued writes, in the same round trip
 * (the Office session can); without readColumn the sheet is read again.
 */
export interface NumberingPort extends LoggedWorkbookPort {
  readColumn?(sheet: string, col: number, fromRow: number, toRow: number): Promise<CellValue[]>;
}

/** One of the add-in's numbers a co-author took meanwhile. */
export interface NumberClash {
  readonly sheet: string;
  readonly row: number;
  /** The number the add-in wrote first. */
  readonly number: string;
  /** Rows (of the same sheet) where a co-author wrote the same number. */
  readonly takenBy: readonly number[];
  /** The number the row has now, or null when a co-author wrote into this very cell. */
  readonly renumbered: string | null;
  readonly message: string;
}

/** The numbers given (each as the item holds it in the end, after a repair) and the clashes repaired. */
export interface CoauthoredNumbering extends NumberingResult {
  readonly clashes: readonly NumberClash[];
}

/**
 * Numbers the unnumbered items and repairs clashes with numbers co-authors gave meanwhile.
 * On an Office session with one ledger sheet: 3 syncs (names, sheets, writes + read-back), a
 * 4th only to repair; one read-back more per further ledger sheet that received numbers.
 * @example await office.operation("number", (s) => numberCoauthored(s, "2026-11-25"))
 *   // { assigned: [{ sheet: "督办事项登记表", row: 12, number: "〔2026〕7号" }], clashes: [{ row: 12, number: "〔2026〕5号", takenBy: [15], … }] }
 */
export async function numberCoauthored(
  port: NumberingPort,
  today: IsoDate,
  options: LedgerOptions = {},
): Promise<CoauthoredNumbering> {
  const loaded = await loadRegistry(port, today, options);
  const plan = planNumbering(loaded, today);
  if (plan.assigned.length === 0) return { assigned: [], clashes: [] };
  await port.writeLogged(plan.writes, { kind: "number" });
  const assigned: AssignedNumber[] = [];
  const clashes: NumberClash[] = [];
  for (const ledger of loaded.ledgers) {
    const sheet = ledger.layout.sheetName;
    const mine = plan.writes.filter((w) => w.sheet === sheet);
    if (mine.length === 0) continue;
    const result = await repairSheet(port, loaded, ledger.layout.headerRow, mine, today);
    assigned.push(...result.assigned.map((a) => ({ sheet, ...a })));
    clashes.push(...result.clashes.map((c) => ({ sheet, ...c })));
  }
  return { assigned, clashes };
}

/** A number as it stands in a row of the column read back. */
interface RowNumber {
  readonly row: number;
  readonly number: string;
}

/** A row of ours whose number a co-author also wrote elsewhere (before it is renumbered). */
type Clashing = Omit<NumberClash, "sheet" | "renumbered" | "message">;

/**
 * The read-back of one sheet's number column after the writes, and the repair of clashes:
 * rows (write rows, i.e. the cells written) keep their number unless a co-author took it.
 */
async function repairSheet(
  port: NumberingPort,
  loaded: LoadedRegistry,
  headerRow: number,
  writes: readonly CellWrite[],
  today: IsoDate,
): Promise<{ assigned: RowNumber[]; clashes: Omit<NumberClash, "sheet">[] }> {
  const { sheet, col } = writes[0];
  const assigned = writes.map((w) => ({ row: w.row, number: cellText(w.value) }));
  const grid = loaded.grids.find((g) => g.name === sheet);
  const firstRow = headerRow + 1;
  const lastRow = Math.max(grid?.rows.length ?? 0, ...assigned.map((a) => a.row)) + REREAD_MARGIN_ROWS;
  const column = await readBack(port, sheet, col, firstRow, lastRow);
  const now = column.map((cell, i) => ({ row: firstRow + i, number: cellText(cell) }));
  const textAt = new Map(now.map((n) => [n.row, n.number]));
  const { overwritten, clashing } = findClashes(assigned, now);
  if (clashing.length === 0) return { assigned: finalNumbers(assigned, textAt, overwritten), clashes: overwritten };

  const renumbered = nextFreeNumbers(loaded, sheet, now, clashing, today);
  await port.writeLogged(
    [...renumbered].map(([row, number]) => ({
      sheet,
      row,
      col,
      value: { t: "string", v: number },
      old: { t: "string", v: textAt.get(row) ?? "" },
    })),
    { kind: "number-repair" },
  );
  for (const [row, number] of renumbered) textAt.set(row, number);
  const clashes = clashing.map((c) => {
    const next = renumbered.get(c.row) ?? null;
    return {
      ...c,
      renumbered: next,
      message: `第 ${c.row} 行的编号 ${c.number} 已被协作者用于第 ${c.takenBy.join("、")} 行，已改为 ${next ?? "（未能改号）"}`,
    };
  });
  return { assigned: finalNumbers(assigned, textAt, overwritten), clashes: [...overwritten, ...clashes] };
}

/**
 * What co-authors did to our numbers meanwhile: cells of ours they overwrote (their number
 * stays), and rows of ours whose number they also wrote in other rows.
 * @example findClashes([{ row: 12, number: "〔2026〕5号" }], now).clashing // [{ row: 12, number: "〔2026〕5号", takenBy: [15] }]
 */
export function findClashes(
  assigned: readonly RowNumber[],
  now: readonly RowNumber[],
): { overwritten: Omit<NumberClash, "sheet">[]; clashing: Clashing[] } {
  const textAt = new Map(now.map((n) => [n.row, n.number]));
  const ours = new Map(assigned.map((a) => [a.row, a.number]));
  const overwritten = assigned
    .filter((a) => textAt.get(a.row) !== a.number)
    .map((a) => ({
      row: a.row,
      number: a.number,
      takenBy: [a.row],
      renumbered: null,
      message: `第 ${a.row} 行在编号的同时被协作者填写为“${textAt.get(a.row) ?? ""}”，已保留协作者的编号`,
    }));
  const clashing: Clashing[] = [];
  for (const rows of findDuplicates(now).values()) {
    const mine = rows.filter((r) => ours.get(r) === textAt.get(r));
    const theirs = rows.filter((r) => !mine.includes(r));
    if (theirs.length === 0) continue;
    for (const row of mine) clashing.push({ row, number: ours.get(row) ?? "", takenBy: theirs });
  }
  return { overwritten, clashing };
}

/**
 * The next free numbers for the clashing rows, every number of the workbook taken into account:
 * the sheet as read back, the other ledger sheets and the archives.
 */
function nextFreeNumbers(
  loaded: LoadedRegistry,
  sheet: string,
  now: readonly RowNumber[],
  clashing: readonly Clashing[],
  today: IsoDate,
): Map<number, string> {
  const moving = new Set(clashing.map((c) => c.row));
  const issuedOn = new Map(loaded.allItems.filter((i) => i.sheet === sheet).map((i) => [i.row, i.issuedOn]));
  const others = [
    ...loaded.allItems.filter((i) => i.sheet !== sheet && i.number.trim() !== ""),
    ...archivedNumberRows(readArchives(loaded.grids)),
  ];
  const again = assignNumbers(
    [
      // Numbers on the other ledger sheets and the archives stay taken (rows below 0: never numbered).
      ...others.map((i, k) => ({ row: -1 - k, number: i.number, issuedOn: i.issuedOn })),
      ...now
        .map((n) => ({ row: n.row, number: moving.has(n.row) ? "" : n.number, issuedOn: issuedOn.get(n.row) ?? null }))
        // Only the rows being moved are blank on purpose; other blank rows are not items to number.
        .filter((n) => n.number !== "" || moving.has(n.row)),
    ],
    today,
    loaded.settings.numberPrefix,
  );
  return new Map(again.map((a) => [a.row, a.number]));
}

/** The numbers the add-in's rows hold in the end (rows a co-author numbered themselves left out). */
function finalNumbers(
  assigned: readonly { row: number; number: string }[],
  textAt: ReadonlyMap<number, string>,
  overwritten: readonly Pick<NumberClash, "row">[],
): { row: number; number: string }[] {
  const lost = new Set(overwritten.map((o) => o.row));
  return assigned.filter((a) => !lost.has(a.row)).map((a) => ({ row: a.row, number: textAt.get(a.row) ?? a.number }));
}

/** The column after the writes: from the port's read-back when it has one, else a fresh read. */
async function readBack(
  port: NumberingPort,
  sheet: string,
  col: number,
  fromRow: number,
  toRow: number,
): Promise<CellValue[]> {
  if (port.readColumn) return port.readColumn(sheet, col, fromRow, toRow);
  const [grid] = await port.readSheets([sheet]);
  const out: CellValue[] = [];
  for (let r = fromRow; r <= toRow; r++) out.push(grid?.rows[r - 1]?.[col - 1] ?? EMPTY);
  return out;
}
