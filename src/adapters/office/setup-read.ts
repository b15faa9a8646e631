/**
 * What applying a setup plan reads first, queued as loads in as few batches as the 5 MB limit
 * allows (usually one): per existing sheet the `values` and `formulas` of every planned cell
 * (a generated sheet as one block with its used range, so stale cells can be cleared), number
 * formats and looks that the plan compares, each validation range's rule, the sheet's
 * conditional formats with probes that tell their exact ranges, frozen panes, column widths,
 * print settings and merged areas; and the workbook's defined names.
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
import {
  EDGES,
  exactnessProbes,
  frozenOf,
  type Edge,
  type LoadedLook,
  type LoadedPrint,
  type LoadedValidation,
  type OfficeLine,
  type OfficeRule,
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

/** What was loaded for one conditional format of a sheet. */
export interface LoadedFormat extends OfficeRule {
  readonly id: string;
  readonly type: string;
  readonly priority: number;
  /** The loaded object, to delete it. */
  readonly item: Excel.ConditionalFormat;
}

/** Everything read about one existing sheet. */
export interface SheetRead {
  readonly cells: Map<string, LoadedCell>;
  /** The block loaded of a generated sheet (planned cells and used range), when one was. */
  block: CellRange | null;
  readonly numberFormats: Map<string, string>;
  readonly looks: Map<string, LoadedLook>;
  /** Cells inside merged areas other than their top-left cell (known with ExcelApi 1.13). */
  readonly covered: Set<string>;
  /** Per plan merge: true when a cell of it is merged, false when none, null when unknown. */
  readonly mergesPresent: (boolean | null)[];
  readonly validations: (LoadedValidation | null)[];
  readonly formats: LoadedFormat[];
  /** Per plan conditional format: the ids on its range, at its corners, and just outside it. */
  readonly probes: { inside: Set<string>; corners: Set<string>[]; outside: Set<string>[] }[];
  freeze: { rows: number; columns: number } | null;
  readonly columns: Map<number, { width: number | null; hidden: boolean | null }>;
  readonly rowHeights: Map<number, number | null>;
  print: LoadedPrint | null;
  /** Formula runs whose sampled formulas were not the planned ones: read again exactly. */
  readonly unconfirmed: CellPlan[][];
}

function emptyRead(): SheetRead {
  return {
    cells: new Map(),
    block: null,
    numberFormats: new Map(),
    looks: new Map(),
    covered: new Set(),
    mergesPresent: [],
    validations: [],
    formats: [],
    probes: [],
    freeze: null,
    columns: new Map(),
    rowHeights: new Map(),
    print: null,
    unconfirmed: [],
  };
}

/** One queued load with its estimated response size. */
interface ReadItem {
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
  /** The host has ExcelApi 1.9 (special cells): formula columns are read without their formulas. */
  readonly specialCells?: boolean;
}

/** Bytes a planned cell's `values` and `formulas` are expected to take. */
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
 * Reads of planned cells column slice by column slice: `values` and `formulas` of every cell
 * (and number formats where an owned cell sets one) — the exact read.
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
    let range: Excel.Range | null = null;
    return {
      bytes: slice.reduce((n, p) => n + estimate(p), 0) + ACTION_OVERHEAD_BYTES,
      queue: () => {
        range = ws()
          .getRange(address)
          .load(withFormats ? "values,formulas,numberFormat" : "values,formulas");
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

/** Shortest run of planned formulas read by special cells (Excel widens a one-cell range to the whole sheet). */
const MIN_RUN = 2;
/** Longest run read as one item (its values are estimated at RUN_CELL_BYTES each). */
const MAX_RUN = 20000;
const RUN_CELL_BYTES = 48;
/** Rows of a run whose formula text is read to confirm the run holds the planned formulas. */
const SAMPLE_EVERY = 500;

/**
 * Vertical runs of planned formulas in "formula" mode (the 状态 column), and the other cells.
 * @example formulaRuns(plan.cells).runs[0].length // 10399
 */
export function formulaRuns(cells: readonly CellPlan[]): { runs: CellPlan[][]; rest: CellPlan[] } {
  const candidates = cells
    .filter((p) => p.mode === "formula" && p.value.t === "formula")
    .sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: CellPlan[][] = [];
  let current: CellPlan[] = [];
  for (const p of candidates) {
    const last = current[current.length - 1];
    if (last !== undefined && last.col === p.col && last.row === p.row) continue;
    if (last !== undefined && (last.col !== p.col || last.row + 1 !== p.row || current.length >= MAX_RUN)) {
      runs.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) runs.push(current);
  const kept = runs.filter((r) => r.length >= MIN_RUN);
  const inRuns = new Set(kept.flatMap((r) => r.map((p) => cellKey(p.row, p.col))));
  return { runs: kept, rest: cells.filter((p) => !inRuns.has(cellKey(p.row, p.col))) };
}

/** Indexes of the cells of a run whose formula text is read: the first, every SAMPLE_EVERY-th, the last. */
function sampleIndexes(length: number): number[] {
  const out = new Set<number>([0, length - 1]);
  for (let i = SAMPLE_EVERY; i < length; i += SAMPLE_EVERY) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/**
 * The read of a run of planned formulas without its formulas (ExcelApi 1.9): the `values`
 * (short: what the formulas show), the addresses of its typed cells (special cells
 * "Constants") and of its formula cells ("Formulas"; not "Blanks", which Excel limits to the
 * used range), and the formula text of a few sampled cells. A typed cell is loaded as what it
 * holds, so it is still reported as a conflict and never overwritten; a cell that is neither
 * is empty. When every sampled cell holding a formula (at least one) holds its planned one, every formula
 * cell of the run is taken to hold its planned formula — so a person's own formula in an
 * unsampled cell of the 状态 column is neither reported nor replaced until the planned
 * formula changes, and then replaced without a report (TESTING.md). When a sample differs,
 * or no sampled cell holds a formula while others do, the run goes to `read.unconfirmed` and
 * is read again exactly (more round trips, as on ExcelApi 1.8).
 */
function formulaRunRead(ws: () => Excel.Worksheet, run: readonly CellPlan[], read: SheetRead): ReadItem {
  const first = run[0];
  const last = run[run.length - 1];
  const box = { top: first.row, left: first.col, bottom: last.row, right: first.col };
  const samples = sampleIndexes(run.length);
  let range: Excel.Range | null = null;
  let constants: Excel.RangeAreas | null = null;
  let formulas: Excel.RangeAreas | null = null;
  let sampled: Excel.Range[] = [];
  const sampleBytes = samples.reduce((n, i) => n + plannedBytes(run[i]), 0);
  return {
    bytes: run.length * RUN_CELL_BYTES + sampleBytes + 4 * ACTION_OVERHEAD_BYTES,
    queue: () => {
      const sheet = ws();
      range = sheet.getRange(areaRef(box)).load("values");
      constants = range.getSpecialCellsOrNullObject("Constants").load("address");
      formulas = range.getSpecialCellsOrNullObject("Formulas").load("address");
      sampled = samples.map((i) => sheet.getRange(`${columnLetters(run[i].col)}${run[i].row}`).load("values,formulas"));
    },
    collect: () => {
      const rowsOf = (areas: Excel.RangeAreas | null): Set<number> => {
        const rows = new Set<number>();
        if (!areas || areas.isNullObject) return rows;
        for (const a of areasOf(areas.address)) {
          if (a.left > box.left || a.right < box.left) continue;
          for (let r = Math.max(a.top, box.top); r <= Math.min(a.bottom, box.bottom); r++) rows.add(r);
        }
        return rows;
      };
      const typed = rowsOf(constants);
      const withFormula = rowsOf(formulas);
      const exact = new Map<number, LoadedCell>();
      samples.forEach((i, j) =>
        exact.set(run[i].row, { value: sampled[j].values[0][0], formula: sampled[j].formulas[0][0] }),
      );
      // At least one sampled cell must hold a formula when the run has any (else nothing confirms them).
      const someSampled = withFormula.size === 0 || samples.some((i) => withFormula.has(run[i].row));
      const confirmed =
        someSampled &&
        samples.every((i) => {
          const p = run[i];
          const f = exact.get(p.row)!.formula;
          return !withFormula.has(p.row) || (p.value.t === "formula" && f === `=${p.value.f}`);
        });
      if (!confirmed) {
        read.unconfirmed.push([...run]);
        return;
      }
      const values = range!.values;
      run.forEach((p, i) => {
        const value = values[i][0];
        const cell: LoadedCell = typed.has(p.row)
          ? { value, formula: value }
          : withFormula.has(p.row)
            ? (exact.get(p.row) ?? { value, formula: p.value.t === "formula" ? `=${p.value.f}` : "" })
            : { value: "", formula: "" };
        read.cells.set(cellKey(p.row, p.col), cell);
      });
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

  // Cells: a generated sheet as one block reaching its used range; others column by column,
  // runs of planned formulas (the 状态 column) by special cells when the host has them.
  const { runs, rest } = options.specialCells && !plan.owned ? formulaRuns(plan.cells) : { runs: [], rest: plan.cells };
  for (const run of runs) items.push(formulaRunRead(ws, run, read));
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
  } else if (rest.length > 0) {
    items.push(...exactReads(ws, rest, estimate, read));
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

  // Number formats the plan sets on ranges, in column slices.
  for (const f of plan.numberFormats) {
    const perCell = jsonBytes(f.numFmt) + 4;
    const rowsPerSlice = Math.max(1, Math.floor(SLICE_BYTES / perCell));
    for (let top = f.range.top; top <= f.range.bottom; top += rowsPerSlice) {
      const part = { ...f.range, top, bottom: Math.min(f.range.bottom, top + rowsPerSlice - 1) };
      let range: Excel.Range | null = null;
      items.push({
        bytes: (part.bottom - part.top + 1) * (part.right - part.left + 1) * perCell + ACTION_OVERHEAD_BYTES,
        queue: () => {
          range = ws().getRange(areaRef(part)).load("numberFormat");
        },
        collect: () => {
          range!.numberFormat.forEach((row, i) =>
            row.forEach((fmt, j) => read.numberFormats.set(cellKey(part.top + i, part.left + j), String(fmt))),
          );
        },
      });
    }
  }

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
    small(() => {
      const all = ws()
        .getRange()
        .conditionalFormats.load(
          "items/id,items/type,items/priority,items/customOrNullObject/rule/formula," +
            "items/customOrNullObject/format/fill/color,items/customOrNullObject/format/font/color," +
            "items/customOrNullObject/format/font/bold",
        );
      return () => {
        for (const item of all.items) {
          const custom = item.customOrNullObject;
          const isCustom = item.type === "Custom" && !custom.isNullObject;
          read.formats.push({
            item,
            id: item.id,
            type: item.type,
            priority: item.priority,
            formula: isCustom ? String(custom.rule.formula ?? "") : "",
            fill: isCustom ? (custom.format.fill.color ?? null) : null,
            fontColor: isCustom ? (custom.format.font.color ?? null) : null,
            bold: isCustom ? Boolean(custom.format.font.bold) : false,
          });
        }
      };
    }, 8000);
    plan.conditionalFormats.forEach((f, i) =>
      small(() => {
        const ids = (address?: string) =>
          (address === undefined ? ws().getRange() : ws().getRange(address)).conditionalFormats.load("items/id");
        const inside = ids(areaRef(f.range));
        const { corners, outside } = exactnessProbes(f.range);
        const atCorners = corners.map((a) => ids(a));
        const beside = outside.map((a) => ids(a));
        const set = (c: Excel.ConditionalFormatCollection) => new Set(c.items.map((x) => x.id));
        return () => (read.probes[i] = { inside: set(inside), corners: atCorners.map(set), outside: beside.map(set) });
      }, 2000),
    );
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
