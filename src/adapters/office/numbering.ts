/**
 * Numbering while co-authoring: number the unnumbered items, then — in the same batch as the
 * writes — read the number column back. If a co-author gave one of the same numbers to another
 * row meanwhile, the add-in's row takes the next free number (the co-author's stays), the
 * repair is logged in the 操作日志 as its own write, and the clash is reported. A clash that
 * arrives later still shows at once through the duplicate-number conditional format.
 */
import { cellText, EMPTY, type CellValue, type IsoDate } from "../../domain/cell";
import { assignNumbers, findDuplicates } from "../../domain/numbers";
import { archivedNumberRows, readArchives } from "../../domain/archive/sheets";
import { AppError } from "../../app/errors";
import type { CellWrite } from "../../app/port";
import { loadRegistry } from "../../app/registry";
import type { LoggedWorkbookPort } from "../../app/ports/operation-log";

/** Name of the numbering operation in the log, and of its clash repair. */
export const NUMBERING_OPERATION = "编号";
export const CLASH_REPAIR_OPERATION = "编号（避让协作者的重复编号）";
/** Rows below the registry's last row also read back (a co-author may have added rows). */
export const REREAD_MARGIN_ROWS = 200;

/** A port that can read one column back after its queued writes (the Office session can). */
export interface NumberingPort extends LoggedWorkbookPort {
  readColumn?(sheet: string, col: number, fromRow: number, toRow: number): Promise<CellValue[]>;
}

/** One of the add-in's numbers a co-author took meanwhile. */
export interface NumberClash {
  readonly row: number;
  /** The number the add-in wrote first. */
  readonly number: string;
  /** Rows where a co-author wrote the same number. */
  readonly takenBy: readonly number[];
  /** The number the row has now, or null when a co-author wrote into this very cell. */
  readonly renumbered: string | null;
  readonly message: string;
}

export interface CoauthoredNumbering {
  /** Rows that received a number, top to bottom, with the number they hold in the end. */
  readonly assigned: readonly { row: number; number: string }[];
  readonly clashes: readonly NumberClash[];
}

/**
 * Numbers the unnumbered items and repairs clashes with numbers co-authors gave meanwhile.
 * On an Office session: 3 syncs (names, sheets, writes + read-back), a 4th only to repair.
 * @example await office.operation("编号", (s) => numberCoauthored(s, "2026-11-25"))
 *   // { assigned: [{ row: 12, number: "〔2026〕7号" }], clashes: [{ row: 12, number: "〔2026〕5号", takenBy: [15], … }] }
 */
export async function numberCoauthored(port: NumberingPort, today: IsoDate): Promise<CoauthoredNumbering> {
  const { items, settings, layout, grids } = await loadRegistry(port, today);
  const col = layout.columns.number;
  if (col === undefined) throw new AppError("no-number-column");
  const sheet = layout.sheetName;
  const grid = grids.find((g) => g.name === sheet);
  const issuedOn = new Map(items.map((i) => [i.row, i.issuedOn]));
  const archived = archivedNumberRows(readArchives(grids));
  const assigned = assignNumbers(
    [...items.map((i) => ({ row: i.row, number: i.number, issuedOn: i.issuedOn })), ...archived],
    today,
    settings.numberPrefix,
  );
  if (assigned.length === 0) return { assigned, clashes: [] };
  const writes: CellWrite[] = assigned.map(({ row, number }) => ({
    sheet,
    row,
    col,
    value: { t: "string", v: number },
    old: grid?.rows[row - 1]?.[col - 1] ?? EMPTY,
  }));
  await port.writeLogged(writes, { operation: NUMBERING_OPERATION });

  const firstRow = layout.headerRow + 1;
  const lastRow = Math.max(grid?.rows.length ?? 0, ...assigned.map((a) => a.row)) + REREAD_MARGIN_ROWS;
  const column = await readBack(port, sheet, col, firstRow, lastRow);
  const now = column.map((cell, i) => ({ row: firstRow + i, number: cellText(cell) }));
  const textAt = new Map(now.map((n) => [n.row, n.number]));
  const ours = new Map(assigned.map((a) => [a.row, a.number]));

  const clashing: { row: number; number: string; takenBy: number[] }[] = [];
  const overwritten: NumberClash[] = [];
  for (const a of assigned) {
    if (textAt.get(a.row) !== a.number) {
      const theirs = textAt.get(a.row) ?? "";
      overwritten.push({
        row: a.row,
        number: a.number,
        takenBy: [a.row],
        renumbered: null,
        message: `第 ${a.row} 行在编号的同时被协作者填写为“${theirs}”，已保留协作者的编号`,
      });
    }
  }
  for (const rows of findDuplicates(now).values()) {
    const mine = rows.filter((r) => ours.get(r) === textAt.get(r));
    const theirs = rows.filter((r) => !mine.includes(r));
    if (theirs.length === 0) continue;
    for (const row of mine) clashing.push({ row, number: ours.get(row) ?? "", takenBy: theirs });
  }
  if (clashing.length === 0) return { assigned: finalNumbers(assigned, textAt, overwritten), clashes: overwritten };

  const moving = new Set(clashing.map((c) => c.row));
  const again = assignNumbers(
    [
      ...now
        .map((n) => ({ row: n.row, number: moving.has(n.row) ? "" : n.number, issuedOn: issuedOn.get(n.row) ?? null }))
        // Only the rows being moved are blank on purpose; other blank rows are not items to number.
        .filter((n) => n.number !== "" || moving.has(n.row)),
      ...archived,
    ],
    today,
    settings.numberPrefix,
  );
  const renumbered = new Map(again.map((a) => [a.row, a.number]));
  await port.writeLogged(
    again.map(({ row, number }) => ({
      sheet,
      row,
      col,
      value: { t: "string", v: number },
      old: { t: "string", v: ours.get(row) ?? "" },
    })),
    { operation: CLASH_REPAIR_OPERATION },
  );
  for (const [row, number] of renumbered) textAt.set(row, number);
  const clashes: NumberClash[] = clashing.map((c) => {
    const next = renumbered.get(c.row) ?? null;
    return {
      ...c,
      renumbered: next,
      message: `第 ${c.row} 行的编号 ${c.number} 已被协作者用于第 ${c.takenBy.join("、")} 行，已改为 ${next ?? "（未能改号）"}`,
    };
  });
  return { assigned: finalNumbers(assigned, textAt, overwritten), clashes: [...overwritten, ...clashes] };
}

/** The numbers the add-in's rows hold in the end (rows a co-author numbered themselves left out). */
function finalNumbers(
  assigned: readonly { row: number; number: string }[],
  textAt: ReadonlyMap<number, string>,
  overwritten: readonly NumberClash[],
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
