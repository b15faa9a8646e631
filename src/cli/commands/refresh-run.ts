/** What `duban refresh` does: loaded on its first run (refresh.ts holds its help and options). */
import { runRefresh, type RefreshResult } from "../../app/refresh";
import { renderSetupText } from "../../app/refresh-report";
import { xlsxSetupTarget } from "../../adapters/xlsx/apply-plan";
import { flagOption, ledgerOption, singleFile } from "../args";
import { openWorkbook, resolveOutput } from "../files";
import { saveWorkbook } from "../save";
import { toJsonText } from "../render";
import { EXIT_OK, type CliArgs, type CliIO } from "../types";

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
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const file = singleFile(args);
  const target = await resolveOutput(args, file, io);
  const book = await openWorkbook(file, io);
  const result = await runRefresh(book, xlsxSetupTarget(book), io.today, ledgerOption(args));
  const write = !target.inPlace || !result.unchanged;
  const { backup } = write ? await saveWorkbook(book, target) : { backup: null };
  if (flagOption(args, "json")) io.out(toJsonText(setupJson(result)));
  else io.out(renderSetupText(result, write ? target.shown : null, backup).join("\n"));
  return EXIT_OK;
}
