/**
 * What applying a setup plan reads first, queued as loads in as few batches as the 5 MB limit
 * allows: per existing sheet every planned cell exactly — the 状态 column and its helpers
 * included: their formulas are short, so 10,000 rows of them read back in about 5 MB
 * (setup-read-cells.ts) —, probes of the number formats, the looks the plan compares, each
 * validation range's rule, the sheet's conditional formats (setup-formats.ts), frozen panes,
 * column widths, print settings and merged areas; and the workbook's defined names.
 */
import type { SheetGrid } from "../../domain/cell";
import { columnLetters, rangeRef, type CellRange } from "../../domain/a1-ref";
import type { CellPlan, SheetPlan } from "../../domain/setup-plan";
import { batchOf, readItem, type Batch, type ReadItem } from "./batches";
import type { LoadedCell } from "./setup-cells";
import { areasOfAddress } from "./merged-areas";
import { boxOf, cellKey, cellReads, formatProbe } from "./setup-read-cells";
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
import { BATCH_BUDGET_BYTES, packBySize } from "./size";

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

/** Estimated response bytes: a cell's look (fonts, fill, alignment, four borders, its format). */
const LOOK_BYTES = 600;
/** A small answer: a flag, a width, an address, a frozen-pane location. */
const SMALL_BYTES = 400;
/** A validation's type, rule (a list's source or two bounds), alert and prompt texts. */
const VALIDATION_BYTES = 800;
/** The workbook's defined names and their references (a few dozen). */
const NAMES_BYTES = 4000;

/** Plan styles that need more than a number format compared (owned cells are restyled when they differ). */
function needsLook(p: CellPlan): boolean {
  const s = p.style;
  return p.mode === "owned" && s !== undefined && Object.keys(s).some((k) => k !== "numFmt");
}

/** A small load: queued, and what its answer fills in once collected. */
type Small = (queue: () => () => void, bytes?: number) => void;

/** What the reads of one sheet work with: the sheet, its plan, the options, the record they fill, and `small`. */
interface SheetReadContext {
  readonly ws: () => Excel.Worksheet;
  readonly plan: SheetPlan;
  readonly options: ReadOptions;
  readonly read: SheetRead;
  readonly small: Small;
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
  const small: Small = (queue, bytes = SMALL_BYTES) => {
    items.push(readItem(bytes, queue));
  };
  const c: SheetReadContext = { ws, plan, options, read, small };
  items.push(...cellReads(ws, plan, options, read));
  lookReads(c);
  mergeReads(c);
  // Number formats the plan sets on ranges: probed (formatProbes), not read cell by cell.
  plan.numberFormats.forEach((f, i) => items.push(formatProbe(ws, f.range, read, i)));
  validationReads(c);
  if (plan.conditionalFormats.length > 0 || plan.conditionalFormatSignatures.length > 0) {
    items.push(formatsRead(ws, read.formats));
  }
  layoutReads(c);
  return { items, read };
}

/** Looks: owned cells whose style is more than a number format, and the cells styleFrom copies. */
function lookReads({ ws, plan, read, small }: SheetReadContext): void {
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
}

/** Merged areas (ExcelApi 1.13): of the planned cells, and of each merge the plan wants. */
function mergeReads({ ws, plan, options, read, small }: SheetReadContext): void {
  if (!options.mergedAreas) {
    plan.merges.forEach((_m, i) => (read.mergesPresent[i] = null));
    return;
  }
  if (plan.cells.length > 0) {
    const box = boxOf(plan.cells);
    small(() => {
      const areas = ws().getRange(rangeRef(box)).getMergedAreasOrNullObject().load("address");
      return () => {
        if (areas.isNullObject) return;
        for (const a of areasOfAddress(areas.address)) {
          for (let r = a.top; r <= a.bottom; r++) {
            for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) read.covered.add(cellKey(r, c));
          }
        }
      };
    });
  }
  plan.merges.forEach((m, i) =>
    small(() => {
      const areas = ws().getRange(rangeRef(m)).getMergedAreasOrNullObject().load("address");
      return () => (read.mergesPresent[i] = !areas.isNullObject);
    }),
  );
}

/** Each validation range's rule. */
function validationReads({ ws, plan, read, small }: SheetReadContext): void {
  plan.validations.forEach((v, i) =>
    small(() => {
      const dv = ws().getRange(rangeRef(v.range)).dataValidation.load("type,rule,errorAlert,prompt,ignoreBlanks");
      return () =>
        (read.validations[i] = {
          type: dv.type,
          rule: dv.rule,
          errorAlert: dv.errorAlert,
          prompt: dv.prompt,
          ignoreBlanks: dv.ignoreBlanks,
        });
    }, VALIDATION_BYTES),
  );
}

/** Frozen panes, column widths and hidden columns, row heights, print settings. */
function layoutReads({ ws, plan, options, read, small }: SheetReadContext): void {
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
}

/**
 * The workbook's defined names (lower-case) and the formulas they refer to, once collected.
 * @example namesRead(context).names.get("日历序") // "='工作日历'!$J$2:$J$731" after the batch
 */
export function namesRead(context: Excel.RequestContext): { items: ReadItem[]; names: Map<string, string> } {
  const names = new Map<string, string>();
  const item = readItem(NAMES_BYTES, () => {
    const collection = context.workbook.names.load("items/name,items/formula");
    return () => {
      for (const n of collection.items) names.set(n.name.toLowerCase(), String(n.formula ?? ""));
    };
  });
  return { names, items: [item] };
}

/**
 * The items as batches of at most the 4 MB budget (small items first, so usually one batch).
 * @example toBatches(items) // [{ queue, collect }]: one batch while everything fits the budget
 */
export function toBatches(items: readonly ReadItem[]): Batch[] {
  const ordered = [...items].sort((a, b) => a.bytes - b.bytes);
  return packBySize(ordered, BATCH_BUDGET_BYTES).map((group) => batchOf(group));
}
