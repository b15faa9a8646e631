/**
 * What applying a setup plan reads first, queued as loads in as few batches as the 5 MB limit
 * allows (usually one): per existing sheet the `values` and `formulas` of every planned cell,
 * exactly — the 状态 column and its helpers included: their formulas are short, so 10,000
 * rows of them read back well under 5 MB — (a generated sheet as one block with its used
 * range, so stale cells can be cleared), number formats and
 * looks that the plan compares, each validation range's rule, the sheet's conditional formats
 * (setup-formats.ts), frozen panes, column widths, print settings and merged areas; and the
 * workbook's defined names.
 *
 * Response sizes are estimated from the plan: a planned cell the operation already read as
 * part of the sheet's used range is assumed to hold what the plan wants (a formula of 1.9 KB,
 * say), one outside it is empty. When a batch is refused as too large anyway, the caller reads
 * again with every cell estimated at its planned size.
 */
import { cellText, type SheetGrid } from "../../domain/cell";
import { columnLetters, rangeRef, type CellRange } from "../../domain/a1-ref";
import type { CellPlan, SheetPlan } from "../../domain/setup-plan";
import type { Batch } from "./batches";
import type { LoadedCell } from "./setup-cells";
import { formatsRead, type SheetFormats } from "./setup-formats";
import {
  EDGES,
  frozenOf,
  type Edge,
  type LoadedLook,
  type LoadedPrint,
  type LoadedValidation,
  type OfficeLine,
} from "./setup-rules";
import { ACTION_OVERHEAD_BYTES, BATCH_BUDGET_BYTES, jsonBytes, packBySize } from "./size";

/** Largest estimated response of one slice of a column (slices are packed into batches). */
const SLICE_BYTES = 512 * 1024;
/** Estimated bytes of a cell read empty (values, formulas and their JSON). */
const EMPTY_CELL_BYTES = 12;
/** Margin on estimates of cells assumed to hold their planned content. */
const MARGIN = 1.25;

/**
 * The key of a cell in the maps of a SheetRead.
 * @example cellKey(3, 23) // "3,23"
 */
export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

/**
 * A1 address of a rectangle (a single cell as one reference).
 * @example areaRef({ top: 3, left: 1, bottom: 400, right: 23 }) // "A3:W400"
 */
export function areaRef(range: CellRange): string {
  return rangeRef(range);
}

/** Everything read about one existing sheet. */
export interface SheetRead {
  readonly cells: Map<string, LoadedCell>;
  /** The block loaded of a generated sheet (planned cells and used range), when one was. */
  block: CellRange | null;
  /** Number formats of cells read exactly (owned cells that set one). */
  readonly numberFormats: Map<string, string>;
  /** Per plan number format: the formats found at its probe cells (formatProbes). */
  readonly formatProbes: string[][];
  readonly looks: Map<string, LoadedLook>;
  /** Cells inside merged areas other than their top-left cell (known with ExcelApi 1.13). */
  readonly covered: Set<string>;
  /** Per plan merge: true when a cell of it is merged, false when none, null when unknown. */
  readonly mergesPresent: (boolean | null)[];
  readonly validations: (LoadedValidation | null)[];
  /** The sheet's conditional formats (and, after the second wave, the ranges of ours). */
  readonly formats: SheetFormats;
  freeze: { rows: number; columns: number } | null;
  readonly columns: Map<number, { width: number | null; hidden: boolean | null }>;
  readonly rowHeights: Map<number, number | null>;
  print: LoadedPrint | null;
}

function emptyRead(): SheetRead {
  return {
    cells: new Map(),
    block: null,
    numberFormats: new Map(),
    formatProbes: [],
    looks: new Map(),
    covered: new Set(),
    mergesPresent: [],
    validations: [],
    formats: { all: [], ranges: new Map() },
    freeze: null,
    columns: new Map(),
    rowHeights: new Map(),
    print: null,
  };
}

/** One queued load with its estimated response size. */
export interface ReadItem {
  readonly bytes: number;
  queue(): void;
  collect(): void;
}

/** What the reader may use beyond the plan. */
export interface ReadOptions {
  /** The grid of the sheet as this operation read it, for estimates. */
  readonly grid?: SheetGrid;
  /** Estimate every planned cell at its planned size (after a batch was refused as too large). */
  readonly pessimistic: boolean;
  /** The host has ExcelApi 1.9 (page layout). */
  readonly print: boolean;
  /** The host has ExcelApi 1.13 (merged areas). */
  readonly mergedAreas: boolean;
}

/** Bytes a planned cell's `formulas` (and `values`, unless formulaOnly) are expected to take. */
function plannedBytes(plan: CellPlan): number {
  const text = plan.value.t === "formula" ? `=${plan.value.f}` : cellText(plan.value);
  return jsonBytes(text) * (plan.value.t === "formula" ? 1 : 2) * MARGIN + EMPTY_CELL_BYTES;
}

export function estimator(options: ReadOptions): (plan: CellPlan) => number {
  const rows = options.grid?.rows;
  return (plan) => {
    const inUse = rows !== undefined && plan.row <= rows.length && plan.col <= (rows[plan.row - 1]?.length ?? 0);
    return options.pessimistic || rows === undefined || inUse ? plannedBytes(plan) : EMPTY_CELL_BYTES;
  };
}

/** Vertical runs of planned cells, cut where the estimate of a slice passes SLICE_BYTES. */
function columnSlices(cells: readonly CellPlan[], bytes: (p: CellPlan) => number): CellPlan[][] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const slices: CellPlan[][] = [];
  let current: CellPlan[] = [];
  let size = 0;
  for (const p of sorted) {
    const last = current[current.length - 1];
    const continues =
      last !== undefined && last.col === p.col && last.row + 1 === p.row && size + bytes(p) <= SLICE_BYTES;
    if (!continues && current.length > 0) {
      slices.push(current);
      current = [];
      size = 0;
    }
    if (last !== undefined && last.col === p.col && last.row === p.row) continue;
    current.push(p);
    size += bytes(p);
  }
  if (current.length > 0) slices.push(current);
  return slices;
}

function boxOf(cells: readonly { row: number; col: number }[]): CellRange {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return { top, left, bottom, right };
}

/**
 * Rectangles of a RangeAreas address.
 * @example areasOf("'表'!A1:B2,'表'!D4") // [{ top: 1, left: 1, bottom: 2, right: 2 }, { top: 4, left: 4, bottom: 4, right: 4 }]
 */
export function areasOf(address: string): CellRange[] {
  return address
    .split(",")
    .map((a) =>
      a
        .trim()
        .replace(/^(?:'(?:[^']|'')*'|[^!]*)!/, "")
        .replace(/\$/g, ""),
    )
    .filter((a) => a !== "")
    .map((a) => {
      const [from, to = from] = a.split(":");
      const at = (p: string) => {
        const m = /^([A-Z]+)(\d+)$/i.exec(p);
        if (!m) return { row: 0, col: 0 };
        let col = 0;
        for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
        return { row: Number(m[2]), col };
      };
      const p = at(from);
      const q = at(to);
      return { top: p.row, left: p.col, bottom: q.row, right: q.col };
    });
}

/**
 * Reads of planned cells column slice by column slice, exactly: `values` and `formulas` of every
 * cell (the two tell a formula from a text typed as '=…, which a formula never equals), and
 * number formats where an owned cell sets one.
 * @example exactReads(() => sheet, plan.cells, () => 12, read).length // 1
 */
export function exactReads(
  ws: () => Excel.Worksheet,
  cells: readonly CellPlan[],
  estimate: (p: CellPlan) => number,
  read: SheetRead,
): ReadItem[] {
  return columnSlices(cells, estimate).map((slice) => {
    const first = slice[0];
    const address = areaRef({
      top: first.row,
      left: first.col,
      bottom: first.row + slice.length - 1,
      right: first.col,
    });
    const withFormats = slice.some((p) => p.mode === "owned" && p.style?.numFmt !== undefined);
    const props = withFormats ? "values,formulas,numberFormat" : "values,formulas";
    let range: Excel.Range | null = null;
    return {
      bytes: slice.reduce((n, p) => n + estimate(p), 0) + ACTION_OVERHEAD_BYTES,
      queue: () => {
        range = ws().getRange(address).load(props);
      },
      collect: () => {
        const r = range!;
        slice.forEach((p, i) => {
          read.cells.set(cellKey(p.row, p.col), { value: r.values[i][0], formula: r.formulas[i][0] });
          if (withFormats) read.numberFormats.set(cellKey(p.row, p.col), String(r.numberFormat[i][0]));
        });
      },
    };
  });
}

/** Rows between two probes of a number format range. */
export const FORMAT_PROBE_STEP = 250;

/**
 * The rows where a number-format range is probed: its first and last row and every
 * FORMAT_PROBE_STEP-th row between (number formats are looks, not data: a cell a person
 * formatted otherwise between two probes keeps its format, and a column that grew is found
 * at its last row).
 * @example formatProbeRows({ top: 3, left: 8, bottom: 600, right: 8 }) // [3, 253, 503, 600]
 */
export function formatProbeRows(range: CellRange): number[] {
  const rows = new Set<number>([range.top, range.bottom]);
  for (let r = range.top + FORMAT_PROBE_STEP; r < range.bottom; r += FORMAT_PROBE_STEP) rows.add(r);
  return [...rows].sort((a, b) => a - b);
}

function formatProbe(ws: () => Excel.Worksheet, range: CellRange, read: SheetRead, index: number): ReadItem {
  const rows = formatProbeRows(range);
  let loaded: Excel.Range[] = [];
  return {
    bytes: rows.length * (range.right - range.left + 1) * 40 + rows.length * ACTION_OVERHEAD_BYTES,
    queue: () => {
      loaded = rows.map((r) =>
        ws()
          .getRange(areaRef({ ...range, top: r, bottom: r }))
          .load("numberFormat"),
      );
    },
    collect: () => {
      read.formatProbes[index] = loaded.flatMap((r) => r.numberFormat[0].map((f) => String(f)));
    },
  };
}

/** Queues the loads of a cell's look; the getter reads them after the sync. */
function loadLook(range: Excel.Range): () => LoadedLook {
  const format = range.format.load("horizontalAlignment,verticalAlignment,wrapText");
  const font = range.format.font.load("bold,size,color,name");
  const fill = range.format.fill.load("color");
  const borders = range.format.borders.load("items/sideIndex,items/style,items/weight,items/color");
  const numberFormat = range.load("numberFormat");
  return () => {
    const lines: Partial<Record<Edge, OfficeLine>> = {};
    for (const b of borders.items) {
      if ((EDGES as readonly string[]).includes(b.sideIndex)) {
        lines[b.sideIndex as Edge] = { style: b.style, weight: b.weight, color: b.color };
      }
    }
    return {
      bold: font.bold,
      fontSize: font.size,
      fontName: font.name,
      fontColor: font.color,
      fill: fill.color,
      wrap: format.wrapText,
      horizontal: format.horizontalAlignment,
      vertical: format.verticalAlignment,
      borders: lines,
      numFmt: String(numberFormat.numberFormat[0]?.[0] ?? "General"),
    };
  };
}

const LOOK_BYTES = 600;
const SMALL_BYTES = 400;

/** Plan styles that need more than a number format compared (owned cells are restyled when they differ). */
function needsLook(p: CellPlan): boolean {
  const s = p.style;
  return p.mode === "owned" && s !== undefined && Object.keys(s).some((k) => k !== "numFmt");
}

/**
 * Queues the reads of one existing sheet; returns the items (to pack into batches) and the
 * record they fill when collected.
 * @example const { items, read } = sheetReads(context, "督办事项登记表", plan.sheets[0], { pessimistic: false, print: true, mergedAreas: false })
 */
export function sheetReads(
  context: Excel.RequestContext,
  sheetName: string,
  plan: SheetPlan,
  options: ReadOptions,
): { items: ReadItem[]; read: SheetRead } {
  const read = emptyRead();
  const items: ReadItem[] = [];
  const ws = () => context.workbook.worksheets.getItem(sheetName);
  const small = (queue: () => () => void, bytes = SMALL_BYTES): void => {
    let collect: () => void = () => undefined;
    items.push({ bytes, queue: () => (collect = queue()), collect: () => collect() });
  };
  const estimate = estimator(options);

  // Cells: a generated sheet as one block reaching its used range; others column by column.
  if (plan.cells.length > 0 && plan.owned) {
    const owned = plan.owned;
    const planned = boxOf([
      ...plan.cells,
      { row: owned.fromRow, col: owned.left },
      { row: owned.fromRow, col: owned.right },
    ]);
    const bytes = plan.cells.reduce((n, p) => n + plannedBytes(p) + EMPTY_CELL_BYTES, 0);
    let range: Excel.Range | null = null;
    items.push({
      bytes,
      queue: () => {
        const sheet = ws();
        range = sheet
          .getRange(areaRef(planned))
          .getBoundingRect(sheet.getUsedRange(true))
          .load("rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat");
      },
      collect: () => {
        const r = range!;
        read.block = {
          top: r.rowIndex + 1,
          left: r.columnIndex + 1,
          bottom: r.rowIndex + r.rowCount,
          right: r.columnIndex + r.columnCount,
        };
        r.values.forEach((row, i) =>
          row.forEach((value, j) => {
            const k = cellKey(r.rowIndex + 1 + i, r.columnIndex + 1 + j);
            read.cells.set(k, { value, formula: r.formulas[i][j] });
            read.numberFormats.set(k, String(r.numberFormat[i][j]));
          }),
        );
      },
    });
  } else if (plan.cells.length > 0) {
    items.push(...exactReads(ws, plan.cells, estimate, read));
  }

  // Looks: owned cells whose style is more than a number format, and the cells styleFrom copies.
  const lookCells = new Map<string, { row: number; col: number }>();
  for (const p of plan.cells) {
    if (needsLook(p)) lookCells.set(cellKey(p.row, p.col), p);
    if (p.styleFrom) lookCells.set(cellKey(p.styleFrom.row, p.styleFrom.col), p.styleFrom);
  }
  for (const [k, at] of lookCells) {
    small(() => {
      const get = loadLook(ws().getRange(`${columnLetters(at.col)}${at.row}`));
      return () => read.looks.set(k, get());
    }, LOOK_BYTES);
  }

  // Merged areas (ExcelApi 1.13): of the planned cells, and of each merge the plan wants.
  if (options.mergedAreas) {
    if (plan.cells.length > 0) {
      const box = boxOf(plan.cells);
      small(() => {
        const areas = ws().getRange(areaRef(box)).getMergedAreasOrNullObject().load("address");
        return () => {
          if (areas.isNullObject) return;
          for (const a of areasOf(areas.address)) {
            for (let r = a.top; r <= a.bottom; r++) {
              for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) read.covered.add(cellKey(r, c));
            }
          }
        };
      });
    }
    plan.merges.forEach((m, i) =>
      small(() => {
        const areas = ws().getRange(areaRef(m)).getMergedAreasOrNullObject().load("address");
        return () => (read.mergesPresent[i] = !areas.isNullObject);
      }),
    );
  } else plan.merges.forEach((_m, i) => (read.mergesPresent[i] = null));

  // Number formats the plan sets on ranges: probed (formatProbes), not read cell by cell.
  plan.numberFormats.forEach((f, i) => items.push(formatProbe(ws, f.range, read, i)));

  plan.validations.forEach((v, i) =>
    small(() => {
      const dv = ws().getRange(areaRef(v.range)).dataValidation.load("type,rule,errorAlert,prompt,ignoreBlanks");
      return () =>
        (read.validations[i] = {
          type: dv.type,
          rule: dv.rule,
          errorAlert: dv.errorAlert,
          prompt: dv.prompt,
          ignoreBlanks: dv.ignoreBlanks,
        });
    }, 800),
  );

  if (plan.conditionalFormats.length > 0 || plan.conditionalFormatSignatures.length > 0) {
    items.push(formatsRead(ws, read.formats));
  }

  if (plan.freeze) {
    small(() => {
      const location = ws().freezePanes.getLocationOrNullObject().load("rowCount,columnCount");
      return () =>
        (read.freeze = frozenOf(
          location.isNullObject
            ? { isNullObject: true }
            : { isNullObject: false, rowCount: location.rowCount, columnCount: location.columnCount },
        ));
    });
  }

  for (const c of plan.columns) {
    small(() => {
      const letters = columnLetters(c.col);
      const column = ws().getRange(`${letters}:${letters}`).load("columnHidden");
      const format = column.format.load("columnWidth");
      return () => read.columns.set(c.col, { width: format.columnWidth, hidden: column.columnHidden });
    });
  }
  for (const h of plan.rowHeights ?? []) {
    small(() => {
      const format = ws().getRange(`${h.row}:${h.row}`).format.load("rowHeight");
      return () => read.rowHeights.set(h.row, format.rowHeight);
    });
  }

  if (plan.print && options.print) {
    small(() => {
      const layout = ws().pageLayout.load("orientation,paperSize,zoom");
      const area = layout.getPrintAreaOrNullObject().load("address");
      const titles = layout.getPrintTitleRowsOrNullObject().load("address");
      return () =>
        (read.print = {
          orientation: layout.orientation,
          paperSize: layout.paperSize,
          zoom: layout.zoom,
          area: area.isNullObject ? null : area.address,
          titleRows: titles.isNullObject ? null : titles.address,
        });
    });
  }
  return { items, read };
}

/**
 * The workbook's defined names (lower-case) and the formulas they refer to, once collected.
 * @example namesRead(context).names.get("日历序") // "='工作日历'!$J$2:$J$731" after the batch
 */
export function namesRead(context: Excel.RequestContext): { items: ReadItem[]; names: Map<string, string> } {
  const names = new Map<string, string>();
  let collection: Excel.NamedItemCollection | null = null;
  return {
    names,
    items: [
      {
        bytes: 4000,
        queue: () => {
          collection = context.workbook.names.load("items/name,items/formula");
        },
        collect: () => {
          for (const n of collection!.items) names.set(n.name.toLowerCase(), String(n.formula ?? ""));
        },
      },
    ],
  };
}

/**
 * The items as batches of at most the 4 MB budget (small items first, so usually one batch).
 * @example toBatches(items).length // 1
 */
export function toBatches(items: readonly ReadItem[]): Batch[] {
  const ordered = [...items].sort((a, b) => a.bytes - b.bytes);
  return packBySize(ordered, BATCH_BUDGET_BYTES).map((group) => ({
    queue: () => group.forEach((i) => i.queue()),
    collect: () => group.forEach((i) => i.collect()),
  }));
}
