/**
 * Merged cells through Office.js (ExcelApi 1.13, feature-tested): a sheet's merged areas are
 * read in the same sync as its values, so reading a ledger costs no extra round trip.
 * `getMergedAreasOrNullObject` fails when a range holds more than 512 merged areas; then the
 * read is made again with the merges of the sheet's top rows only (title, header band): the
 * grid says so (`mergesUpTo`), and items over several rows below are recognised by the
 * reader's fallback rule.
 */
import type { CellRange, SheetGrid } from "../../domain/cell";
import { parseRangeRef } from "../../domain/a1-ref";

/**
 * Rows (from row 1) and columns whose merges are read when the whole sheet's are too many: the
 * title, the subtitle and the header band all lie there (the band is searched in rows 1–12).
 */
export const MERGE_HEAD_ROWS = 16;
export const MERGE_HEAD_COLUMNS = 200;

/** Which merges a read asks for: all of the used range, the top rows only, or none (before ExcelApi 1.13). */
export type MergeMode = "all" | "head" | "none";

/**
 * The areas of a RangeAreas address ("Sheet1!A1:N1, 'My sheet'!A3:A4"), 1-based.
 * @example areasOfAddress("'督办 台账'!A1:N1,'督办 台账'!B5") // [{ top: 1, left: 1, bottom: 1, right: 14 }, { top: 5, left: 2, bottom: 5, right: 2 }]
 */
export function areasOfAddress(address: string): CellRange[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => parseRangeRef(p.slice(p.lastIndexOf("!") + 1)))
    .filter((r): r is CellRange => r !== null);
}

/**
 * Queues the read of a sheet's merged areas (nothing for "none"): those of its used range, or
 * those of its top rows. The sheet must exist (Worksheet from getItem).
 * @example const areas = queueMerges(sheet, "all") // loaded at the next sync
 */
export function queueMerges(sheet: Excel.Worksheet, mode: MergeMode): Excel.RangeAreas | null {
  if (mode === "none") return null;
  // getUsedRange, not …OrNullObject: a method may not be called on a null object, and an empty
  // sheet's used range is A1 (documented), holding no merge.
  const range =
    mode === "all" ? sheet.getUsedRange(true) : sheet.getRangeByIndexes(0, 0, MERGE_HEAD_ROWS, MERGE_HEAD_COLUMNS);
  return range.getMergedAreasOrNullObject().load("isNullObject, address");
}

/**
 * A grid with the merges read (after the sync): all of them, or those of the top rows with
 * `mergesUpTo`; unchanged (merges unknown) for "none".
 */
export function withMerges(grid: SheetGrid, areas: Excel.RangeAreas | null, mode: MergeMode): SheetGrid {
  if (mode === "none" || areas === null) return grid;
  const merges = areas.isNullObject ? [] : areasOfAddress(areas.address);
  return mode === "all" ? { ...grid, merges } : { ...grid, merges, mergesUpTo: MERGE_HEAD_ROWS };
}
