/**
 * Use case: 撤销上次操作 — put back the old values of the add-in's last operation, from the
 * 操作日志. A cell a co-author (or the person) has changed since the operation is a conflict:
 * it is reported and left alone. Cells already holding their old value (a write that never
 * happened because its batch failed) are skipped. The undo is itself logged, naming the
 * operation it undoes, so undoing again walks further back and an undone operation is never
 * undone twice.
 *
 * An operation that created a whole sheet (a document) is undone by deleting that sheet; one
 * that replaced a sheet cannot be undone (the old sheet is gone), so undo stops there.
 */
import { cellText, type CellValue } from "../domain/cell";
import { sameStoredValue } from "../domain/cell-key";
import { OPERATION_LOG_SHEET, parseOperationLog, type LogEntry } from "../domain/operation-log";
import { findSheetName } from "../domain/sheet-name";
import type { CellWrite } from "./port";
import { operationKindOf, SETUP_OPERATIONS } from "./operations";
import type { LoggedWorkbookPort } from "./ports/operation-log";

/** A cell that was changed after the operation and therefore not restored. */
export interface UndoConflict extends Pick<LogEntry, "sheet" | "address" | "row" | "col"> {
  /** What the operation wrote. */
  readonly written: CellValue;
  /** What the cell holds now. */
  readonly current: CellValue;
  readonly message: string;
}

export interface UndoResult {
  /** The 操作编号 undone, null when there was nothing to undo. */
  readonly operationId: string | null;
  /** Its name (编号, 刷新 …), "" when nothing was undone. */
  readonly operation: string;
  /** Cells put back to their old value. */
  readonly restored: number;
  /** Cells that already held their old value. */
  readonly unchanged: number;
  /** Sheets the operation created that the undo deleted. */
  readonly deletedSheets?: readonly string[];
  /** Sheets the operation created that no longer existed (nothing to delete). */
  readonly missingSheets?: readonly string[];
  readonly conflicts: readonly UndoConflict[];
  /** Why nothing was undone, when the last operation is one undo stops at. */
  readonly blocked?: UndoBlock;
  /** One Chinese line for the task pane. */
  readonly message: string;
}

/**
 * Why undo stops at an operation instead of taking it back: a setup operation (刷新, 新建登记表:
 * it never changed what a person typed, and taking back its values — the log keeps formulas
 * only as text — would leave the 状态 formulas reading an empty calendar); an operation that
 * replaced sheets (the old sheets are gone); one that created sheets on a port that cannot
 * delete them.
 */
export type UndoBlock =
  | { readonly code: "setup-operation" }
  | { readonly code: "replaced-sheet"; readonly sheets: readonly string[] }
  | { readonly code: "sheet-not-deletable" };

/**
 * What the person reads when undo stops at `operation` (one Chinese line, saying what to do).
 * @example undoBlockMessage("刷新", { code: "setup-operation" }) // "上次操作是“刷新”，不能撤销：…"
 */
export function undoBlockMessage(operation: string, block: UndoBlock): string {
  switch (block.code) {
    case "setup-operation":
      return `上次操作是“${operation}”，不能撤销：它只补充设置、工作日历、公式和颜色，没有改动任何已填写的内容；撤销会清空红黄绿灯所依据的工作日历。如需回到之前的版本，请使用 Excel 的“版本历史”。`;
    case "replaced-sheet":
      return `上次操作“${operation}”替换了工作表${block.sheets.map((s) => `“${s}”`).join("、")}，原来的工作表已不存在，不能撤销。如需找回原来的内容，请使用 Excel 的“版本历史”。`;
    case "sheet-not-deletable":
      return `上次操作“${operation}”新建了工作表，此处无法删除工作表，不能撤销；如不需要，请手动删除该工作表。`;
  }
}

/** The entries of one operation, as the log lists them. */
export interface LoggedOperation {
  readonly id: string;
  readonly operation: string;
  readonly entries: readonly LogEntry[];
}

/**
 * The newest operation that is not an undo and has not been undone (the log lists newest
 * first; an operation's entries may be spread over several batches).
 * @example lastUndoableOperation(entries)?.operation // "编号"
 */
export function lastUndoableOperation(entries: readonly LogEntry[]): LoggedOperation | null {
  const undone = new Set(entries.filter((e) => e.undoes !== "").map((e) => e.undoes));
  const first = entries.find((e) => e.undoes === "" && !undone.has(e.id));
  if (!first) return null;
  return { id: first.id, operation: first.operation, entries: entries.filter((e) => e.id === first.id) };
}

/**
 * What undoing an operation writes, given the cells' current values: restore each cell that
 * still holds what the operation wrote; report the others. When the operation wrote a cell
 * more than once, the oldest old value (listed last) is the one restored.
 * @example planUndo(op, (sheet, row, col) => current).writes.length // 3
 */
export function planUndo(
  op: LoggedOperation,
  current: (sheet: string, row: number, col: number) => CellValue,
): { writes: CellWrite[]; conflicts: UndoConflict[]; unchanged: number } {
  const byCell = new Map<string, { first: LogEntry; oldest: LogEntry }>();
  for (const e of op.entries) {
    if (e.sheetAction) continue;
    const key = `${e.sheet}\u0000${e.row}\u0000${e.col}`;
    const seen = byCell.get(key);
    if (seen) seen.oldest = e;
    else byCell.set(key, { first: e, oldest: e });
  }
  const writes: CellWrite[] = [];
  const conflicts: UndoConflict[] = [];
  let unchanged = 0;
  for (const { first, oldest } of byCell.values()) {
    const now = current(first.sheet, first.row, first.col);
    if (sameStoredValue(now, first.new)) {
      writes.push({ sheet: first.sheet, row: first.row, col: first.col, value: oldest.old, old: now });
    } else if (sameStoredValue(now, oldest.old)) {
      unchanged += 1;
    } else {
      conflicts.push({
        sheet: first.sheet,
        address: first.address,
        row: first.row,
        col: first.col,
        written: first.new,
        current: now,
        message: `${first.sheet}!${first.address} 在该操作之后已被改为“${cellText(now)}”（操作写入的是“${cellText(first.new)}”），未撤销此单元格`,
      });
    }
  }
  return { writes, conflicts, unchanged };
}

/**
 * Undoes the add-in's last operation: reads the 操作日志, then the sheets the operation wrote,
 * restores what still holds the operation's values (one logged write) and reports conflicts.
 * @example await runUndo(port) // { operation: "编号", restored: 3, conflicts: [], message: "已撤销“编号”：恢复 3 个单元格" }
 */
export async function runUndo(port: LoggedWorkbookPort): Promise<UndoResult> {
  const [log] = await port.readSheets([OPERATION_LOG_SHEET]);
  const entries = log ? parseOperationLog(log).entries : [];
  const op = lastUndoableOperation(entries);
  if (!op) {
    return {
      operationId: null,
      operation: "",
      restored: 0,
      unchanged: 0,
      conflicts: [],
      message: "没有可撤销的操作",
    };
  }
  const blocked = undoBlocker(op, port);
  if (blocked !== null) {
    const message = undoBlockMessage(op.operation, blocked);
    return { operationId: null, operation: op.operation, restored: 0, unchanged: 0, conflicts: [], blocked, message };
  }
  const created = createdSheets(op);
  const isCreated = (sheet: string) => findSheetName(sheet, created) !== undefined;
  // Cells of a sheet the operation created go with the sheet.
  // A run entry (one formula over empty cells) only comes from a setup operation, never undone.
  const cells: LoggedOperation = {
    ...op,
    entries: op.entries.filter((e) => !e.sheetAction && e.lastRow === undefined && !isCreated(e.sheet)),
  };
  const sheets = [...new Set([...cells.entries.map((e) => e.sheet), ...created])];
  const grids = await port.readSheets(sheets);
  const current = (sheet: string, row: number, col: number): CellValue =>
    grids.find((g) => g.name === sheet)?.rows[row - 1]?.[col - 1] ?? { t: "empty" };
  const plan = planUndo(cells, current);
  const meta = { kind: "undo", undoes: op.id } as const;
  if (plan.writes.length > 0) await port.writeLogged(plan.writes, meta);
  const exists = (sheet: string) =>
    findSheetName(
      sheet,
      grids.map((g) => g.name),
    ) !== undefined;
  const deleted = created.filter(exists);
  const missing = created.filter((s) => !exists(s));
  // Every created sheet is recorded (a missing one too), so this operation counts as undone.
  for (const sheet of created) await port.deleteSheet!(sheet, meta);
  const done: string[] = [];
  if (plan.writes.length > 0 || created.length === 0) done.push(`恢复 ${plan.writes.length} 个单元格`);
  if (deleted.length > 0) done.push(`删除工作表${deleted.map((s) => `“${s}”`).join("、")}`);
  const parts = [`已撤销“${op.operation}”${done.length > 0 ? `：${done.join("，")}` : ""}`];
  if (missing.length > 0) {
    parts.push(`工作表${missing.map((s) => `“${s}”`).join("、")}已不存在（已被删除或改名），未删除`);
  }
  if (plan.conflicts.length > 0) parts.push(`${plan.conflicts.length} 个单元格已被他人修改，未撤销`);
  return {
    operationId: op.id,
    operation: op.operation,
    restored: plan.writes.length,
    unchanged: plan.unchanged,
    conflicts: plan.conflicts,
    ...(created.length > 0 ? { deletedSheets: deleted, missingSheets: missing } : {}),
    message: parts.join("；"),
  };
}

/**
 * The sheets an operation created (its 新建整个工作表 entries), once each.
 * @example createdSheets(op) // ["通知单〔2021〕3号"]
 */
export function createdSheets(op: LoggedOperation): string[] {
  return [...new Set(op.entries.filter((e) => e.sheetAction === "created").map((e) => e.sheet))];
}

/**
 * Why an operation cannot be undone, or null when it can (see UndoBlock).
 * @example undoBlocker(replacingOp, port) // { code: "replaced-sheet", sheets: ["通知单〔2021〕3号"] }
 */
export function undoBlocker(op: LoggedOperation, port: LoggedWorkbookPort): UndoBlock | null {
  const kind = operationKindOf(op.operation);
  if (kind !== null && SETUP_OPERATIONS.has(kind)) return { code: "setup-operation" };
  const replaced = [...new Set(op.entries.filter((e) => e.sheetAction === "replaced").map((e) => e.sheet))];
  if (replaced.length > 0) return { code: "replaced-sheet", sheets: replaced };
  if (createdSheets(op).length > 0 && typeof port.deleteSheet !== "function") return { code: "sheet-not-deletable" };
  return null;
}
