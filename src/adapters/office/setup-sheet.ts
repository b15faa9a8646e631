/**
 * The writes one sheet of a setup plan needs, decided from what the read batch loaded: new
 * sheet, merges, cells by their fill mode (with the 操作日志 values), stale cells of a generated
 * sheet, column widths and row heights, number formats, validation, conditional formats,
 * frozen panes and print settings. Everything is compared first, so a second refresh queues
 * nothing.
 */
import { EMPTY } from "../../domain/cell";
import { columnLetters, type CellRange } from "../../domain/a1-ref";
import { decideCell } from "../../domain/cell-write-rule";
import { columnWidthPt } from "../../domain/layout/metrics";
import type { SheetPlan } from "../../domain/setup-plan";
import type { SetupChangeLog } from "../../app/setup-port";
import { formulaOf, NEW_CELL, oldLogValue, storedCell, type LoadedCell } from "./setup-cells";
import { conditionalFormatWrites } from "./setup-formats";
import { printWrites } from "./setup-print";
import type { SheetRead } from "./setup-read";
import { cellKey } from "./setup-read-cells";
import { rangeRef } from "../../domain/a1-ref";
import {
  lookDifference,
  officeLook,
  officeValidation,
  sameValidation,
  type LoadedLook,
  type OfficeLook,
} from "./setup-rules";
import { addLook, queued, setWhole, type LookRun, type PlannedWrite, type Queued } from "./setup-write";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./size";

/** One sheet of the plan, as the workbook spells its name, and what was read of it. */
export interface SheetTarget {
  readonly plan: SheetPlan;
  readonly name: string;
  readonly exists: boolean;
  read: SheetRead | null;
}

/** What the host lets the setup do beyond ExcelApi 1.8. */
export interface Features {
  readonly print: boolean;
  readonly mergedAreas: boolean;
}

/** The writes of every sheet, collected for one send. */
export interface WriteSet {
  readonly writes: PlannedWrite[];
  readonly looks: LookRun[];
  readonly pre: Queued[];
  readonly post: Queued[];
  readonly created: string[];
}

/** What deciding a sheet's writes needs from the operation. */
export interface SheetContext {
  readonly context: Excel.RequestContext;
  readonly features: Features;
  readonly log: SetupChangeLog;
  readonly warnings: string[];
  /** Queues commands that go with the end of the operation. */
  later(queue: () => void): void;
  /** Said once when the host cannot set page layout. */
  printFallback(): void;
}

/** Excel's look of a cell nobody formatted. */
const DEFAULT_LOOK: LoadedLook = {
  bold: false,
  fontSize: 11,
  fontColor: "#000000",
  fill: null,
  wrap: false,
  horizontal: "General",
  vertical: "Bottom",
  borders: {},
  numFmt: "General",
};

/** The parts of a copied look worth copying (Office reports "no fill" as white, "General" formats). */
function copiedLook(source: LoadedLook | undefined): OfficeLook {
  if (!source) return {};
  const out: Record<string, unknown> = {};
  if (typeof source.bold === "boolean") out.bold = source.bold;
  if (typeof source.fontSize === "number") out.fontSize = source.fontSize;
  if (typeof source.fontName === "string" && source.fontName !== "") out.fontName = source.fontName;
  if (typeof source.fontColor === "string" && source.fontColor !== "") out.fontColor = source.fontColor;
  if (typeof source.fill === "string" && source.fill !== "" && source.fill.toUpperCase() !== "#FFFFFF")
    out.fill = source.fill;
  if (typeof source.wrap === "boolean") out.wrap = source.wrap;
  if (typeof source.horizontal === "string" && source.horizontal !== "General") out.horizontal = source.horizontal;
  if (typeof source.vertical === "string") out.vertical = source.vertical;
  const lines = Object.entries(source.borders ?? {}).filter(([, l]) => l && l.style !== "None");
  if (lines.length > 0) out.borders = Object.fromEntries(lines);
  if (typeof source.numFmt === "string" && source.numFmt !== "General") out.numFmt = source.numFmt;
  return out as OfficeLook;
}

function withoutNumFmt(look: OfficeLook): OfficeLook {
  const rest: Record<string, unknown> = { ...look };
  delete rest.numFmt;
  return rest as OfficeLook;
}

function cellsOf(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

/**
 * Decides the writes of one sheet and adds them to `out`.
 * @example planSheetWrites(target, sheetContext, writeSet)
 */
export function planSheetWrites(t: SheetTarget, ctx: SheetContext, out: WriteSet): void {
  const sheet = () => ctx.context.workbook.worksheets.getItem(t.name);
  if (!t.exists) {
    ctx.log.add(t.name, "sheet-created");
    out.created.push(t.name);
    out.pre.push(
      queued(ACTION_OVERHEAD_BYTES + jsonBytes(t.name), () => {
        ctx.context.workbook.worksheets.add(t.name);
      }),
    );
  }
  const covered = mergeWrites(t, sheet, ctx.log, out.pre);
  const planned = cellWrites(t, covered, ctx.log, out);
  clearWrites(t, covered, planned, ctx.log, out.writes);
  sizeWrites(t, sheet, ctx.log, out.pre);
  formatWrites(t, sheet, ctx.log, out.post);
  validationWrites(t, sheet, ctx.log, out.post);
  const cf = conditionalFormatWrites(t.plan, t.read?.formats ?? null, sheet, ctx.log, t.name, ctx.warnings);
  if (cf) out.post.push(cf);
  freezeWrites(t, sheet, ctx.log, out.post);
  if (t.plan.print) {
    if (!ctx.features.print) ctx.printFallback();
    else {
      const print = printWrites(t.plan.print, t.read?.print ?? null, sheet, t.name, ctx);
      if (print) {
        ctx.log.add(t.name, "print");
        out.post.push(print);
      }
    }
  }
}

/** Merges: only where no cell is merged yet (unknown on an existing sheet without ExcelApi 1.13). */
function mergeWrites(t: SheetTarget, sheet: () => Excel.Worksheet, log: SetupChangeLog, pre: Queued[]): Set<string> {
  const covered = new Set(t.read?.covered ?? []);
  t.plan.merges.forEach((m, i) => {
    const present = t.exists ? (t.read?.mergesPresent[i] ?? null) : false;
    if (present !== false) return;
    log.add(t.name, "merges");
    pre.push(queued(ACTION_OVERHEAD_BYTES, () => sheet().getRange(rangeRef(m)).merge(false)));
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(cellKey(r, c));
  });
  return covered;
}

/** Cells, by fill mode; returns the keys of the planned cells. */
function cellWrites(t: SheetTarget, covered: Set<string>, log: SetupChangeLog, out: WriteSet): Set<string> {
  const read = t.read;
  let written = 0;
  const planned = new Set<string>();
  const conflict = (row: number, col: number, found: string) =>
    log.conflicts.push({ sheet: t.name, row, col, address: `${columnLetters(col)}${row}`, found });
  for (const cell of t.plan.cells) {
    const k = cellKey(cell.row, cell.col);
    planned.add(k);
    if (covered.has(k)) {
      if (cell.mode !== "owned") conflict(cell.row, cell.col, "（合并单元格）");
      continue;
    }
    const loaded: LoadedCell = t.exists ? (read?.cells.get(k) ?? NEW_CELL) : NEW_CELL;
    const decision = decideCell(cell, storedCell(loaded));
    if (decision.conflict !== undefined) conflict(cell.row, cell.col, decision.conflict);
    const base = cell.styleFrom ? copiedLook(read?.looks.get(cellKey(cell.styleFrom.row, cell.styleFrom.col))) : {};
    const look = officeLook(cell.style, base);
    if (decision.write) {
      out.writes.push({
        sheet: t.name,
        row: cell.row,
        col: cell.col,
        plan: cell,
        value: cell.value,
        ...(look.numFmt !== undefined ? { numFmt: look.numFmt } : {}),
        old: oldLogValue(loaded),
        oldFormula: formulaOf(loaded) !== null,
      });
      addLook(out.looks, t.name, cell.row, cell.col, withoutNumFmt(look));
      written += 1;
    } else if (cell.mode === "owned" && cell.style) {
      const current: LoadedLook = t.exists
        ? { ...(read?.looks.get(k) ?? {}), numFmt: read?.numberFormats.get(k) ?? "General" }
        : DEFAULT_LOOK;
      const missing = lookDifference(officeLook(cell.style), current);
      if (Object.keys(missing).length > 0) {
        addLook(out.looks, t.name, cell.row, cell.col, missing);
        written += 1;
      }
    }
  }
  log.add(t.name, "cells", written);
  return planned;
}

/** Cells of a generated sheet's region that the plan no longer lists. */
function clearWrites(
  t: SheetTarget,
  covered: Set<string>,
  planned: Set<string>,
  log: SetupChangeLog,
  writes: PlannedWrite[],
): void {
  let cleared = 0;
  const read = t.read;
  const block = read?.block;
  const owned = t.plan.owned;
  if (owned && block && read) {
    for (let r = Math.max(block.top, owned.fromRow); r <= block.bottom; r++) {
      for (let c = Math.max(block.left, owned.left); c <= Math.min(block.right, owned.right); c++) {
        const k = cellKey(r, c);
        const loaded = read.cells.get(k);
        if (planned.has(k) || covered.has(k) || !loaded) continue;
        if (loaded.value === "" && !(typeof loaded.formula === "string" && loaded.formula.startsWith("="))) continue;
        writes.push({
          sheet: t.name,
          row: r,
          col: c,
          plan: null,
          value: EMPTY,
          old: oldLogValue(loaded),
          oldFormula: formulaOf(loaded) !== null,
        });
        cleared += 1;
      }
    }
  }
  log.add(t.name, "cells-cleared", cleared);
}

/** Column widths, hidden columns, row heights. */
function sizeWrites(t: SheetTarget, sheet: () => Excel.Worksheet, log: SetupChangeLog, pre: Queued[]): void {
  let sized = 0;
  const size = (queue: () => void) => {
    sized += 1;
    pre.push(queued(ACTION_OVERHEAD_BYTES, queue));
  };
  for (const c of t.plan.columns) {
    const current = t.read?.columns.get(c.col);
    const letters = columnLetters(c.col);
    const column = () => sheet().getRange(`${letters}:${letters}`);
    if (c.width !== undefined) {
      const pt = columnWidthPt(c.width);
      if (typeof current?.width !== "number" || Math.abs(current.width - pt) > 0.5)
        size(() => (column().format.columnWidth = pt));
    }
    if (c.hidden !== undefined && Boolean(current?.hidden) !== c.hidden)
      size(() => (column().columnHidden = c.hidden!));
  }
  for (const h of t.plan.rowHeights ?? []) {
    const current = t.read?.rowHeights.get(h.row);
    if (typeof current === "number" && Math.abs(current - h.height) <= 0.25) continue;
    size(() => (sheet().getRange(`${h.row}:${h.row}`).format.rowHeight = h.height));
  }
  log.add(t.name, "columns", sized);
}

/** Number formats of ranges: set on the whole range when a probe of it differs (setup-read formatProbes). */
function formatWrites(t: SheetTarget, sheet: () => Excel.Worksheet, log: SetupChangeLog, post: Queued[]): void {
  let formatted = 0;
  t.plan.numberFormats.forEach((f, i) => {
    const probes = t.exists ? t.read?.formatProbes[i] : undefined;
    if (probes !== undefined && probes.length > 0 && probes.every((p) => p === f.numFmt)) return;
    formatted += cellsOf(f.range);
    post.push(
      queued(ACTION_OVERHEAD_BYTES + jsonBytes(f.numFmt), () =>
        setWhole(sheet().getRange(rangeRef(f.range)), "numberFormat", f.numFmt),
      ),
    );
  });
  log.add(t.name, "number-formats", formatted);
}

/** Data validation: a range is set again (cleared first) when any of its cells differs. */
function validationWrites(t: SheetTarget, sheet: () => Excel.Worksheet, log: SetupChangeLog, post: Queued[]): void {
  let validated = 0;
  t.plan.validations.forEach((v, i) => {
    const wanted = officeValidation(v);
    const loaded = t.read?.validations[i];
    if (loaded && sameValidation(wanted, loaded)) return;
    validated += cellsOf(v.range);
    post.push(
      queued(5 * ACTION_OVERHEAD_BYTES + jsonBytes(wanted), () => {
        const dv = sheet().getRange(rangeRef(v.range)).dataValidation;
        dv.clear();
        dv.rule = wanted.rule;
        dv.errorAlert = wanted.errorAlert;
        dv.prompt = wanted.prompt;
        dv.ignoreBlanks = wanted.ignoreBlanks;
      }),
    );
  });
  log.add(t.name, "validations", validated);
}

/** Frozen header rows (frozen columns kept). */
function freezeWrites(t: SheetTarget, sheet: () => Excel.Worksheet, log: SetupChangeLog, post: Queued[]): void {
  if (!t.plan.freeze) return;
  const rows = t.plan.freeze.rows;
  const current = t.read?.freeze ?? { rows: 0, columns: 0 };
  if (current.rows === rows) return;
  log.add(t.name, "freeze");
  post.push(
    queued(ACTION_OVERHEAD_BYTES, () => {
      const panes = sheet().freezePanes;
      if (current.columns > 0) panes.freezeAt(`A1:${columnLetters(current.columns)}${rows}`);
      else panes.freezeRows(rows);
    }),
  );
}
