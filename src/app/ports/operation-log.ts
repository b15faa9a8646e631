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

/** Whether a use case's writes went through the 操作日志. */
export interface LoggedOutcome {
  /** True when the writes went through the 操作日志 (撤销上次操作 can take them back). */
  readonly logged: boolean;
}

/**
 * Writes the cells of one operation: through the 操作日志 when the port keeps it, else plainly;
 * nothing at all when there is nothing to write. True when the port keeps the log.
 * @example await writeOperation(port, writes, { kind: "settings" }) // true on a port that keeps the log
 */
export async function writeOperation(
  port: WorkbookPort,
  writes: readonly CellWrite[],
  meta: OperationMeta,
): Promise<boolean> {
  const logged = isLoggedPort(port);
  if (writes.length === 0) return logged;
  if (logged) await port.writeLogged(writes, meta);
  else await port.writeCells(writes);
  return logged;
}
