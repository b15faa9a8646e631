/** What `duban refresh` does: loaded on its first run (refresh.ts holds its help and options). */
import { runRefresh, type RefreshResult } from "../../app/refresh";
import { renderSetupText } from "../../app/refresh-report";
import { xlsxSetupTarget } from "../../adapters/xlsx/apply-plan";
import { ledgerOption } from "../args";
import { runLedgerEdit } from "../edit-command";
import type { CliArgs, CliIO } from "../types";

/**
 * `--json` of refresh and init.
 * @example setupJson(result) // { changes: [{ sheet, kind, count }], conflicts: [], notes: [], addedColumns: [...], calendarYears: {...} }
 */
export function setupJson(result: RefreshResult): object {
  return {
    changes: result.outcome.changes.map((c) => ({ sheet: c.sheet, kind: c.kind, count: c.count })),
    conflicts: result.outcome.conflicts.map((c) => ({ sheet: c.sheet, row: c.row, col: c.col, found: c.found })),
    notes: result.notes.map((n) => ({
      sheet: n.sheet,
      row: n.row ?? null,
      column: n.column ?? null,
      code: n.code,
      message: n.message,
    })),
    addedColumns: result.addedColumns,
    ledgers: result.ledgers,
    calendarYears: result.calendarYears,
    plainRangeReason: result.plainRangeReason,
  };
}

/** Runs `duban refresh` with parsed arguments; returns the exit code. */
export function run(args: CliArgs, io: CliIO): Promise<number> {
  return runLedgerEdit(args, io, {
    run: (book) => runRefresh(book, xlsxSetupTarget(book), io.today, ledgerOption(args)),
    changed: (result) => !result.unchanged,
    json: setupJson,
    text: renderSetupText,
  });
}
