/**
 * The port extension of an adapter that keeps the 操作日志 (its format: domain/operation-log.ts):
 * every cell the add-in writes is recorded with its old value, so that undo can put it back
 * even though Office.js writes may clear Excel's own undo stack.
 */
import type { CellWrite, WorkbookPort } from "../port";
import type { OperationMeta } from "../operations";

/** What an adapter that keeps the log offers on top of WorkbookPort. */
export interface LoggedWorkbookPort extends WorkbookPort {
  /**
   * Writes exactly these cells and records each one in the 操作日志 under one new 操作编号,
   * the log rows written before the cells in the same batch (so a write that happened always
   * has its entry). `old` of each write is what is recorded as the old value.
   */
  writeLogged(writes: readonly CellWrite[], meta: OperationMeta): Promise<void>;
  /**
   * Deletes the sheet `name` and records a 删除整个工作表 entry under `meta` (an undo of the
   * operation that created it), queued with the other writes of the operation. When the sheet
   * no longer exists, only the entry is recorded. The caller reads the sheet in the same
   * operation first, so the adapter knows whether it exists.
   */
  deleteSheet?(name: string, meta: OperationMeta): Promise<void>;
}

/** True when a port keeps the 操作日志. */
export function isLoggedPort(port: WorkbookPort): port is LoggedWorkbookPort {
  return typeof (port as Partial<LoggedWorkbookPort>).writeLogged === "function";
}
