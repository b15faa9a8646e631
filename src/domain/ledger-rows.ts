/**
 * Which rows below a registry's header are items, as offices keep them:
 *
 * - an item over several rows — 编号/内容 (or 序号) merged down, one row per 承办单位 — is one
 *   item from the merge's first row to its last; the rows after the first are continuation
 *   rows, never items of their own;
 * - rows that are not items are skipped and reported: 合计/小计/总计 rows, 制表人/审核人
 *   footers, notes (注：…, 说明：…) and a header repeated mid-sheet; after a footer or a note,
 *   rows without a 编号, and without 内容 and something more, are below the table and skipped
 *   too (a date line under 制表人);
 * - blank rows and rows prepared in advance (only 序号, defaults, formulas) are passed over
 *   silently, as before.
 *
 * When the merges are unknown (Office before ExcelApi 1.13; below `mergesUpTo` when Office could
 * read the merges of the top rows only), the fallback rule: a row directly
 * under an item (or its continuation) whose 序号, 编号, 内容, 任务下达时间, 要求完成时间 and
 * 督办科室 are all blank and that holds only per-unit columns (承办单位, 承办单位负责人, 签收日期,
 * 督办结果, 办结日期, 备注, 协办) continues that item — what a merged block looks like when the
 * covered cells read as empty. When the merges are known they alone decide.
 */
import { cellText, isBlank, type CellValue, type CellRange, type SheetGrid } from "./cell";
import { normalizeHeader, type ColumnKey } from "./columns";
import { columnKeyOfHeader } from "./header-names";
import type { ContinuationRow, LedgerReading, RegistryLayout, SkipReason, SkippedRow } from "./model";

/**
 * Columns whose content alone does not make a row an item. Clerks prepare empty rows: 序号
 * numbered down, defaults filled down the list columns (一般, 公开, 否), the 状态 formula
 * copied down. A real item always has something more (content, a date, a section, a number).
 */
export const NOT_ITEM_EVIDENCE: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  "seq",
  "urgency",
  "secrecy",
  "major",
  "status",
]);
/** Columns whose merge down several rows makes those rows one item. */
const IDENTITY: readonly ColumnKey[] = ["seq", "number", "content"];
/** Columns a continuation row may hold (the fallback rule): what differs per 承办单位. */
const PER_UNIT: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  "hostUnit",
  "hostHead",
  "assisting",
  "signedOn",
  "result",
  "closedOn",
  "remarks",
  "reportedOn",
]);

const TOTAL = /^(合计|小计|总计|共计)/u;
const FOOTER =
  /^(制表人|制表|填表人|填报人|审核人|审核|审批人|核稿人|统计人|单位负责人|分管领导|制表日期|填报日期|填表日期|报送日期|联系人|联系电话)[:：]/u;
const FOOTER_ANYWHERE = /(制表人|填表人|填报人|审核人)[:：]/u;
const NOTE = /^(注|说明|备注|附注|填表说明|备考)([:：]|\d|[一二三四五六七八九十]、|\s*$)/u;

/** One item of a sheet: its first and last row and its continuation rows. */
export interface ItemRows {
  readonly first: number;
  readonly last: number;
}

/** The rows of one ledger sheet sorted out: the rows skipped and continued as its reading lists them. */
export interface LedgerRows extends Pick<LedgerReading, "skipped" | "continuations"> {
  readonly items: readonly ItemRows[];
}

/** True when a cell is evidence that someone wrote an item on its row. */
export function isEvidence(cell: CellValue | undefined): boolean {
  return !isBlank(cell) && cell?.t !== "error";
}

/** The first `max` characters of a text, on one line. */
function shorten(text: string, max = 24): string {
  const line = text.replace(/\s+/g, " ").trim();
  return [...line].length > max ? `${[...line].slice(0, max).join("")}…` : line;
}

/** The leftmost non-blank cell's text, compacted (white space removed). */
function leftmostText(cells: readonly CellValue[]): { text: string; raw: string } | null {
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    const raw = cellText(cell);
    return { text: normalizeHeader(raw), raw };
  }
  return null;
}

/**
 * Why a row is not an item (合计, a footer, a note), or null.
 * @example skipReasonOf([{ t: "string", v: "合 计" }, …]) // { reason: "total", text: "合 计" }
 */
export function skipReasonOf(cells: readonly CellValue[]): { reason: SkipReason; text: string } | null {
  const first = leftmostText(cells);
  if (first === null) return null;
  if (TOTAL.test(first.text)) return { reason: "total", text: shorten(first.raw) };
  if (FOOTER.test(first.text)) return { reason: "footer", text: shorten(first.raw) };
  if (NOTE.test(first.text)) return { reason: "note", text: shorten(first.raw) };
  for (const cell of cells) {
    if (cell.t === "string" && FOOTER_ANYWHERE.test(normalizeHeader(cell.v))) {
      return { reason: "footer", text: shorten(cell.v) };
    }
  }
  return null;
}

/** The band's texts per row: column → header text, for recognising a repeated header. */
function bandRowTexts(grid: SheetGrid, layout: RegistryLayout): Map<number, string>[] {
  return layout.headerRows.map((row) => {
    const texts = new Map<number, string>();
    (grid.rows[row - 1] ?? []).forEach((cell, c) => {
      if (cell.t === "string" && normalizeHeader(cell.v) !== "") texts.set(c + 1, normalizeHeader(cell.v));
    });
    return texts;
  });
}

/**
 * True when a row repeats a row of the header band (printed headers, a pasted header) or most
 * of its known cells name their own column.
 */
function isRepeatedHeader(
  cells: readonly CellValue[],
  known: readonly (readonly [ColumnKey, number])[],
  band: readonly Map<number, string>[],
): boolean {
  const repeatsBand = (texts: Map<number, string>) =>
    mostlySaid(
      cells,
      [...texts].map(([col, text]) => [col, (v: string) => normalizeHeader(v) === text]),
    );
  if (band.some(repeatsBand)) return true;
  return mostlySaid(
    cells,
    known.map(([key, col]) => [col, (v: string) => columnKeyOfHeader(v) === key]),
  );
}

/** True when at least two, and at least half, of the columns' text cells say what `says` wants. */
function mostlySaid(
  cells: readonly CellValue[],
  wanted: readonly (readonly [number, (text: string) => boolean])[],
): boolean {
  const said = wanted.filter(([col, says]) => {
    const cell = cells[col - 1];
    return cell?.t === "string" && says(cell.v);
  }).length;
  return said >= 2 && said * 2 >= wanted.length;
}

/**
 * Rows joined by merges down an identity column (序号, 编号, 内容) below the header: first row
 * → last row. Overlapping blocks join.
 */
function mergedBlocks(merges: readonly CellRange[], layout: RegistryLayout): Map<number, number> {
  const cols = IDENTITY.map((k) => layout.columns[k]).filter((c): c is number => c !== undefined);
  const spans = merges
    .filter((m) => m.top > layout.headerRow && m.bottom > m.top && cols.some((c) => c >= m.left && c <= m.right))
    .map((m) => ({ top: m.top, bottom: m.bottom }))
    .sort((a, b) => a.top - b.top);
  const blocks = new Map<number, number>();
  let open: { top: number; bottom: number } | null = null;
  for (const s of spans) {
    if (open !== null && s.top <= open.bottom) open.bottom = Math.max(open.bottom, s.bottom);
    else {
      if (open !== null) blocks.set(open.top, open.bottom);
      open = { ...s };
    }
  }
  if (open !== null) blocks.set(open.top, open.bottom);
  return blocks;
}

/** What the fallback rule needs to know about a row. */
function looksLikeContinuation(cells: readonly CellValue[], known: readonly (readonly [ColumnKey, number])[]): boolean {
  let perUnit = false;
  for (const [key, col] of known) {
    if (!isEvidence(cells[col - 1])) continue;
    if (PER_UNIT.has(key)) perUnit = true;
    else if (!NOT_ITEM_EVIDENCE.has(key) || key === "seq") return false;
  }
  return perUnit;
}

/**
 * Sorts out the rows below the header band (see the file comment). Linear in the rows.
 * @example ledgerRows(grid, layout).items // [{ first: 5, last: 6 }, { first: 7, last: 7 }]
 */
export function ledgerRows(grid: SheetGrid, layout: RegistryLayout): LedgerRows {
  const known = (Object.entries(layout.columns) as [ColumnKey, number][]).sort((a, b) => a[1] - b[1]);
  const evidence = known.filter(([key]) => !NOT_ITEM_EVIDENCE.has(key));
  const identity = known.filter(([key]) => key === "number" || key === "content");
  const band = bandRowTexts(grid, layout);
  // Merges are known for every row, for the top rows only (mergesUpTo), or not at all.
  const knownUpTo = grid.merges === undefined ? 0 : (grid.mergesUpTo ?? Number.MAX_SAFE_INTEGER);
  const blocks = mergedBlocks(grid.merges ?? [], layout);
  const items: { first: number; last: number }[] = [];
  const skipped: SkippedRow[] = [];
  const continuations: ContinuationRow[] = [];
  let open: { first: number; last: number } | null = null;
  let blockEnd = 0;
  let blockOwner: "item" | "skipped" | "none" = "none";
  let belowTable = false;
  for (let row = layout.headerRow + 1; row <= grid.rows.length; row++) {
    const cells = grid.rows[row - 1] ?? [];
    if (row <= blockEnd) {
      if (blockOwner === "item" && open !== null) {
        open.last = row;
        continuations.push({ row, itemRow: open.first });
      }
      continue;
    }
    const end = blocks.get(row) ?? row;
    const skip = skipReasonOf(cells) ?? (isRepeatedHeader(cells, known, band) ? repeated() : null);
    // Below a footer or a note, a row is an item again when it has a number, or content and more.
    const filled = evidence.filter(([, col]) => isEvidence(cells[col - 1])).length;
    const hasIdentity = identity.some(([key, col]) => isEvidence(cells[col - 1]) && (key === "number" || filled >= 2));
    if (skip !== null || (belowTable && !hasIdentity && leftmostText(cells) !== null)) {
      const reason = skip?.reason ?? "note";
      skipped.push({ row, reason, text: skip?.text ?? shorten(leftmostText(cells)?.raw ?? "") });
      if (reason === "footer" || reason === "note") belowTable = true;
      open = null;
      [blockEnd, blockOwner] = [end, "skipped"];
      continue;
    }
    if (!evidence.some(([, col]) => isEvidence(cells[col - 1]))) {
      open = null;
      [blockEnd, blockOwner] = [end, "none"];
      continue;
    }
    if (row > knownUpTo && open !== null && looksLikeContinuation(cells, known)) {
      open.last = row;
      continuations.push({ row, itemRow: open.first });
      continue;
    }
    open = { first: row, last: row };
    items.push(open);
    [blockEnd, blockOwner] = [end, "item"];
  }
  return { items, skipped, continuations };
}

function repeated(): { reason: SkipReason; text: string } {
  return { reason: "repeated-header", text: "重复的表头" };
}
