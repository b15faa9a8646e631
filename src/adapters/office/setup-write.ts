/**
 * The writes of a setup plan, queued in batches under the request budget: new sheets, merges
 * and sizes first; then cells, each vertical run with its 操作日志 rows (a run of one formula in
 * R1C1 as that single formula for the whole run, through formulasR1C1); then looks, number
 * formats and rules.
 */
import { EMPTY, type CellValue } from "../../domain/cell";
import { rangeRef } from "../../domain/a1-ref";
import type { CellPlan } from "../../domain/setup-plan";
import type { CellWrite } from "../../app/port";
import { logRowCells, OPERATION_LOG_SHEET, sheetEntry, type LogBase } from "../../domain/operation-log";
import { findSheetName } from "../../domain/sheet-name";
import { uniformR1C1 } from "./r1c1";
import { CREATE_LOG_BYTES, logRowsBytes, officeLogRows, queueCreateLog, queueLogRows } from "./op-log";
import { newLogValue } from "./setup-cells";
import type { SetupHost } from "./setup-host";
import { EDGES, type OfficeLook } from "./setup-rules";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./size";
import type { SizedBatch } from "./batches";
import { byColumn, groupRuns, queueRun, runAddress, verticalRuns } from "./write-plan";

/** Estimated request bytes of setting a look (each property one action; borders up to 15). */
function lookBytes(look: OfficeLook): number {
  const actions = Object.keys(look).length + (look.borders ? 15 : 0);
  return actions * ACTION_OVERHEAD_BYTES + jsonBytes(look);
}

/** Queues a look on a range (borders on every cell of it). */
function queueLook(range: Excel.Range, look: OfficeLook, rows: number): void {
  const f = range.format;
  if (look.fontName !== undefined) f.font.name = look.fontName;
  if (look.fontSize !== undefined) f.font.size = look.fontSize;
  if (look.bold !== undefined) f.font.bold = look.bold;
  if (look.fontColor !== undefined) f.font.color = look.fontColor;
  if (look.fill !== undefined) f.fill.color = look.fill;
  if (look.wrap !== undefined) f.wrapText = look.wrap;
  if (look.horizontal !== undefined) f.horizontalAlignment = look.horizontal as Excel.HorizontalAlignment;
  if (look.vertical !== undefined) f.verticalAlignment = look.vertical as Excel.VerticalAlignment;
  if (look.borders !== undefined) {
    const edges = [...EDGES, ...(rows > 1 ? (["InsideHorizontal"] as const) : [])];
    for (const edge of edges) {
      const line = edge === "InsideHorizontal" ? look.borders.EdgeTop : look.borders[edge];
      if (!line) continue;
      const border = f.borders.getItem(edge);
      border.style = line.style as Excel.BorderLineStyle;
      border.weight = line.weight as Excel.BorderWeight;
      if (line.color) border.color = line.color;
    }
  }
  if (look.numFmt !== undefined) setWhole(range, "numberFormat", look.numFmt);
}

/**
 * One value for a whole range: Microsoft documents that a single value set on `formulas`,
 * `formulasR1C1` or `numberFormat` is applied to every cell of the range. Formulas go in R1C1,
 * where a relative reference means the same offset in every cell (nothing relies on Excel
 * moving A1 references). The typings only declare arrays, hence the cast.
 * @example setWhole(sheet.getRange("W3:W400"), "formulasR1C1", '=IF(RC[-21]<>"",1,0)') // W400 reads B400
 */
export function setWhole(range: Excel.Range, property: "formulasR1C1" | "numberFormat", value: string): void {
  (range as unknown as Record<typeof property, string>)[property] = value;
}

/** A planned formula or value to write, with what the log records. */
export interface PlannedWrite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly plan: CellPlan | null;
  /** The value (for a cleared cell, EMPTY). */
  readonly value: CellPlan["value"];
  readonly numFmt?: string;
  readonly old: CellValue;
  /** True when the cell held a formula (the log shows it; undo must not write its text back). */
  readonly oldFormula: boolean;
}

/** Column of the encoded old value in a log row (OPERATION_LOG_HEADERS: 原值编码). */
const OLD_CODE_COLUMN = 9;

/** Consecutive formula writes of one column: one relative formula, or one formula per cell. */
interface FormulaRun {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly formulas: readonly string[];
  readonly numFmt?: string;
  readonly writes: readonly PlannedWrite[];
}

/** Commands to queue, their estimated request bytes, and what to check after their sync. */
export type Queued = SizedBatch;

/**
 * A command to queue later, with its estimated request bytes.
 * @example queued(200, () => sheet.freezePanes.freezeRows(2))
 */
export function queued(bytes: number, queue: () => void): Queued {
  return { bytes, queue };
}

/** One item of the write batches. */
type SetupItem =
  | ({ readonly kind: "post" } & SizedBatch)
  | {
      readonly kind: "pre" | "cells";
      readonly bytes: number;
      readonly log: (string | number | boolean)[][];
      queue(): void;
    };

/** Consecutive rows of one column sharing a look: one set of format assignments. */
export interface LookRun {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  rows: number;
  readonly look: OfficeLook;
  readonly key: string;
}

/**
 * Adds a cell's look to the runs, extending a recent run when the cell is right below it with the same look.
 * @example addLook(runs, "表", 4, 2, { bold: true }) // runs[runs.length - 1].rows grows when B3 was bold too
 */
export function addLook(runs: LookRun[], sheet: string, row: number, col: number, look: OfficeLook): void {
  if (Object.keys(look).length === 0) return;
  const key = JSON.stringify(look);
  // Planned cells come row by row, several columns each: the run to extend is among the last few.
  for (let i = runs.length - 1; i >= Math.max(0, runs.length - LOOK_LOOKBACK); i--) {
    const run = runs[i];
    if (run.sheet === sheet && run.col === col && run.row + run.rows === row && run.key === key) {
      run.rows += 1;
      return;
    }
  }
  runs.push({ sheet, row, col, rows: 1, look, key });
}

/** How many recent runs addLook looks back through (columns planned per row, with room). */
const LOOK_LOOKBACK = 16;

/** Formula runs of one column: consecutive rows, the same number format. */
function formulaRuns(writes: readonly PlannedWrite[]): FormulaRun[] {
  const sorted = [...writes].sort(byColumn);
  return verticalRuns(sorted, (first, next) => first.numFmt === next.numFmt).map((run) => ({
    sheet: run[0].sheet,
    row: run[0].row,
    col: run[0].col,
    formulas: run.map((w) => (w.value as { f: string }).f),
    writes: run,
    ...(run[0].numFmt ? { numFmt: run[0].numFmt } : {}),
  }));
}

/** One log row per cell, or one per run that filled empty cells with one formula; nothing for created sheets. */
class SetupLogRows {
  constructor(
    private readonly base: LogBase | null,
    private readonly created: ReadonlySet<string>,
  ) {}

  /** Entries of the sheets the plan creates: one each (their cells go with them). */
  createdSheets(): (string | number | boolean)[][] {
    if (this.base === null) return [];
    return officeLogRows([...this.created].map((name) => logRowCells(sheetEntry(this.base!, name, "created"))));
  }

  /**
   * Rows of written cells. A replaced formula is shown in 原值 but recorded as empty in 原值编码:
   * the log cannot hold formulas, and undo writing a formula's (abbreviated) text back as a
   * value would be worse than leaving the cell empty for the next refresh.
   */
  cells(ws: readonly PlannedWrite[]): (string | number | boolean)[][] {
    const kept = ws.filter((w) => !this.created.has(w.sheet));
    if (kept.length === 0 || this.base === null) return [];
    const base = this.base;
    if (
      kept.length > 1 &&
      kept.every((w) => w.plan && w.value.t === "formula" && w.old.t === "empty" && !w.oldFormula)
    ) {
      const [first, last] = [kept[0], kept[kept.length - 1]];
      const entry = { ...base, sheet: first.sheet, row: first.row, col: first.col, lastRow: last.row };
      return officeLogRows([logRowCells({ ...entry, old: EMPTY, new: newLogValue(first.value) })]);
    }
    return officeLogRows(
      kept.map((w) => {
        const cells = logRowCells({
          ...base,
          sheet: w.sheet,
          row: w.row,
          col: w.col,
          old: w.old,
          new: w.plan ? newLogValue(w.value) : EMPTY,
        });
        if (w.oldFormula) cells[OLD_CODE_COLUMN] = { t: "string", v: "-" };
        return cells;
      }),
    );
  }
}

/**
 * Sends every write now, in groups under the request budget (a group refused as too large is
 * split): new sheets, names and sizes first, cells with their log rows, then looks and rules;
 * each item's check runs after its sync. `all` are the sheet names before the plan (to know
 * whether the log exists). The 操作日志 gets one entry per created sheet, one per run of
 * formulas written into empty cells, and one per other cell.
 * @example await queueWrites(host, names, ["工作日历"], writes, looks, pre, post)
 */
export async function queueWrites(
  host: SetupHost,
  all: readonly string[],
  created: readonly string[],
  writes: readonly PlannedWrite[],
  looks: readonly LookRun[],
  pre: readonly Queued[],
  post: readonly Queued[],
): Promise<void> {
  const context = host.context;
  const sheet = (name: string) => context.workbook.worksheets.getItem(name);
  const logged = writes.length > 0 || created.length > 0;
  const log = new SetupLogRows(logged ? host.logBase() : null, new Set(created));
  const items: SetupItem[] = [];
  const needLog = logged && findSheetName(OPERATION_LOG_SHEET, all) === undefined;
  if (pre.length > 0 || needLog) {
    const rows = log.createdSheets();
    items.push({
      kind: "pre",
      log: rows,
      bytes: pre.reduce((n, q) => n + q.bytes, needLog ? CREATE_LOG_BYTES : 0) + logRowsBytes(rows),
      queue: () => {
        // Sheets first (the log among them), then names, merges and sizes on them.
        for (const q of pre) q.queue();
        if (needLog) queueCreateLog(context);
      },
    });
  }
  // Plain values: vertical runs as the session writes them (values and number formats).
  const values = writes.filter((w) => w.value.t !== "formula");
  const valueWrites: CellWrite[] = values.map((w) => ({
    sheet: w.sheet,
    row: w.row,
    col: w.col,
    value: w.value as CellValue,
    ...(w.numFmt !== undefined ? { numFmt: w.numFmt } : {}),
    old: w.old,
  }));
  const byWrite = new Map(values.map((w, i) => [valueWrites[i], w]));
  for (const run of groupRuns(valueWrites)) {
    const rows = log.cells(run.writes.map((cw) => byWrite.get(cw)!));
    items.push({
      kind: "cells",
      log: rows,
      bytes: run.bytes + logRowsBytes(rows),
      queue: () => queueRun(sheet(run.sheet), run),
    });
  }
  items.push(...formulaItems(writes, log, sheet));
  const lookRuns = looks.map((l) =>
    queued(lookBytes(l.look), () => {
      const range = sheet(l.sheet).getRange(
        rangeRef({ top: l.row, left: l.col, bottom: l.row + l.rows - 1, right: l.col }),
      );
      queueLook(range, l.look, l.rows);
    }),
  );
  for (const q of [...lookRuns, ...post])
    items.push({ kind: "post", bytes: q.bytes, queue: q.queue, collect: q.collect });
  if (items.length === 0) return;
  host.sheetsAdded([...created, ...(needLog ? [OPERATION_LOG_SHEET] : [])]);
  await host.write(items, (group) => {
    for (const item of group) if (item.kind === "pre") item.queue();
    const rows = group.flatMap((item) => (item.kind === "post" ? [] : item.log));
    if (rows.length > 0) queueLogRows(context, rows);
    for (const item of group) if (item.kind === "cells") item.queue();
    for (const item of group) if (item.kind === "post") item.queue();
  });
}

/** The formula runs: one R1C1 formula per run through formulasR1C1 when the run is uniform, else A1 cell by cell. */
function formulaItems(
  writes: readonly PlannedWrite[],
  log: SetupLogRows,
  sheet: (name: string) => Excel.Worksheet,
): SetupItem[] {
  return formulaRuns(writes.filter((w) => w.value.t === "formula")).map((run) => {
    const rows = log.cells(run.writes);
    const r1c1 = uniformR1C1(run.formulas, run.row, run.col);
    const payload = r1c1 ?? run.formulas;
    return {
      kind: "cells",
      log: rows,
      bytes: jsonBytes(payload) + 2 * ACTION_OVERHEAD_BYTES + logRowsBytes(rows),
      queue: () => {
        const range = sheet(run.sheet).getRange(runAddress({ row: run.row, col: run.col, values: run.formulas }));
        if (run.numFmt !== undefined) setWhole(range, "numberFormat", run.numFmt);
        if (r1c1 !== null) setWhole(range, "formulasR1C1", `=${r1c1}`);
        else range.formulas = run.formulas.map((f) => [`=${f}`]);
      },
    };
  });
}
