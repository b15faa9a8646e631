/**
 * Reading sheets through Office.js: the used range (values only) of every requested sheet in
 * one batch. Only values are loaded: the engine reads serial numbers in date columns as dates,
 * and loading number formats for every cell would double the response (a 10,000-row registry
 * would no longer fit Excel on the web's 5 MB). When the response is still too large, the
 * reader falls back to one batch of sizes and a sample, then a precomputed list of row chunks
 * each estimated under the 4 MB budget (then without merged areas: the reader's fallback rule
 * recognises items over several rows).
 */
import { EMPTY, type CellValue, type SheetGrid } from "../../domain/cell";
import { runBatches, type Batch } from "./batches";
import { BATCH_BUDGET_BYTES, isPayloadTooLarge, jsonBytes, packBySize } from "./size";
import { fromOfficeValue } from "./values";
import { queueMerges, withMerges, type MergeMode } from "./merged-areas";

/** Rows read as a sample to estimate the bytes of a row before chunking. */
export const SAMPLE_ROWS = 200;
/** Estimated bytes of a row are the sample's average times this margin. */
export const ROW_SIZE_MARGIN = 1.5;

/** Where a sheet's used range sits and its values. */
interface UsedBlock {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[];
}

/**
 * A SheetGrid from the values of a used range at (rowIndex, columnIndex), 0-based: rows 1…last
 * row of the range, each padded with empty cells to the range's last column — the shape the
 * xlsx adapter gives.
 * @example gridFromBlock("S", { rowIndex: 1, columnIndex: 0, values: [["a"]] }).rows // [[EMPTY], [{ t: "string", v: "a" }]]
 */
export function gridFromBlock(name: string, block: UsedBlock | null): SheetGrid {
  if (!block || block.values.length === 0) return { name, rows: [] };
  // The used range of an empty sheet is A1 holding nothing.
  if (block.values.length === 1 && block.values[0].length === 1 && block.values[0][0] === "") return { name, rows: [] };
  const width = block.columnIndex + (block.values[0]?.length ?? 0);
  const rows: CellValue[][] = [];
  for (let r = 0; r < block.rowIndex; r++) rows.push(new Array<CellValue>(width).fill(EMPTY));
  for (const source of block.values) {
    const row = new Array<CellValue>(width).fill(EMPTY);
    source.forEach((raw, c) => (row[block.columnIndex + c] = fromOfficeValue(raw)));
    rows.push(row);
  }
  // Trailing rows that hold nothing (a formula giving "") are kept: the used range ends there.
  return { name, rows };
}

/**
 * Queues the load of a sheet's used range (values only) for gridFromBlock.
 * @example const used = loadUsedRange(context.workbook.worksheets.getItem("设置")) // then sync
 */
export function loadUsedRange(sheet: Excel.Worksheet): Excel.Range {
  return sheet.getUsedRangeOrNullObject(true).load("isNullObject, rowIndex, columnIndex, values");
}

/**
 * The grid of a used range loaded by loadUsedRange, after the sync.
 * @example usedGrid("设置", used) // { name: "设置", rows: [...] } (row 1 first, as gridFromBlock gives)
 */
export function usedGrid(name: string, used: Excel.Range): SheetGrid {
  return gridFromBlock(name, used.isNullObject ? null : used);
}

/**
 * Reads the used ranges of existing sheets (names as the workbook spells them), with their
 * merged areas when the host has ExcelApi 1.13 (`merges` "all"). One sync when the response
 * fits; when a sheet holds more merged areas than Excel returns at once, one more sync reading
 * the top rows' merges only; when the response is too large, 1 + 1 + (number of chunks) syncs
 * without merges. `knownLarge` names sheets that were too large before, which skip the attempt
 * at one batch.
 */
export async function readUsedRanges(
  context: Excel.RequestContext,
  names: readonly string[],
  knownLarge: Set<string>,
  merges: MergeMode = "none",
): Promise<SheetGrid[]> {
  if (names.length === 0) return [];
  if (!names.some((n) => knownLarge.has(n))) {
    const reads = names.map((name) => {
      const sheet = context.workbook.worksheets.getItem(name);
      return { used: loadUsedRange(sheet), areas: queueMerges(sheet, merges) };
    });
    try {
      await context.sync();
      return names.map((name, i) => withMerges(usedGrid(name, reads[i].used), reads[i].areas, merges));
    } catch (error) {
      if (!isPayloadTooLarge(error)) {
        // More merged areas than Excel returns at once: read again with the top rows' merges.
        if (merges === "all") return readUsedRanges(context, names, knownLarge, "head");
        throw error;
      }
      for (const n of names) knownLarge.add(n);
    }
  }
  return readInChunks(context, names);
}

interface Piece {
  readonly sheet: number;
  /** 0-based row offset inside the used range, and row count. */
  readonly offset: number;
  readonly rows: number;
  readonly bytes: number;
}

/** Sizes and a sample of each sheet (one sync), then row chunks packed under the budget. */
async function readInChunks(context: Excel.RequestContext, names: readonly string[]): Promise<SheetGrid[]> {
  // getUsedRange (not …OrNullObject): an empty sheet gives A1, so the sample can be chained.
  const used = names.map((name) =>
    context.workbook.worksheets.getItem(name).getUsedRange(true).load("rowIndex, columnIndex, rowCount, columnCount"),
  );
  // The sample: the first SAMPLE_ROWS rows of each used range (fewer when the range is shorter).
  const sampleRanges = used.map((range) =>
    range
      .getRow(0)
      .getResizedRange(SAMPLE_ROWS - 1, 0)
      .load("values"),
  );
  await context.sync();

  const pieces: Piece[] = [];
  used.forEach((range, sheet) => {
    const sample = sampleRanges[sheet].values.slice(0, range.rowCount);
    const perRow = Math.max(16, (jsonBytes(sample) / Math.max(1, sample.length)) * ROW_SIZE_MARGIN);
    const rowsPerPiece = Math.max(1, Math.floor(BATCH_BUDGET_BYTES / perRow));
    for (let offset = 0; offset < range.rowCount; offset += rowsPerPiece) {
      const rows = Math.min(rowsPerPiece, range.rowCount - offset);
      pieces.push({ sheet, offset, rows, bytes: rows * perRow });
    }
  });

  const values: unknown[][][] = names.map(() => []);
  const batches: Batch[] = packBySize(pieces, BATCH_BUDGET_BYTES).map((group) => {
    let loaded: { piece: Piece; range: Excel.Range }[] = [];
    return {
      queue: () => {
        loaded = group.map((piece) => {
          const base = used[piece.sheet];
          const range = context.workbook.worksheets
            .getItem(names[piece.sheet])
            .getRangeByIndexes(base.rowIndex + piece.offset, base.columnIndex, piece.rows, base.columnCount)
            .load("values");
          return { piece, range };
        });
      },
      collect: () => {
        for (const { piece, range } of loaded) values[piece.sheet].push(...range.values);
      },
    };
  });
  await runBatches(context, batches);
  return names.map((name, i) =>
    gridFromBlock(name, { rowIndex: used[i].rowIndex, columnIndex: used[i].columnIndex, values: values[i] }),
  );
}
