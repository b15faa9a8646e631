/**
 * Year-end archive (policy 四（五）) as a plan — pure data saying what to write where:
 *   - which items move: closed and terminated items issued in year Y (任务下达时间's year,
 *     else the year of their number when the date is blank), from every ledger sheet (one per
 *     year, or one for all); open items stay; an item over several rows (merged 编号/内容, one
 *     row per 承办单位) moves whole, its merges with it;
 *   - the new sheet `Y年归档`: the header band of the ledger sheet the items come from (rows
 *     above and including the header, with their merges), then the moved rows in ledger order,
 *     every column of each row copied as the ledger holds it (values as read, dates as dates);
 *   - the ledger sheets: the moved rows' cells are cleared (written empty), the rows themselves
 *     stay. Deleting or shifting rows would move every cell below — formulas, conditional
 *     formats, validations, names, notes and other sheets' references to them — and a
 *     package-preserving writer can only rewrite cells safely, so archive never does it; a
 *     person can delete the empty rows in Excel, which fixes every reference itself. The
 *     状态 column keeps its formula (it shows nothing on an empty row).
 *   - the 催办记录 and 问责记录 rows of archived items are left where they are: they name
 *     items by number, and an archived item keeps its number on the archive sheet.
 * A year already archived (its sheet exists) is refused, and so is a move that would split a
 * merged cell between a moved and a kept row (a merge over two items, one finished and one
 * not), and one gathering items from ledger sheets whose columns differ (one archive sheet has
 * one header: rows cannot be copied column for column between different headers).
 */
import { EMPTY, isBlank, type CellRange, type CellValue, type CellWrite, type IsoDate, type SheetGrid } from "../cell";
import { formatChineseDate, yearOf } from "../dates";
import { parseNumber } from "../numbers";
import type { RegistryItem, RegistryLayout } from "../model";
import { isClosed, isTerminated } from "../status";
import type { SheetLayout } from "../layout/types";
import { findSheetName } from "../sheet-name";
import { archiveLayout, movedSheetRows, type MovedRows } from "./archive-layout";
import { archiveSheetName, archiveYearOf } from "./sheets";

/** Number format of dates written into the archive. */
export const ARCHIVE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** One ledger sheet: what it holds and how its header reads. */
export interface LedgerSheet {
  readonly grid: SheetGrid;
  readonly layout: RegistryLayout;
}

export interface ArchiveInput {
  readonly year: number;
  readonly today: IsoDate;
  /** Every ledger sheet of the workbook (the sheets named as archives are not ledgers). */
  readonly ledgers: readonly LedgerSheet[];
  /** The items of every ledger sheet (each carries its sheet). */
  readonly items: readonly RegistryItem[];
  readonly sheetNames: readonly string[];
}

export interface MovedItem {
  readonly item: RegistryItem;
  /** The ledger sheet it leaves. */
  readonly sheet: string;
  /** Its first row on that sheet. */
  readonly from: number;
  /** Its first row on the archive sheet. */
  readonly to: number;
  /** Its rows (more than 1 for an item over several rows). */
  readonly height: number;
}

export interface ArchivePlan {
  readonly year: number;
  readonly sheetName: string;
  readonly moved: readonly MovedItem[];
  /** The ledger sheets the moved items come from, in ledger order. */
  readonly sources: readonly string[];
  /**
   * False when the ledgers were read without their merged areas (Excel before ExcelApi 1.13):
   * items over several rows were found by the continuation rule, and the archive sheet, drawn
   * without merges, is read back the same way.
   */
  readonly mergesKnown: boolean;
  /** Items that stay on the ledger sheets (every year). */
  readonly kept: readonly RegistryItem[];
  /** Of those, the open items of the year (they stay until they close). */
  readonly keptOfYear: number;
  /** The new sheet: header band, merges, styles, widths; its values come in `archiveWrites`. */
  readonly layout: SheetLayout;
  readonly archiveWrites: readonly CellWrite[];
  /** The ledger cells emptied, each with the value it held. */
  readonly clearWrites: readonly CellWrite[];
  /** Things the person should know, in Chinese. */
  readonly warnings: readonly string[];
}

export type ArchiveRefusalCode = "year-invalid" | "year-future" | "archive-exists" | "merge-across" | "layouts-differ";

export type ArchivePlanResult =
  | { readonly ok: true; readonly plan: ArchivePlan }
  | { readonly ok: false; readonly code: ArchiveRefusalCode; readonly message: string };

/**
 * The year an item counts in for archiving: its 任务下达时间's year, else its number's year.
 * @example issueYear({ issuedOn: null, number: "〔2021〕3号" }) // 2021
 */
export function issueYear(item: Pick<RegistryItem, "issuedOn" | "number">): number | null {
  if (item.issuedOn !== null) return yearOf(item.issuedOn);
  return parseNumber(item.number).value?.year ?? null;
}

/**
 * True when an item moves to year Y's archive: issued in Y, and closed or terminated.
 * @example archivable({ issuedOn: "2021-03-05", result: "按期办结", closedOn: null, number: "" }, 2021) // true
 */
export function archivable(item: RegistryItem, year: number): boolean {
  return issueYear(item) === year && (isClosed(item) || isTerminated(item));
}

/** A merged range that covers rows on both sides of a set of rows, if any. */
function mergeAcross(merges: readonly CellRange[], rows: ReadonlySet<number>): CellRange | undefined {
  return merges.find((m) => {
    let inside = false;
    let outside = false;
    for (let r = m.top; r <= m.bottom; r++) rows.has(r) ? (inside = true) : (outside = true);
    return inside && outside;
  });
}

/** The rows an item takes on its sheet. */
function heightOf(item: RegistryItem): number {
  return (item.lastRow ?? item.row) - item.row + 1;
}

/** The key of an item's place: its sheet and first row. */
function placeKey(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}

type Refusal = { readonly ok: false; readonly code: ArchiveRefusalCode; readonly message: string };

function refuse(code: ArchiveRefusalCode, message: string): Refusal {
  return { ok: false, code, message };
}

/** Why the year cannot be archived at all (its number, its time, its sheet), or null. */
function yearRefusal(input: ArchiveInput): Refusal | null {
  const { year } = input;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    return refuse("year-invalid", `归档年份须为四位年份，如 2021；收到：${year}`);
  }
  if (year > yearOf(input.today)) {
    return refuse("year-future", `${year}年尚未到来（今天是${formatChineseDate(input.today)}），没有可归档的事项`);
  }
  const existing =
    findSheetName(archiveSheetName(year), input.sheetNames) ?? input.sheetNames.find((n) => archiveYearOf(n) === year);
  if (existing === undefined) return null;
  return refuse(
    "archive-exists",
    `${year}年已经归档（工作表“${existing}”已存在），不能重复归档。如确需重新归档，请先核对该表，将其中的事项移回登记表并删除该表后再运行`,
  );
}

/** Same columns in the same places (and the same width of header): rows copy column for column. */
function sameColumns(a: RegistryLayout, b: RegistryLayout): boolean {
  const ka = Object.entries(a.columns).sort(([x], [y]) => x.localeCompare(y));
  const kb = Object.entries(b.columns).sort(([x], [y]) => x.localeCompare(y));
  return a.lastHeaderColumn === b.lastHeaderColumn && JSON.stringify(ka) === JSON.stringify(kb);
}

/** The ledger sheets holding items to move, or why they cannot share one archive sheet. */
function sourcesOf(input: ArchiveInput, moving: readonly RegistryItem[]): LedgerSheet[] | Refusal {
  const sources = input.ledgers.filter((l) => moving.some((i) => i.sheet === l.layout.sheetName));
  for (const source of sources) {
    const rows = new Set(
      moving
        .filter((i) => i.sheet === source.layout.sheetName)
        .flatMap((i) => Array.from({ length: heightOf(i) }, (_, k) => i.row + k)),
    );
    const across = mergeAcross(source.grid.merges ?? [], rows);
    if (across !== undefined) {
      return refuse(
        "merge-across",
        `“${source.layout.sheetName}”第${across.top}至${across.bottom}行有合并单元格，跨越了要归档的已办结事项和要保留的未办结事项，无法自动归档（拆开会丢失合并的内容）。请先取消该合并单元格并在每一行填写完整，再归档`,
      );
    }
  }
  const differing = sources.find((s) => !sameColumns(s.layout, sources[0].layout));
  if (differing !== undefined) {
    return refuse(
      "layouts-differ",
      `${input.year}年要归档的事项分布在“${sources[0].layout.sheetName}”和“${differing.layout.sheetName}”两张表中，两表的列不同，无法放入同一张归档表。请先把这些事项移到同一张表中（或统一两表的表头）再归档`,
    );
  }
  return sources;
}

/**
 * The plan of archiving year Y, or why it is refused (a year already archived, a year still
 * to come, a merged cell spanning a moved and a kept row, ledger sheets whose columns differ).
 * @example planArchive({ year: 2021, today: "2022-01-05", ledgers: [{ grid, layout }], items, sheetNames })
 *   // { ok: true, plan: { sheetName: "2021年归档", moved: [{ sheet: "督办事项登记表", from: 3, to: 3, height: 1, … }, …], … } }
 */
export function planArchive(input: ArchiveInput): ArchivePlanResult {
  const refusal = yearRefusal(input);
  if (refusal) return refusal;
  const { year } = input;
  const sheetName = archiveSheetName(year);
  const moving = input.items.filter((i) => archivable(i, year));
  const sources = sourcesOf(input, moving);
  if (!Array.isArray(sources)) return sources;
  // The band (and column meaning) of the first sheet the items come from, else the first ledger's.
  const main = sources[0] ?? input.ledgers[0];
  const band = main.layout.headerRow;
  const moved: MovedItem[] = [];
  let to = band + 1;
  for (const source of sources) {
    for (const item of moving.filter((i) => i.sheet === source.layout.sheetName)) {
      moved.push({ item, sheet: item.sheet, from: item.row, to, height: heightOf(item) });
      to += heightOf(item);
    }
  }
  const gone = new Set(moved.map((m) => placeKey(m.sheet, m.from)));
  const kept = input.items.filter((i) => !gone.has(placeKey(i.sheet, i.row)));
  const gridOf = (sheet: string) => input.ledgers.find((l) => l.layout.sheetName === sheet)?.grid ?? main.grid;
  const rows = moved.map((m) => ({ from: m.from, to: m.to, height: m.height, grid: gridOf(m.sheet) }));
  const width = sources.reduce(
    (w, s) => s.grid.rows.reduce((x, r) => Math.max(x, r.length), w),
    main.layout.lastHeaderColumn,
  );
  return {
    ok: true,
    plan: {
      year,
      sheetName,
      moved,
      sources: sources.map((s) => s.layout.sheetName),
      mergesKnown: [main, ...sources].every((s) => s.grid.merges !== undefined),
      kept,
      keptOfYear: kept.filter((i) => issueYear(i) === year).length,
      layout: archiveLayout(sheetName, main.grid, main.layout, rows, width),
      archiveWrites: archiveWrites(sheetName, rows, width),
      clearWrites: sources.flatMap((s) => clearWrites(s, moved)),
      warnings: yearOf(input.today) === year ? [`${year}年尚未结束，归档后办结的${year}年事项会留在登记表中`] : [],
    },
  };
}

/** The moved rows' values on the archive sheet, every non-blank cell as its ledger holds it. */
function archiveWrites(sheet: string, moved: readonly MovedRows[], width: number): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const { at, cells } of movedSheetRows(moved)) {
    for (let c = 0; c < width; c++) {
      const value = cells[c] ?? EMPTY;
      if (isBlank(value)) continue;
      writes.push({
        sheet,
        row: at,
        col: c + 1,
        value,
        old: EMPTY,
        ...(value.t === "date" ? { numFmt: ARCHIVE_DATE_FORMAT } : {}),
      });
    }
  }
  return writes;
}

/** A ledger sheet's cells to empty: every non-blank cell of its moved rows but its 状态 (a formula the sheet keeps). */
function clearWrites(source: LedgerSheet, moved: readonly MovedItem[]): CellWrite[] {
  const statusCol = source.layout.columns.status;
  const sheet = source.layout.sheetName;
  const writes: CellWrite[] = [];
  for (const m of moved) {
    if (m.sheet !== sheet) continue;
    for (let k = 0; k < m.height; k++) {
      const row = source.grid.rows[m.from + k - 1] ?? [];
      row.forEach((value: CellValue, c) => {
        if (isBlank(value) || c + 1 === statusCol) return;
        writes.push({ sheet, row: m.from + k, col: c + 1, value: EMPTY, old: value });
      });
    }
  }
  return writes;
}
