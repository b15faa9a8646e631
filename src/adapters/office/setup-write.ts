/**
 * The writes of a setup plan, queued in batches under the request budget: new sheets, merges
 * and sizes first; then cells, each vertical run with its 操作日志 rows (a run of one relative
 * formula as a single formula for the whole run); then looks, number formats and rules.
 */
import { EMPTY, type CellValue } from "../../domain/cell";
import { areaRef } from "./setup-read";
import type { CellPlan } from "../../domain/setup-plan";
import type { CellWrite } from "../../app/port";
import { logRowCells, OPERATION_LOG_SHEET } from "../../app/ports/operation-log";
import { isRelativeRun } from "./formula-shift";
import { logRowsBytes, officeLogRows, queueCreateLog, queueLogRows } from "./op-log";
import { newLogValue } from "./setup-cells";
import type { SetupHost } from "./setup-host";
import { EDGES, type OfficeLook } from "./setup-rules";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./size";
import { groupRuns, MAX_RUN_CELLS, runAddress, type WriteRun } from "./write-plan";

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
 * Office.js "single input copy": one value assigned to `values`, `formulas` or `numberFormat`
 * of a range applies to every cell of it (a formula as Ctrl+Enter enters it, relative
 * references moving with each cell). The typings only declare arrays, hence the cast.
 * @example setWhole(sheet.getRange("W3:W400"), "formulas", "=IF(B3<>\"\",1,0)") // W400 gets =IF(B400<>"",1,0)
 */
export function setWhole(range: Excel.Range, property: "formulas" | "numberFormat", value: string): void {
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

/** Commands to queue and their estimated request bytes. */
export interface Queued {
  readonly bytes: number;
  queue(): void;
}

/**
 * A command to queue later, with its estimated request bytes.
 * @example queued(200, () => sheet.freezePanes.freezeRows(2))
 */
export function queued(bytes: number, queue: () => void): Queued {
  return { bytes, queue };
}

/** One item of the write batches. */
type WriteItem =
  | { readonly kind: "pre" | "post"; readonly bytes: number; queue(): void }
  | { readonly kind: "cells"; readonly bytes: number; readonly log: (string | number | boolean)[][]; queue(): void };

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
 * Adds a cell's look to the runs, extending the last run when the cell is right below it with the same look.
 * @example addLook(runs, "表", 4, 2, { bold: true }) // runs[runs.length - 1].rows grows when B3 was bold too
 */
export function addLook(runs: LookRun[], sheet: string, row: number, col: number, look: OfficeLook): void {
  if (Object.keys(look).length === 0) return;
  const key = JSON.stringify(look);
  const last = runs[runs.length - 1];
  if (last && last.sheet === sheet && last.col === col && last.row + last.rows === row && last.key === key) {
    last.rows += 1;
  } else runs.push({ sheet, row, col, rows: 1, look, key });
}

/** Formula runs of one column: consecutive rows, the same number format. */
function formulaRuns(writes: readonly PlannedWrite[]): FormulaRun[] {
  const sorted = [...writes].sort((a, b) =>
    a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row,
  );
  const runs: FormulaRun[] = [];
  let open: {
    sheet: string;
    row: number;
    col: number;
    formulas: string[];
    numFmt?: string;
    writes: PlannedWrite[];
  } | null = null;
  for (const w of sorted) {
    const f = (w.value as { f: string }).f;
    const continues =
      open !== null &&
      open.sheet === w.sheet &&
      open.col === w.col &&
      open.row + open.formulas.length === w.row &&
      open.numFmt === w.numFmt &&
      open.formulas.length < MAX_RUN_CELLS;
    if (!continues || open === null) {
      if (open) runs.push(open);
      open = {
        sheet: w.sheet,
        row: w.row,
        col: w.col,
        formulas: [],
        writes: [],
        ...(w.numFmt ? { numFmt: w.numFmt } : {}),
      };
    }
    open.formulas.push(f);
    open.writes.push(w);
  }
  if (open) runs.push(open);
  return runs;
}

/**
 * Queues every write: new sheets and sizes first, cells with their log rows, then looks and
 * rules; `all` are the sheet names before the plan (to know whether the log exists).
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
  const base = writes.length > 0 ? host.logBase() : null;
  // A replaced formula is shown in 原值 but recorded as empty in 原值编码: the log cannot hold
  // formulas, and undo writing a formula's (abbreviated) text back as a value would be worse
  // than leaving the cell empty for the next refresh.
  const logRows = (ws: readonly PlannedWrite[]) =>
    officeLogRows(
      ws.map((w) => {
        const cells = logRowCells({
          ...base!,
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

  const items: WriteItem[] = [];
  // Excel compares sheet names case-insensitively.
  const needLog = writes.length > 0 && !all.some((n) => n.toLowerCase() === OPERATION_LOG_SHEET.toLowerCase());
  if (pre.length > 0 || needLog) {
    items.push({
      kind: "pre",
      bytes: pre.reduce((n, q) => n + q.bytes, needLog ? 2000 : 0),
      queue: () => {
        // Sheets first (the log among them), then merges and sizes on them.
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
    const log = logRows(run.writes.map((cw) => byWrite.get(cw)!));
    items.push({ kind: "cells", log, bytes: run.bytes + logRowsBytes(log), queue: () => queueValues(sheet, run) });
  }
  for (const run of formulaRuns(writes.filter((w) => w.value.t === "formula"))) {
    const log = logRows(run.writes);
    const relative = isRelativeRun(run.formulas);
    const payload = relative ? run.formulas[0] : run.formulas;
    items.push({
      kind: "cells",
      log,
      bytes: jsonBytes(payload) + 2 * ACTION_OVERHEAD_BYTES + logRowsBytes(log),
      queue: () => {
        const range = sheet(run.sheet).getRange(runAddress({ row: run.row, col: run.col, values: run.formulas }));
        if (run.numFmt !== undefined) setWhole(range, "numberFormat", run.numFmt);
        if (relative) setWhole(range, "formulas", `=${run.formulas[0]}`);
        else range.formulas = run.formulas.map((f) => [`=${f}`]);
      },
    });
  }
  if (looks.length > 0 || post.length > 0) {
    const lookRuns = looks.map((l) =>
      queued(lookBytes(l.look), () => {
        const range = sheet(l.sheet).getRange(
          areaRef({ top: l.row, left: l.col, bottom: l.row + l.rows - 1, right: l.col }),
        );
        queueLook(range, l.look, l.rows);
      }),
    );
    const all = [...lookRuns, ...post];
    const bytes = all.reduce((n, q) => n + q.bytes, 0);
    items.push({ kind: "post", bytes, queue: () => all.forEach((q) => q.queue()) });
  }
  if (items.length === 0) return;
  host.sheetsAdded([...created, ...(needLog ? [OPERATION_LOG_SHEET] : [])]);
  await host.write(items, (group) => {
    for (const item of group) if (item.kind === "pre") item.queue();
    const rows = group.flatMap((item) => (item.kind === "cells" ? item.log : []));
    if (rows.length > 0) queueLogRows(context, rows);
    for (const item of group) if (item.kind === "cells") item.queue();
    for (const item of group) if (item.kind === "post") item.queue();
  });
}

function queueValues(sheet: (name: string) => Excel.Worksheet, run: WriteRun): void {
  const range = sheet(run.sheet).getRange(runAddress(run));
  if (run.numberFormats) range.numberFormat = run.numberFormats.map((f) => [f]);
  range.values = run.values.map((v) => [v]);
}
